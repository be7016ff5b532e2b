package com.mediamesh.analysis.tokenizers;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** {@code uax_url_email} tokenizer: Lucene's {@link UAX29URLEmailTokenizer}; setting {@code max_token_length} (255). */
@NamedComponent("uax_url_email")
public class UaxUrlEmailTokenizerFactory implements TokenizerFactory {

    private final int maxTokenLength;

    @Inject
    public UaxUrlEmailTokenizerFactory(MaxTokenLengthSettings settings) {
        this.maxTokenLength = MaxTokenLength.check("uax_url_email", settings.maxTokenLength());
    }

    @Override
    public Tokenizer create() {
        UAX29URLEmailTokenizer tokenizer = new UAX29URLEmailTokenizer();
        tokenizer.setMaxTokenLength(maxTokenLength);
        return tokenizer;
    }
}
