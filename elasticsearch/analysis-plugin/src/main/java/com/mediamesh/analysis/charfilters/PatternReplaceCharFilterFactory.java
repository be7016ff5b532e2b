package com.mediamesh.analysis.charfilters;

import java.io.Reader;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

import com.mediamesh.analysis.util.RegexFlags;

/**
 * {@code pattern_replace}: Lucene's {@link PatternReplaceCharFilter}. Settings {@code pattern} (Java regex),
 * {@code replacement} (may use {@code $1}), {@code flags}. Without a pattern the filter is a no-op.
 */
@NamedComponent("pattern_replace")
public class PatternReplaceCharFilterFactory implements CharFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "pattern", defaultValue = "")
        String pattern();

        @StringSetting(path = "replacement", defaultValue = "")
        String replacement();

        @StringSetting(path = "flags", defaultValue = "")
        String flags();
    }

    private final Pattern pattern;
    private final String replacement;

    @Inject
    public PatternReplaceCharFilterFactory(Settings settings) {
        String p = settings.pattern();
        this.pattern = p == null || p.isEmpty() ? null : Pattern.compile(p, RegexFlags.parse(settings.flags()));
        this.replacement = settings.replacement() == null ? "" : settings.replacement();
    }

    @Override
    public Reader create(Reader reader) {
        return pattern == null ? reader : new PatternReplaceCharFilter(pattern, replacement, reader);
    }

    @Override
    public Reader normalize(Reader reader) {
        return create(reader);
    }
}
