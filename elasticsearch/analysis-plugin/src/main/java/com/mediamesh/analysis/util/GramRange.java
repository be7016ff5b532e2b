package com.mediamesh.analysis.util;

/** The gram-size rules shared by the n-gram and edge-n-gram filters and tokenizers. */
public final class GramRange {

    private GramRange() {}

    /** Rejects a range Lucene would reject later, with a message naming the component. */
    public static void validate(String name, int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException("[" + name + "] min_gram must be >= 1, got " + minGram);
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException("[" + name + "] max_gram (" + maxGram + ") must be >= min_gram (" + minGram + ")");
        }
    }
}
