package com.mediamesh.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.elasticsearch.plugin.Nameable;
import org.junit.jupiter.api.Test;

import com.mediamesh.analysis.build.NamedComponentsGenerator;

class PluginPackagingTest {

    private static Path classesDir() {
        return Paths.get("target", "classes");
    }

    @Test
    void descriptorHasExactlyTheStablePluginKeys() throws Exception {
        String file = System.getProperty("descriptorFile", "target/plugin-metadata/stable-plugin-descriptor.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Paths.get(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertEquals(Set.of("name", "description", "version", "elasticsearch.version", "java.version"), p.stringPropertyNames());
        assertEquals("mediamesh-analysis", p.getProperty("name"));
        assertEquals("17", p.getProperty("java.version"));
        assertTrue(p.getProperty("elasticsearch.version").matches("\\d+\\.\\d+\\.\\d+"), p.getProperty("elasticsearch.version"));
        assertFalse(p.getProperty("version").contains("${"));
    }

    @Test
    void everyComponentInstantiatesWithDefaultSettingsAndHasItsName() throws Exception {
        // Elasticsearch may instantiate a registered component with empty settings, so none may require a setting.
        Map<String, Map<String, String>> components = NamedComponentsGenerator.scan(classesDir());
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, Map<String, String>> byIface : components.entrySet()) {
            for (Map.Entry<String, String> c : byIface.getValue().entrySet()) {
                Object instance = Analysis.create(Class.forName(c.getValue()), Map.of());
                assertNotNull(instance);
                assertEquals(c.getKey(), ((Nameable) instance).name());
                names.add(byIface.getKey().substring(byIface.getKey().lastIndexOf('.') + 1) + ":" + c.getKey());
            }
        }
        assertTrue(names.contains("AnalyzerFactory:english"), names.toString());
        assertTrue(names.contains("AnalyzerFactory:arabic"), names.toString());
        assertTrue(names.contains("TokenFilterFactory:stemmer"), names.toString());
        assertTrue(names.contains("TokenFilterFactory:edge_ngram"), names.toString());
    }

    @Test
    void generatedNamedComponentsFileMatchesClasses() throws Exception {
        Path file = Paths.get(System.getProperty("namedComponentsFile", "target/plugin-metadata/named_components.json"));
        assertTrue(Files.exists(file), file + " should have been generated in process-test-classes");
        String expected = NamedComponentsGenerator.toJson(NamedComponentsGenerator.scan(classesDir()));
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    }
}
