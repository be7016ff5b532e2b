package com.mediamesh.analysis.tokenizers;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/** {@code max_token_length} (default 255) for the whitespace, classic and uax_url_email tokenizers. */
@AnalysisSettings
public interface MaxTokenLengthSettings {
    @IntSetting(path = "max_token_length", defaultValue = 255)
    int maxTokenLength();
}
