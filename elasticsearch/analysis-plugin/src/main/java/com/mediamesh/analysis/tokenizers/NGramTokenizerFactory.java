package com.mediamesh.analysis.tokenizers;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

import com.mediamesh.analysis.util.TokenChars;

/**
 * {@code ngram} tokenizer: Lucene's {@link NGramTokenizer} with {@code token_chars} support.
 * The index setting {@code index.max_ngram_diff} is not enforced.
 */
@NamedComponent("ngram")
public class NGramTokenizerFactory implements TokenizerFactory {

    private final int minGram;
    private final int maxGram;
    private final TokenChars tokenChars;

    @Inject
    public NGramTokenizerFactory(NGramTokenizerSettings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        validate("ngram", minGram, maxGram);
        this.tokenChars = TokenChars.parse(settings.tokenChars(), settings.customTokenChars());
    }

    static void validate(String name, int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException("[" + name + "] min_gram must be >= 1, got " + minGram);
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException("[" + name + "] max_gram (" + maxGram + ") must be >= min_gram (" + minGram + ")");
        }
    }

    @Override
    public Tokenizer create() {
        if (tokenChars.keepsAll()) {
            return new NGramTokenizer(minGram, maxGram);
        }
        final TokenChars chars = tokenChars;
        return new NGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return chars.isTokenChar(chr);
            }
        };
    }
}
