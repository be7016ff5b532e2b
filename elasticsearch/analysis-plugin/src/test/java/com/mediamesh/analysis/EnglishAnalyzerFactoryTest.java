package com.mediamesh.analysis;

import static com.mediamesh.analysis.Analysis.create;
import static com.mediamesh.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import com.mediamesh.analysis.analyzers.EnglishAnalyzerFactory;

class EnglishAnalyzerFactoryTest {

    private static Analyzer english(Map<String, Object> settings) {
        return create(EnglishAnalyzerFactory.class, settings).create();
    }

    @Test
    void documentedElasticsearchExample() {
        // the example output documented for the built-in english analyzer
        assertEquals(List.of("2", "quick", "brown", "fox", "jump", "over", "lazi", "dog", "bone"),
            tokens(english(Map.of()), "The 2 QUICK Brown-Foxes jumped over the lazy dog's bone."));
    }

    @Test
    void pluralPossessiveAndStopWords() {
        assertEquals(List.of("quick", "brown", "fox", "jump", "over", "lazi", "dog", "back"),
            tokens(english(Map.of()), "The quick brown foxes jumped over the lazy dogs' backs"));
    }

    @Test
    void possessivesIncludingCurlyApostrophe() {
        assertEquals(List.of("john", "car", "mari", "book"),
            tokens(english(Map.of()), "John's car and Mary\u2019s book"));
    }

    @Test
    void stemExclusion() {
        Analyzer a = english(Map.of("stem_exclusion", List.of("organization", "running")));
        assertEquals(List.of("organization", "running", "studi"), tokens(a, "Organization running studies"));
    }

    @Test
    void stopwordsNoneKeepsEverything() {
        assertEquals(List.of("the", "quick", "fox", "is", "in", "the", "box"),
            tokens(english(Map.of("stopwords", "_none_")), "The quick fox is in the box"));
    }

    @Test
    void explicitEnglishSetIsTheDefault() {
        assertEquals(tokens(english(Map.of()), "To be or not to be, that is the question"),
            tokens(english(Map.of("stopwords", List.of("_english_"))), "To be or not to be, that is the question"));
    }

    @Test
    void customStopwordListReplacesDefaults() {
        assertEquals(List.of("the", "fox", "the", "box"),
            tokens(english(Map.of("stopwords", List.of("quick", "in", "is"))), "The quick fox is in the box"));
    }

    @Test
    void namedSetCanBeExtended() {
        assertEquals(List.of("fox", "box"),
            tokens(english(Map.of("stopwords", List.of("_english_", "quick"))), "The quick fox is in the box"));
    }

    @Test
    void unknownNamedSetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> english(Map.of("stopwords", "_klingon_")));
    }
}
