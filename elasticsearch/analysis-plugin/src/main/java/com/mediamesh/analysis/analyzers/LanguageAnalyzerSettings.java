package com.mediamesh.analysis.analyzers;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** Settings shared by the language analyzers, with the names used by Elasticsearch's built-in ones. */
@AnalysisSettings
public interface LanguageAnalyzerSettings {

    /** Stop words: a list of words, or a predefined set name such as {@code _english_}, {@code _arabic_}, {@code _none_}. */
    @ListSetting(path = "stopwords")
    List<String> stopwords();

    /** Words that must not be stemmed (already lower-cased / in the analyzer's normalised form). */
    @ListSetting(path = "stem_exclusion")
    List<String> stemExclusion();
}
