package com.mediamesh.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code arabic_normalization}: Lucene's {@link ArabicNormalizationFilter}
 * (hamza/madda alef forms to bare alef, teh marbuta to heh, alef maksura to yeh,
 * removes tatweel and harakat).
 */
@NamedComponent("arabic_normalization")
public class ArabicNormalizationTokenFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ArabicNormalizationFilter(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new ArabicNormalizationFilter(tokenStream);
    }
}
