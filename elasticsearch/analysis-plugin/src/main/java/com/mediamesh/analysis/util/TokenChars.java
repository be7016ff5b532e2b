package com.mediamesh.analysis.util;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code token_chars} classes for the n-gram tokenizers: {@code letter}, {@code digit}, {@code whitespace},
 * {@code punctuation}, {@code symbol}, {@code custom} (characters of {@code custom_token_chars}).
 * An empty list keeps every character.
 */
public final class TokenChars {

    private enum Kind { LETTER, DIGIT, WHITESPACE, PUNCTUATION, SYMBOL, CUSTOM }

    private final Set<Kind> kinds;
    private final Set<Integer> custom;

    private TokenChars(Set<Kind> kinds, Set<Integer> custom) {
        this.kinds = kinds;
        this.custom = custom;
    }

    public static TokenChars parse(List<String> classes, String customChars) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (classes != null) {
            for (String c : classes) {
                String k = Words.key(c);
                if (k.isEmpty()) {
                    continue;
                }
                switch (k) {
                    case "letter": kinds.add(Kind.LETTER); break;
                    case "digit": kinds.add(Kind.DIGIT); break;
                    case "whitespace": kinds.add(Kind.WHITESPACE); break;
                    case "punctuation": kinds.add(Kind.PUNCTUATION); break;
                    case "symbol": kinds.add(Kind.SYMBOL); break;
                    case "custom": kinds.add(Kind.CUSTOM); break;
                    default:
                        throw new IllegalArgumentException("unknown token_chars class [" + c
                            + "], expected one of letter, digit, whitespace, punctuation, symbol, custom");
                }
            }
        }
        Set<Integer> custom = new TreeSet<>();
        if (customChars != null) {
            customChars.codePoints().forEach(custom::add);
        }
        if (kinds.contains(Kind.CUSTOM) && custom.isEmpty()) {
            throw new IllegalArgumentException("token_chars [custom] requires a non-empty [custom_token_chars]");
        }
        return new TokenChars(kinds, custom);
    }

    public boolean keepsAll() {
        return kinds.isEmpty();
    }

    public boolean isTokenChar(int c) {
        if (kinds.isEmpty()) {
            return true;
        }
        if (kinds.contains(Kind.LETTER) && Character.isLetter(c)) {
            return true;
        }
        if (kinds.contains(Kind.DIGIT) && Character.isDigit(c)) {
            return true;
        }
        if (kinds.contains(Kind.WHITESPACE) && Character.isWhitespace(c)) {
            return true;
        }
        if (kinds.contains(Kind.CUSTOM) && custom.contains(c)) {
            return true;
        }
        int type = Character.getType(c);
        if (kinds.contains(Kind.PUNCTUATION)) {
            switch (type) {
                case Character.CONNECTOR_PUNCTUATION:
                case Character.DASH_PUNCTUATION:
                case Character.START_PUNCTUATION:
                case Character.END_PUNCTUATION:
                case Character.INITIAL_QUOTE_PUNCTUATION:
                case Character.FINAL_QUOTE_PUNCTUATION:
                case Character.OTHER_PUNCTUATION:
                    return true;
                default:
                    break;
            }
        }
        if (kinds.contains(Kind.SYMBOL)) {
            switch (type) {
                case Character.MATH_SYMBOL:
                case Character.CURRENCY_SYMBOL:
                case Character.MODIFIER_SYMBOL:
                case Character.OTHER_SYMBOL:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
