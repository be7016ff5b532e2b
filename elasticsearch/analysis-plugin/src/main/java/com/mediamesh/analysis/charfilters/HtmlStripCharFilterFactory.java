package com.mediamesh.analysis.charfilters;

import java.io.Reader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/** {@code html_strip}: Lucene's {@link HTMLStripCharFilter}; setting {@code escaped_tags} (tags to keep). */
@NamedComponent("html_strip")
public class HtmlStripCharFilterFactory implements CharFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "escaped_tags")
        List<String> escapedTags();
    }

    private final Set<String> escapedTags;

    @Inject
    public HtmlStripCharFilterFactory(Settings settings) {
        Set<String> tags = new TreeSet<>();
        if (settings.escapedTags() != null) {
            for (String t : settings.escapedTags()) {
                if (t != null && t.isBlank() == false) {
                    tags.add(t.trim());
                }
            }
        }
        this.escapedTags = Set.copyOf(tags);
    }

    @Override
    public Reader create(Reader reader) {
        return escapedTags.isEmpty() ? new HTMLStripCharFilter(reader) : new HTMLStripCharFilter(reader, escapedTags);
    }
}
