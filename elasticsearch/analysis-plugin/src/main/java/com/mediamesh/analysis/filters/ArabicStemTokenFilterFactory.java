package com.mediamesh.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code arabic_stem}: Lucene's {@link ArabicStemFilter} (light stemming: prefixes such as ال/وال/بال, suffixes such as ات/ون/ين/ها). */
@NamedComponent("arabic_stem")
public class ArabicStemTokenFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ArabicStemFilter(tokenStream);
    }
}
