package com.mediamesh.analysis.tokenizers;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

import com.mediamesh.analysis.util.GramRange;
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
        GramRange.validate("ngram", minGram, maxGram);
        this.tokenChars = TokenChars.parse(settings.tokenChars(), settings.customTokenChars());
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
