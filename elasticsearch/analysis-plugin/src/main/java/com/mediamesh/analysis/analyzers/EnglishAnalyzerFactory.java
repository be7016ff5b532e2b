package com.mediamesh.analysis.analyzers;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

import com.mediamesh.analysis.util.Words;

/**
 * {@code english} analyzer: Lucene's {@link EnglishAnalyzer}
 * (standard tokenizer, English possessive filter, lower case, stop words,
 * keyword marker for {@code stem_exclusion}, Porter stemmer).
 */
@NamedComponent("english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {

    private final CharArraySet stopwords;
    private final CharArraySet stemExclusion;

    @Inject
    public EnglishAnalyzerFactory(LanguageAnalyzerSettings settings) {
        this.stopwords = Words.stopwords(settings.stopwords(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        this.stemExclusion = Words.wordSet(settings.stemExclusion(), false);
    }

    @Override
    public Analyzer create() {
        return new EnglishAnalyzer(stopwords, stemExclusion);
    }
}
