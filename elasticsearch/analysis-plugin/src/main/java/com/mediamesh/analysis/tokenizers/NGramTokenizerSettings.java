package com.mediamesh.analysis.tokenizers;

import java.util.List;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** Settings of the {@code ngram} and {@code edge_ngram} tokenizers. */
@AnalysisSettings
public interface NGramTokenizerSettings {
    @IntSetting(path = "min_gram", defaultValue = 1)
    int minGram();

    @IntSetting(path = "max_gram", defaultValue = 2)
    int maxGram();

    /** letter, digit, whitespace, punctuation, symbol, custom; empty keeps all characters. */
    @ListSetting(path = "token_chars")
    List<String> tokenChars();

    @StringSetting(path = "custom_token_chars", defaultValue = "")
    String customTokenChars();
}
