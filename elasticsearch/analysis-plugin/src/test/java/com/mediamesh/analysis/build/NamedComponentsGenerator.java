package com.mediamesh.analysis.build;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * Build-time helper (test scope, never shipped): scans compiled plugin classes for
 * {@code @NamedComponent} implementations of the stable analysis interfaces and writes
 * {@code named_components.json} ({ interface: { name: class } }), sorted for reproducible output.
 */
public final class NamedComponentsGenerator {

    public static final List<Class<?>> EXTENSIBLE = List.of(
        AnalyzerFactory.class, CharFilterFactory.class, TokenFilterFactory.class, TokenizerFactory.class);

    private NamedComponentsGenerator() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NamedComponentsGenerator <classesDir> <outputFile>");
        }
        Map<String, Map<String, String>> components = scan(Paths.get(args[0]));
        Path out = Paths.get(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, toJson(components), StandardCharsets.UTF_8);
        int total = components.values().stream().mapToInt(Map::size).sum();
        System.out.println("[named_components] wrote " + total + " components to " + out);
    }

    /** interface FQCN -> (component name -> implementing class FQCN), all sorted. */
    public static Map<String, Map<String, String>> scan(Path classesDir) throws IOException, ClassNotFoundException {
        List<String> classNames;
        try (Stream<Path> files = Files.walk(classesDir)) {
            classNames = files
                .filter(p -> p.toString().endsWith(".class"))
                .map(p -> classesDir.relativize(p).toString())
                .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                .sorted()
                .collect(Collectors.toList());
        }
        ClassLoader loader = NamedComponentsGenerator.class.getClassLoader();
        Map<String, Map<String, String>> result = new TreeMap<>();
        for (String className : classNames) {
            Class<?> c = Class.forName(className, false, loader);
            NamedComponent named = c.getAnnotation(NamedComponent.class);
            if (named == null || c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                continue;
            }
            boolean matched = false;
            for (Class<?> iface : EXTENSIBLE) {
                if (iface.isAssignableFrom(c)) {
                    Map<String, String> byName = result.computeIfAbsent(iface.getName(), k -> new TreeMap<>());
                    String previous = byName.put(named.value(), c.getName());
                    if (previous != null) {
                        throw new IllegalStateException("duplicate component name [" + named.value() + "] for "
                            + iface.getSimpleName() + ": " + previous + " and " + c.getName());
                    }
                    matched = true;
                }
            }
            if (matched == false) {
                throw new IllegalStateException(c.getName() + " has @NamedComponent but implements no analysis interface");
            }
        }
        return result;
    }

    public static String toJson(Map<String, Map<String, String>> components) {
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Map<String, String>> e : components.entrySet()) {
            sb.append("  ").append(quote(e.getKey())).append(": {\n");
            int j = 0;
            for (Map.Entry<String, String> c : e.getValue().entrySet()) {
                sb.append("    ").append(quote(c.getKey())).append(": ").append(quote(c.getValue()));
                sb.append(++j < e.getValue().size() ? ",\n" : "\n");
            }
            sb.append("  }").append(++i < components.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
