package com.mediamesh.analysis.util;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Word-list helpers shared by the factories: resolves the special stop word set names
 * ({@code _english_}, {@code _arabic_}, {@code _none_}) and builds Lucene {@link CharArraySet}s.
 */
public final class Words {

    public static final String NONE = "_none_";
    public static final String ENGLISH = "_english_";
    public static final String ARABIC = "_arabic_";

    private static final Pattern SPECIAL = Pattern.compile("^_[a-z0-9]+_$");

    private static final Map<String, Supplier<CharArraySet>> NAMED_SETS;

    static {
        Map<String, Supplier<CharArraySet>> m = new TreeMap<>();
        m.put(ENGLISH, () -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        m.put(ARABIC, ArabicAnalyzer::getDefaultStopSet);
        m.put(NONE, () -> CharArraySet.EMPTY_SET);
        NAMED_SETS = m;
    }

    private Words() {}

    /** Names of the predefined stop word sets understood by {@link #stopwords}. */
    public static List<String> namedSets() {
        return List.copyOf(NAMED_SETS.keySet());
    }

    /**
     * Resolves a {@code stopwords} setting.
     *
     * <ul>
     *   <li>absent / empty list: {@code defaults}</li>
     *   <li>a predefined name ({@code _english_}, {@code _arabic_}, {@code _none_}): that set</li>
     *   <li>otherwise: the listed words; list entries that are predefined names are expanded,
     *       so {@code ["_english_", "via"]} is the English set plus "via"</li>
     * </ul>
     * An unknown {@code _name_} is rejected rather than silently treated as a literal word.
     */
    public static CharArraySet stopwords(List<String> configured, CharArraySet defaults, boolean ignoreCase) {
        if (configured == null || configured.isEmpty()) {
            return defaults;
        }
        if (configured.size() == 1) {
            String only = configured.get(0).trim();
            Supplier<CharArraySet> named = NAMED_SETS.get(only);
            if (named != null && !ignoreCase) {
                return named.get();
            }
        }
        CharArraySet out = new CharArraySet(configured.size() * 2, ignoreCase);
        for (String raw : configured) {
            String word = raw.trim();
            Supplier<CharArraySet> named = NAMED_SETS.get(word);
            if (named != null) {
                out.addAll(named.get());
            } else if (SPECIAL.matcher(word).matches()) {
                throw new IllegalArgumentException(
                    "unsupported stop word set [" + word + "], supported: " + NAMED_SETS.keySet());
            } else if (word.isEmpty() == false) {
                out.add(word);
            }
        }
        return CharArraySet.unmodifiableSet(out);
    }

    /** A plain word set (e.g. {@code stem_exclusion}, {@code keywords}). Null/empty gives the empty set. */
    public static CharArraySet wordSet(List<String> words, boolean ignoreCase) {
        if (words == null || words.isEmpty()) {
            return CharArraySet.EMPTY_SET;
        }
        CharArraySet out = new CharArraySet(words.size() * 2, ignoreCase);
        for (String w : words) {
            if (w != null && w.isEmpty() == false) {
                out.add(w);
            }
        }
        return CharArraySet.unmodifiableSet(out);
    }

    /** Lower-cases with the root locale, for enum-like setting values. */
    public static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
