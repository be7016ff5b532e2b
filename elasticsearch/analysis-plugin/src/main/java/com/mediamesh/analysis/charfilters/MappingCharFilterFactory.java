package com.mediamesh.analysis.charfilters;

import java.io.Reader;
import java.util.List;

import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code mapping}: Lucene's {@link MappingCharFilter}. Setting {@code mappings}: a list of
 * {@code "from => to"} rules; {@code to} may be empty. Escapes: {@code \\n \\t \\r \\\\ \\uXXXX}.
 * Without mappings the filter is a no-op.
 */
@NamedComponent("mapping")
public class MappingCharFilterFactory implements CharFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "mappings")
        List<String> mappings();
    }

    private final NormalizeCharMap map;

    @Inject
    public MappingCharFilterFactory(Settings settings) {
        this.map = parse(settings.mappings());
    }

    static NormalizeCharMap parse(List<String> rules) {
        if (rules == null || rules.isEmpty()) {
            return null;
        }
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (String rule : rules) {
            int arrow = rule.indexOf("=>");
            if (arrow < 0) {
                throw new IllegalArgumentException("invalid mapping rule [" + rule + "], expected [from => to]");
            }
            String from = unescape(rule.substring(0, arrow).trim());
            String to = unescape(rule.substring(arrow + 2).trim());
            if (from.isEmpty()) {
                throw new IllegalArgumentException("invalid mapping rule [" + rule + "], empty left-hand side");
            }
            builder.add(from, to);
        }
        return builder.build();
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'f': out.append('\f'); break;
                case 'b': out.append('\b'); break;
                case 'u':
                    if (i + 4 >= s.length()) {
                        throw new IllegalArgumentException("invalid \\u escape in [" + s + "]");
                    }
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                    break;
                default: out.append(n); break;
            }
        }
        return out.toString();
    }

    @Override
    public Reader create(Reader reader) {
        return map == null ? reader : new MappingCharFilter(map, reader);
    }

    @Override
    public Reader normalize(Reader reader) {
        return create(reader);
    }
}
