package com.mediamesh.analysis.tokenizers;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.classic.ClassicTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** {@code classic} tokenizer: Lucene's {@link ClassicTokenizer}; setting {@code max_token_length} (255). */
@NamedComponent("classic")
public class ClassicTokenizerFactory implements TokenizerFactory {

    private final int maxTokenLength;

    @Inject
    public ClassicTokenizerFactory(MaxTokenLengthSettings settings) {
        this.maxTokenLength = MaxTokenLength.check("classic", settings.maxTokenLength());
    }

    @Override
    public Tokenizer create() {
        ClassicTokenizer tokenizer = new ClassicTokenizer();
        tokenizer.setMaxTokenLength(maxTokenLength);
        return tokenizer;
    }
}
