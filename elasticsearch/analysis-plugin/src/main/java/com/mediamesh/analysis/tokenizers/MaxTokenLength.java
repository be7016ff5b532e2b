package com.mediamesh.analysis.tokenizers;

final class MaxTokenLength {
    private MaxTokenLength() {}

    static int check(String name, int value) {
        if (value < 1 || value > 1024 * 1024) {
            throw new IllegalArgumentException("[" + name + "] max_token_length must be in [1, 1048576], got " + value);
        }
        return value;
    }
}
