package com.mediamesh.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.LongSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** Test helpers: instantiate components the way Elasticsearch does and collect tokens. */
public final class Analysis {

    private Analysis() {}

    /**
     * Mirrors the stable-plugin instantiation rules of Elasticsearch: exactly one public constructor,
     * either no-arg or annotated {@code @Inject} whose parameters are {@code @AnalysisSettings} interfaces,
     * backed by a proxy returning the configured value or the annotation default (empty list for lists).
     */
    public static <T> T create(Class<T> type, Map<String, Object> settings) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type + ": plugin can only have one public constructor");
        }
        Constructor<?> ctor = constructors[0];
        try {
            if (ctor.getParameterCount() == 0) {
                return type.cast(ctor.newInstance());
            }
            if (ctor.getAnnotation(Inject.class) == null) {
                throw new IllegalStateException(type + ": constructor with parameters must be annotated @Inject");
            }
            Class<?>[] params = ctor.getParameterTypes();
            Object[] args = new Object[params.length];
            for (int i = 0; i < params.length; i++) {
                args[i] = settingsProxy(params[i], settings);
            }
            return type.cast(ctor.newInstance(args));
        } catch (ReflectiveOperationException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e);
        }
    }

    public static <T> T create(Class<T> type) {
        return create(type, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Object settingsProxy(Class<?> iface, Map<String, Object> settings) {
        if (iface.getAnnotation(AnalysisSettings.class) == null) {
            throw new IllegalStateException(iface + " is not annotated @AnalysisSettings");
        }
        return Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] { iface }, (proxy, method, args) -> {
            Object configured = settings.get(path(method));
            if (method.isAnnotationPresent(IntSetting.class)) {
                return configured != null ? (Integer) configured : method.getAnnotation(IntSetting.class).defaultValue();
            }
            if (method.isAnnotationPresent(LongSetting.class)) {
                return configured != null ? (Long) configured : method.getAnnotation(LongSetting.class).defaultValue();
            }
            if (method.isAnnotationPresent(BooleanSetting.class)) {
                return configured != null ? (Boolean) configured : method.getAnnotation(BooleanSetting.class).defaultValue();
            }
            if (method.isAnnotationPresent(StringSetting.class)) {
                return configured != null ? (String) configured : method.getAnnotation(StringSetting.class).defaultValue();
            }
            if (method.isAnnotationPresent(ListSetting.class)) {
                if (configured == null) {
                    return Collections.emptyList();
                }
                return configured instanceof String ? List.of((String) configured) : (List<String>) configured;
            }
            throw new IllegalArgumentException("unsupported settings method " + method);
        });
    }

    private static String path(Method m) {
        if (m.isAnnotationPresent(IntSetting.class)) return m.getAnnotation(IntSetting.class).path();
        if (m.isAnnotationPresent(LongSetting.class)) return m.getAnnotation(LongSetting.class).path();
        if (m.isAnnotationPresent(BooleanSetting.class)) return m.getAnnotation(BooleanSetting.class).path();
        if (m.isAnnotationPresent(StringSetting.class)) return m.getAnnotation(StringSetting.class).path();
        if (m.isAnnotationPresent(ListSetting.class)) return m.getAnnotation(ListSetting.class).path();
        throw new IllegalArgumentException("method without setting annotation: " + m);
    }

    public static List<String> tokens(Analyzer analyzer, String text) {
        try (TokenStream ts = analyzer.tokenStream("field", text)) {
            return drain(ts);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> drain(TokenStream ts) throws IOException {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        List<String> out = new ArrayList<>();
        ts.reset();
        while (ts.incrementToken()) {
            out.add(term.toString());
        }
        ts.end();
        return out;
    }

    /** A custom analyzer assembled like an Elasticsearch "custom" analyzer definition. */
    public static Analyzer custom(TokenizerFactory tokenizer, List<CharFilterFactory> charFilters, TokenFilterFactory... filters) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                Reader r = reader;
                for (CharFilterFactory cf : charFilters) {
                    r = cf.create(r);
                }
                return r;
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer == null ? new StandardTokenizer() : tokenizer.create();
                TokenStream ts = source;
                for (TokenFilterFactory f : filters) {
                    ts = f.create(ts);
                }
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** standard tokenizer + the given filters. */
    public static Analyzer standard(TokenFilterFactory... filters) {
        return custom(null, List.of(), filters);
    }

    public static String charFiltered(CharFilterFactory f, String text) throws IOException {
        try (Reader r = f.create(new StringReader(text))) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[256];
            int n;
            while ((n = r.read(buf)) != -1) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }
}
