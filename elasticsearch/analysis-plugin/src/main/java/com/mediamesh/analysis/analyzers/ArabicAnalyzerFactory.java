package com.mediamesh.analysis.analyzers;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

import com.mediamesh.analysis.util.Words;

/**
 * {@code arabic} analyzer: Lucene's {@link ArabicAnalyzer}
 * (standard tokenizer, lower case, decimal digit folding, stop words, Arabic normalisation,
 * keyword marker for {@code stem_exclusion}, Arabic light stemmer).
 */
@NamedComponent("arabic")
public class ArabicAnalyzerFactory implements AnalyzerFactory {

    private final CharArraySet stopwords;
    private final CharArraySet stemExclusion;

    @Inject
    public ArabicAnalyzerFactory(LanguageAnalyzerSettings settings) {
        this.stopwords = Words.stopwords(settings.stopwords(), ArabicAnalyzer.getDefaultStopSet(), false);
        this.stemExclusion = Words.wordSet(settings.stemExclusion(), false);
    }

    @Override
    public Analyzer create() {
        return new ArabicAnalyzer(stopwords, stemExclusion);
    }
}
