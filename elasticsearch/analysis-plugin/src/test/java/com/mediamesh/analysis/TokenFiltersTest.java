package com.mediamesh.analysis;

import static com.mediamesh.analysis.Analysis.create;
import static com.mediamesh.analysis.Analysis.standard;
import static com.mediamesh.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

import com.mediamesh.analysis.analyzers.EnglishAnalyzerFactory;
import com.mediamesh.analysis.filters.AsciiFoldingTokenFilterFactory;
import com.mediamesh.analysis.filters.DecimalDigitTokenFilterFactory;
import com.mediamesh.analysis.filters.EdgeNGramTokenFilterFactory;
import com.mediamesh.analysis.filters.KStemTokenFilterFactory;
import com.mediamesh.analysis.filters.KeywordMarkerTokenFilterFactory;
import com.mediamesh.analysis.filters.LengthTokenFilterFactory;
import com.mediamesh.analysis.filters.NGramTokenFilterFactory;
import com.mediamesh.analysis.filters.PorterStemTokenFilterFactory;
import com.mediamesh.analysis.filters.ReverseTokenFilterFactory;
import com.mediamesh.analysis.filters.SnowballTokenFilterFactory;
import com.mediamesh.analysis.filters.StemmerTokenFilterFactory;
import com.mediamesh.analysis.filters.TrimTokenFilterFactory;
import com.mediamesh.analysis.filters.TruncateTokenFilterFactory;
import com.mediamesh.analysis.filters.UppercaseTokenFilterFactory;

class TokenFiltersTest {

    private static final TokenFilterFactory LOWERCASE = LowerCaseFilter::new;
    private static final TokenFilterFactory STOP_EN = ts -> new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

    private static StemmerTokenFilterFactory stemmer(String language) {
        return create(StemmerTokenFilterFactory.class, language == null ? Map.of() : Map.of("language", language));
    }

    @Test
    void stemmerDefaultsToPorter() {
        assertEquals(List.of("jump", "lazi", "studi", "organ"),
            tokens(standard(LOWERCASE, stemmer(null)), "jumped lazy studies organization"));
        assertEquals(tokens(standard(LOWERCASE, stemmer(null)), "jumped lazy studies"),
            tokens(standard(LOWERCASE, stemmer("english")), "jumped lazy studies"));
        assertEquals(tokens(standard(LOWERCASE, stemmer("english")), "jumped lazy studies"),
            tokens(standard(LOWERCASE, create(PorterStemTokenFilterFactory.class)), "jumped lazy studies"));
    }

    @Test
    void stemmerNameAliasAndCaseInsensitiveLanguage() {
        StemmerTokenFilterFactory byName = create(StemmerTokenFilterFactory.class, Map.of("name", "minimal_english"));
        assertEquals(List.of("dog", "study"), tokens(standard(LOWERCASE, byName), "dogs studies"));
        assertEquals(List.of("fox"), tokens(standard(LOWERCASE, stemmer("Light_English")), "foxes"));
    }

    @Test
    void stemmerLanguages() {
        assertEquals(List.of("study", "organization"), tokens(standard(LOWERCASE, stemmer("light_english")), "studies organizations"));
        assertEquals(tokens(standard(LOWERCASE, create(KStemTokenFilterFactory.class)), "studies organizations"),
            tokens(standard(LOWERCASE, stemmer("light_english")), "studies organizations"));
        assertEquals(List.of("dog", "study", "foxe"), tokens(standard(LOWERCASE, stemmer("minimal_english")), "dogs studies foxes"));
        assertEquals(List.of("dog", "foxes"), tokens(standard(LOWERCASE, stemmer("possessive_english")), "dog's foxes"));
        assertEquals(List.of("generous", "famili"), tokens(standard(LOWERCASE, stemmer("porter2")), "generously families"));
        assertEquals(List.of("كتاب", "مكتب"), tokens(standard(stemmer("arabic")), "الكتاب والمكتبات"));
    }

    @Test
    void stemmerRejectsUnknownLanguage() {
        assertThrows(IllegalArgumentException.class, () -> stemmer("klingon"));
    }

    @Test
    void keywordMarkerProtectsFromStemming() {
        KeywordMarkerTokenFilterFactory marker = create(KeywordMarkerTokenFilterFactory.class, Map.of("keywords", List.of("organization")));
        assertEquals(List.of("organization", "studi"),
            tokens(standard(LOWERCASE, marker, stemmer("english")), "Organization studies"));
        KeywordMarkerTokenFilterFactory byPattern = create(KeywordMarkerTokenFilterFactory.class, Map.of("keywords_pattern", "^org.*"));
        assertEquals(List.of("organization", "studi"),
            tokens(standard(LOWERCASE, byPattern, stemmer("english")), "Organization studies"));
        // unconfigured: no-op
        assertEquals(List.of("organ"), tokens(standard(LOWERCASE, create(KeywordMarkerTokenFilterFactory.class), stemmer(null)), "organization"));
    }

    @Test
    void titleEnglishCustomChainMatchesEnglishAnalyzer() {
        // standard + possessive_english + lowercase + stop(_english_) + stemmer(english)
        var chain = standard(stemmer("possessive_english"), LOWERCASE, STOP_EN, stemmer("english"));
        String text = "The 2 QUICK Brown-Foxes jumped over the lazy dog's bone.";
        assertEquals(tokens(create(EnglishAnalyzerFactory.class).create(), text), tokens(chain, text));
    }

    @Test
    void asciiFolding() {
        assertEquals(List.of("cafe", "creme", "brulee"),
            tokens(standard(LOWERCASE, create(AsciiFoldingTokenFilterFactory.class)), "Café crème brûlée"));
        assertEquals(List.of("cafe", "café"),
            tokens(standard(LOWERCASE, create(AsciiFoldingTokenFilterFactory.class, Map.of("preserve_original", true))), "Café"));
    }

    @Test
    void edgeNGramDefaultsAndAutocomplete() {
        assertEquals(List.of("q", "qu"), tokens(standard(LOWERCASE, create(EdgeNGramTokenFilterFactory.class)), "Quick"));
        var autocomplete = standard(LOWERCASE, create(AsciiFoldingTokenFilterFactory.class),
            create(EdgeNGramTokenFilterFactory.class, Map.of("min_gram", 2, "max_gram", 15)));
        assertEquals(List.of("qu", "qui", "quic", "quick", "ca", "caf", "cafe"), tokens(autocomplete, "Quick café"));
        var preserve = standard(create(EdgeNGramTokenFilterFactory.class, Map.of("min_gram", 2, "max_gram", 3, "preserve_original", true)));
        assertEquals(List.of("qu", "qui", "quick", "a"), tokens(preserve, "quick a"));
        assertThrows(IllegalArgumentException.class,
            () -> create(EdgeNGramTokenFilterFactory.class, Map.of("min_gram", 3, "max_gram", 2)));
    }

    @Test
    void ngram() {
        assertEquals(List.of("f", "fo", "o", "ox", "x"), tokens(standard(create(NGramTokenFilterFactory.class)), "fox"));
        assertEquals(List.of("fo", "fox", "ox"),
            tokens(standard(create(NGramTokenFilterFactory.class, Map.of("min_gram", 2, "max_gram", 3))), "fox"));
    }

    @Test
    void decimalDigit() {
        assertEquals(List.of("2024", "123"), tokens(standard(create(DecimalDigitTokenFilterFactory.class)), "٢٠٢٤ ۱۲۳"));
    }

    @Test
    void snowball() {
        assertEquals(List.of("generous"), tokens(standard(LOWERCASE, create(SnowballTokenFilterFactory.class)), "generously"));
        assertEquals(List.of("generous"),
            tokens(standard(LOWERCASE, create(SnowballTokenFilterFactory.class, Map.of("language", "english"))), "generously"));
        assertThrows(IllegalArgumentException.class, () -> create(SnowballTokenFilterFactory.class, Map.of("language", "Klingon")));
    }

    @Test
    void smallFilters() {
        assertEquals(List.of("abcdefghij"), tokens(standard(create(TruncateTokenFilterFactory.class)), "abcdefghijklmnop"));
        assertEquals(List.of("abc"), tokens(standard(create(TruncateTokenFilterFactory.class, Map.of("length", 3))), "abcdef"));
        assertEquals(List.of("bb", "ccc"),
            tokens(standard(create(LengthTokenFilterFactory.class, Map.of("min", 2, "max", 3))), "a bb ccc dddd"));
        assertEquals(List.of("xof"), tokens(standard(create(ReverseTokenFilterFactory.class)), "fox"));
        assertEquals(List.of("FOX"), tokens(standard(create(UppercaseTokenFilterFactory.class)), "fox"));
        assertEquals(List.of("fox"), tokens(standard(create(TrimTokenFilterFactory.class)), "fox"));
    }
}
