package com.mediamesh.analysis.filters;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

import com.mediamesh.analysis.util.Words;

/**
 * {@code keyword_marker}: marks tokens as keywords so that following stemmers leave them alone
 * (Lucene's {@link SetKeywordMarkerFilter} / {@link PatternKeywordMarkerFilter}).
 * Settings {@code keywords} (list), {@code keywords_pattern} (Java regex), {@code ignore_case} (false).
 * Without either setting the filter is a no-op (stable plugins cannot declare required settings).
 */
@NamedComponent("keyword_marker")
public class KeywordMarkerTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "keywords")
        List<String> keywords();

        @StringSetting(path = "keywords_pattern", defaultValue = "")
        String keywordsPattern();

        @BooleanSetting(path = "ignore_case", defaultValue = false)
        boolean ignoreCase();
    }

    private final CharArraySet keywords;
    private final Pattern pattern;

    @Inject
    public KeywordMarkerTokenFilterFactory(Settings settings) {
        String p = settings.keywordsPattern();
        boolean hasPattern = p != null && p.isEmpty() == false;
        List<String> words = settings.keywords();
        boolean hasWords = words != null && words.isEmpty() == false;
        if (hasPattern && hasWords) {
            throw new IllegalArgumentException("[keyword_marker] use either [keywords] or [keywords_pattern], not both");
        }
        this.pattern = hasPattern ? Pattern.compile(p) : null;
        this.keywords = Words.wordSet(words, settings.ignoreCase());
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        if (pattern != null) {
            return new PatternKeywordMarkerFilter(tokenStream, pattern);
        }
        if (keywords.isEmpty()) {
            return tokenStream;
        }
        return new SetKeywordMarkerFilter(tokenStream, keywords);
    }
}
