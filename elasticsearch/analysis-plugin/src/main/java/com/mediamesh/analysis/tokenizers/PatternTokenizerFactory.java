package com.mediamesh.analysis.tokenizers;

import java.util.regex.Pattern;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import com.mediamesh.analysis.util.RegexFlags;

/**
 * {@code pattern} tokenizer: Lucene's {@link PatternTokenizer}. Settings {@code pattern} (Java regex, default {@code \W+}),
 * {@code flags} (e.g. {@code CASE_INSENSITIVE|COMMENTS}), {@code group} (-1 = split on the pattern).
 */
@NamedComponent("pattern")
public class PatternTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "pattern", defaultValue = "\\W+")
        String pattern();

        @StringSetting(path = "flags", defaultValue = "")
        String flags();

        @IntSetting(path = "group", defaultValue = -1)
        int group();
    }

    private final Pattern pattern;
    private final int group;

    @Inject
    public PatternTokenizerFactory(Settings settings) {
        String p = settings.pattern() == null || settings.pattern().isEmpty() ? "\\W+" : settings.pattern();
        this.pattern = Pattern.compile(p, RegexFlags.parse(settings.flags()));
        this.group = settings.group();
    }

    @Override
    public Tokenizer create() {
        return new PatternTokenizer(pattern, group);
    }
}
