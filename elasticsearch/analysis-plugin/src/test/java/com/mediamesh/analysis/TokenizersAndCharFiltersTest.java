package com.mediamesh.analysis;

import static com.mediamesh.analysis.Analysis.charFiltered;
import static com.mediamesh.analysis.Analysis.create;
import static com.mediamesh.analysis.Analysis.custom;
import static com.mediamesh.analysis.Analysis.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.junit.jupiter.api.Test;

import com.mediamesh.analysis.charfilters.HtmlStripCharFilterFactory;
import com.mediamesh.analysis.charfilters.MappingCharFilterFactory;
import com.mediamesh.analysis.charfilters.PatternReplaceCharFilterFactory;
import com.mediamesh.analysis.tokenizers.ClassicTokenizerFactory;
import com.mediamesh.analysis.tokenizers.EdgeNGramTokenizerFactory;
import com.mediamesh.analysis.tokenizers.KeywordTokenizerFactory;
import com.mediamesh.analysis.tokenizers.LetterTokenizerFactory;
import com.mediamesh.analysis.tokenizers.NGramTokenizerFactory;
import com.mediamesh.analysis.tokenizers.PatternTokenizerFactory;
import com.mediamesh.analysis.tokenizers.UaxUrlEmailTokenizerFactory;
import com.mediamesh.analysis.tokenizers.WhitespaceTokenizerFactory;

class TokenizersAndCharFiltersTest {

    private static List<String> tok(TokenizerFactory t, String text, TokenFilterFactory... filters) {
        return tokens(custom(t, List.of(), filters), text);
    }

    @Test
    void keywordAndWhitespace() {
        assertEquals(List.of("New York City"), tok(create(KeywordTokenizerFactory.class), "New York City"));
        assertEquals(List.of("The", "2", "QUICK", "Brown-Foxes", "dog's"),
            tok(create(WhitespaceTokenizerFactory.class), "The 2 QUICK  Brown-Foxes\tdog's"));
        assertEquals(List.of("abc", "def"),
            tok(create(WhitespaceTokenizerFactory.class, Map.of("max_token_length", 3)), "abcdef"));
    }

    @Test
    void letterClassicUaxUrlEmailPattern() {
        assertEquals(List.of("dog", "s", "bone"), tok(create(LetterTokenizerFactory.class), "dog's bone2"));
        assertEquals(List.of("dog's", "bone"), tok(create(ClassicTokenizerFactory.class), "dog's bone"));
        assertEquals(List.of("mail", "john.smith@example.com", "https://example.com/a?b=1"),
            tok(create(UaxUrlEmailTokenizerFactory.class), "mail john.smith@example.com https://example.com/a?b=1"));
        assertEquals(List.of("a", "b", "c"), tok(create(PatternTokenizerFactory.class), "a-b, c"));
        assertEquals(List.of("a b", " c"), tok(create(PatternTokenizerFactory.class, Map.of("pattern", ",")), "a b, c"));
    }

    @Test
    void edgeNGramTokenizerWithTokenChars() {
        var t = create(EdgeNGramTokenizerFactory.class,
            Map.of("min_gram", 2, "max_gram", 10, "token_chars", List.of("letter", "digit")));
        assertEquals(List.of("Qu", "Qui", "Quic", "Quick", "Fo", "Fox"), tok(t, "2 Quick Fox"));
        assertEquals(List.of("q", "qu"), tok(create(EdgeNGramTokenizerFactory.class), "quick fox"));
        var custom = create(EdgeNGramTokenizerFactory.class,
            Map.of("min_gram", 2, "max_gram", 4, "token_chars", List.of("letter", "custom"), "custom_token_chars", "+-"));
        assertEquals(List.of("c+", "c++"), tok(custom, "c++ !"));
        assertThrows(IllegalArgumentException.class,
            () -> create(EdgeNGramTokenizerFactory.class, Map.of("token_chars", List.of("emoji"))));
    }

    @Test
    void ngramTokenizer() {
        var t = create(NGramTokenizerFactory.class, Map.of("min_gram", 2, "max_gram", 3, "token_chars", List.of("letter")));
        assertEquals(List.of("fo", "fox", "ox", "ab"), tok(t, "fox ab"));
    }

    @Test
    void htmlStrip() throws IOException {
        assertEquals("\nI'm so happy!\n", charFiltered(create(HtmlStripCharFilterFactory.class), "<p>I&apos;m so <b>happy</b>!</p>"));
        assertEquals("\nI'm so <b>happy</b>!\n",
            charFiltered(create(HtmlStripCharFilterFactory.class, Map.of("escaped_tags", List.of("b"))), "<p>I&apos;m so <b>happy</b>!</p>"));
        var analyzer = custom(create(WhitespaceTokenizerFactory.class), List.of(create(HtmlStripCharFilterFactory.class)),
            LowerCaseFilter::new);
        assertEquals(List.of("hello", "world"), tokens(analyzer, "<h1>Hello</h1> <i>WORLD</i>"));
    }

    @Test
    void mappingAndPatternReplace() throws IOException {
        var mapping = create(MappingCharFilterFactory.class, Map.of("mappings", List.of("٠ => 0", "ـ => ", ":) => _happy_", "\\u0041 => a")));
        assertEquals("0 كتاب _happy_ a", charFiltered(mapping, "٠ كتـــاب :) A"));
        assertEquals("unchanged", charFiltered(create(MappingCharFilterFactory.class), "unchanged"));
        var pr = create(PatternReplaceCharFilterFactory.class, Map.of("pattern", "(\\d+)-(?=\\d)", "replacement", "$1_"));
        assertEquals("123_456_789", charFiltered(pr, "123-456-789"));
        assertEquals("unchanged", charFiltered(create(PatternReplaceCharFilterFactory.class), "unchanged"));
        assertThrows(IllegalArgumentException.class, () -> create(MappingCharFilterFactory.class, Map.of("mappings", List.of("no arrow"))));
    }
}
