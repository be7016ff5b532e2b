package com.mediamesh.analysis.filters;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code decimal_digit}: Lucene's {@link DecimalDigitFilter} (any Unicode decimal digit, e.g. Arabic-Indic, to 0-9). */
@NamedComponent("decimal_digit")
public class DecimalDigitTokenFilterFactory implements TokenFilterFactory {
    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new DecimalDigitFilter(tokenStream);
    }

    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new DecimalDigitFilter(tokenStream);
    }
}
