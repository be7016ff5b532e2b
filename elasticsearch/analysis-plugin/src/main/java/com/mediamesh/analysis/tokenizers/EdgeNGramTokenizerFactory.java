package com.mediamesh.analysis.tokenizers;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

import com.mediamesh.analysis.util.GramRange;
import com.mediamesh.analysis.util.TokenChars;

/** {@code edge_ngram} tokenizer: Lucene's {@link EdgeNGramTokenizer} with {@code token_chars} support. */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenizerFactory implements TokenizerFactory {

    private final int minGram;
    private final int maxGram;
    private final TokenChars tokenChars;

    @Inject
    public EdgeNGramTokenizerFactory(NGramTokenizerSettings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        GramRange.validate("edge_ngram", minGram, maxGram);
        this.tokenChars = TokenChars.parse(settings.tokenChars(), settings.customTokenChars());
    }

    @Override
    public Tokenizer create() {
        if (tokenChars.keepsAll()) {
            return new EdgeNGramTokenizer(minGram, maxGram);
        }
        final TokenChars chars = tokenChars;
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return chars.isTokenChar(chr);
            }
        };
    }
}
