package com.mediamesh.analysis.filters;

import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.LovinsStemmer;

import com.mediamesh.analysis.util.Words;

/**
 * {@code stemmer} token filter. Setting {@code language} (alias {@code name}), default {@code english}:
 * <ul>
 *   <li>{@code english}, {@code porter}: Porter stemmer</li>
 *   <li>{@code light_english}, {@code kstem}: KStem</li>
 *   <li>{@code minimal_english}: minimal (plural) English stemmer</li>
 *   <li>{@code possessive_english}: strips trailing {@code 's}</li>
 *   <li>{@code porter2}: Snowball English; {@code lovins}: Snowball Lovins</li>
 *   <li>{@code arabic}: Arabic light stemmer</li>
 * </ul>
 */
@NamedComponent("stemmer")
public class StemmerTokenFilterFactory implements TokenFilterFactory {

    public static final List<String> LANGUAGES = List.of(
        "arabic", "english", "kstem", "light_english", "lovins", "minimal_english", "porter", "porter2", "possessive_english");

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "")
        String language();

        @StringSetting(path = "name", defaultValue = "")
        String name();
    }

    private final UnaryOperator<TokenStream> stemmer;

    @Inject
    public StemmerTokenFilterFactory(Settings settings) {
        String language = Words.key(settings.language());
        if (language.isEmpty()) {
            language = Words.key(settings.name());
        }
        if (language.isEmpty()) {
            language = "english";
        }
        this.stemmer = forLanguage(language);
    }

    static UnaryOperator<TokenStream> forLanguage(String language) {
        switch (language) {
            case "english":
            case "porter":
                return PorterStemFilter::new;
            case "light_english":
            case "kstem":
                return KStemFilter::new;
            case "minimal_english":
                return EnglishMinimalStemFilter::new;
            case "possessive_english":
                return EnglishPossessiveFilter::new;
            case "porter2":
                return in -> new SnowballFilter(in, new EnglishStemmer());
            case "lovins":
                return in -> new SnowballFilter(in, new LovinsStemmer());
            case "arabic":
                return ArabicStemFilter::new;
            default:
                throw new IllegalArgumentException(
                    "stemmer language [" + language + "] is not supported by mediamesh-analysis; supported: " + LANGUAGES);
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
