package com.mediamesh.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code ngram}: Lucene's {@link NGramTokenFilter}.
 * Settings {@code min_gram} (1), {@code max_gram} (2), {@code preserve_original} (false).
 * Note: the index setting {@code index.max_ngram_diff} is not enforced (a stable plugin cannot read index settings).
 */
@NamedComponent("ngram")
public class NGramTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;

    @Inject
    public NGramTokenFilterFactory(Settings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        this.preserveOriginal = settings.preserveOriginal();
        validate("ngram", minGram, maxGram);
    }

    static void validate(String name, int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException("[" + name + "] min_gram must be >= 1, got " + minGram);
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException("[" + name + "] max_gram (" + maxGram + ") must be >= min_gram (" + minGram + ")");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new NGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }
}
