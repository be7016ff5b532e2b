package com.mediamesh.analysis.filters;

import java.util.Locale;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/** {@code snowball}: Lucene's {@link SnowballFilter}; setting {@code language} (default {@code English}, e.g. {@code Arabic}, {@code Porter}). */
@NamedComponent("snowball")
public class SnowballTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "English")
        String language();
    }

    private final String language;

    @Inject
    public SnowballTokenFilterFactory(Settings settings) {
        String raw = settings.language() == null ? "" : settings.language().trim();
        if (raw.isEmpty()) {
            raw = "English";
        }
        String normalised = raw.substring(0, 1).toUpperCase(Locale.ROOT) + raw.substring(1).toLowerCase(Locale.ROOT);
        try {
            Class.forName("org.tartarus.snowball.ext." + normalised + "Stemmer", false, SnowballFilter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("snowball language [" + raw + "] is not available in Lucene", e);
        }
        this.language = normalised;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new SnowballFilter(tokenStream, language);
    }
}
