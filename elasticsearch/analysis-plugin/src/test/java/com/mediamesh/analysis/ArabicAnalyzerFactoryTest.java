package com.mediamesh.analysis;

import static com.mediamesh.analysis.Analysis.create;
import static com.mediamesh.analysis.Analysis.standard;
import static com.mediamesh.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

import com.mediamesh.analysis.analyzers.ArabicAnalyzerFactory;
import com.mediamesh.analysis.filters.ArabicNormalizationTokenFilterFactory;
import com.mediamesh.analysis.filters.ArabicStemTokenFilterFactory;
import com.mediamesh.analysis.filters.DecimalDigitTokenFilterFactory;

class ArabicAnalyzerFactoryTest {

    private static Analyzer arabic(Map<String, Object> settings) {
        return create(ArabicAnalyzerFactory.class, settings).create();
    }

    private static final Analyzer NORMALIZE_ONLY = standard(create(ArabicNormalizationTokenFilterFactory.class));

    @Test
    void normalizesAlefForms() {
        // أ إ آ -> ا
        assertEquals(List.of("احمد", "اسلام", "امن"), tokens(NORMALIZE_ONLY, "أحمد إسلام آمن"));
    }

    @Test
    void normalizesTehMarbutaAndAlefMaksura() {
        // ة -> ه, ى -> ي
        assertEquals(List.of("مدرسه", "مستشفي"), tokens(NORMALIZE_ONLY, "مدرسة مستشفى"));
    }

    @Test
    void removesHarakatAndTatweel() {
        assertEquals(List.of("كتب", "كتاب"), tokens(NORMALIZE_ONLY, "كَتَبَ كتـــاب"));
    }

    @Test
    void lightStemmingOfPrefixesAndSuffixes() {
        Analyzer a = arabic(Map.of());
        assertEquals(List.of("كتاب"), tokens(a, "الكتاب"));
        assertEquals(List.of("مكتب"), tokens(a, "والمكتبات"));
        assertEquals(List.of("معلم", "معلم", "سيارت"), tokens(a, "المعلمون المعلمين سيارتها"));
    }

    @Test
    void fullAnalyzerNormalizesStemsAndFoldsDigits() {
        assertEquals(List.of("احمد", "اسلام", "امن", "مدرس", "مستشف", "كتب", "كتاب"),
            tokens(arabic(Map.of()), "أحمد إسلام آمن مدرسة مستشفى كَتَبَ كتـــاب"));
        assertEquals(List.of("2024", "جميع", "اطفال", "يذهب", "مدرس"),
            tokens(arabic(Map.of()), "٢٠٢٤ جَميع الأطفال يذهبون إلى المدرسة"));
    }

    @Test
    void defaultStopWordsAreRemoved() {
        // في and إلى are in Lucene's Arabic stop set
        assertEquals(List.of("كتاب", "مكتب", "بيت"), tokens(arabic(Map.of()), "الكتاب والمكتبات في البيت"));
    }

    @Test
    void stopwordsNoneKeepsStopWords() {
        assertEquals(List.of("كتاب", "في", "بيت"), tokens(arabic(Map.of("stopwords", "_none_")), "الكتاب في البيت"));
    }

    @Test
    void customStopwords() {
        assertEquals(List.of("في", "بيت"), tokens(arabic(Map.of("stopwords", List.of("الكتاب"))), "الكتاب في البيت"));
    }

    @Test
    void stemExclusionUsesNormalizedForm() {
        // the keyword marker runs after normalisation, so exclusions are given in normalised form
        Analyzer a = arabic(Map.of("stem_exclusion", List.of("المكتبات")));
        assertEquals(List.of("المكتبات", "كتاب"), tokens(a, "المكتبات الكتاب"));
    }

    @Test
    void customChainMatchesBuiltInAnalyzer() {
        // standard + lowercase + decimal_digit + stop(_arabic_) + arabic_normalization + arabic_stem
        TokenFilterFactory lowercase = LowerCaseFilter::new;
        TokenFilterFactory stop = ts -> new StopFilter(ts, ArabicAnalyzer.getDefaultStopSet());
        Analyzer chain = standard(lowercase, create(DecimalDigitTokenFilterFactory.class), stop,
            create(ArabicNormalizationTokenFilterFactory.class), create(ArabicStemTokenFilterFactory.class));
        String text = "٢٠٢٤ جَميع الأطفال يذهبون إلى المدرسة والمكتبات في مكتبة الإسكندرية ABC";
        assertEquals(tokens(arabic(Map.of()), text), tokens(chain, text));
    }
}
