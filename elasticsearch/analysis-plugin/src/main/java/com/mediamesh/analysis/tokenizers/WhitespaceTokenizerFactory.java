package com.mediamesh.analysis.tokenizers;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** {@code whitespace} tokenizer: Lucene's {@link WhitespaceTokenizer}; setting {@code max_token_length} (255). */
@NamedComponent("whitespace")
public class WhitespaceTokenizerFactory implements TokenizerFactory {

    private final int maxTokenLength;

    @Inject
    public WhitespaceTokenizerFactory(MaxTokenLengthSettings settings) {
        this.maxTokenLength = MaxTokenLength.check("whitespace", settings.maxTokenLength());
    }

    @Override
    public Tokenizer create() {
        return new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength);
    }
}
