package com.mediamesh.analysis.util;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parses {@code java.util.regex.Pattern} flag names separated by {@code |}, e.g. {@code CASE_INSENSITIVE|COMMENTS}. */
public final class RegexFlags {
    private RegexFlags() {}

    public static int parse(String flags) {
        if (flags == null || flags.isBlank()) {
            return 0;
        }
        int result = 0;
        for (String raw : flags.split("\\|")) {
            String f = raw.trim().toUpperCase(Locale.ROOT);
            if (f.isEmpty()) {
                continue;
            }
            switch (f) {
                case "CASE_INSENSITIVE": result |= Pattern.CASE_INSENSITIVE; break;
                case "MULTILINE": result |= Pattern.MULTILINE; break;
                case "DOTALL": result |= Pattern.DOTALL; break;
                case "UNICODE_CASE": result |= Pattern.UNICODE_CASE; break;
                case "CANON_EQ": result |= Pattern.CANON_EQ; break;
                case "UNIX_LINES": result |= Pattern.UNIX_LINES; break;
                case "LITERAL": result |= Pattern.LITERAL; break;
                case "COMMENTS": result |= Pattern.COMMENTS; break;
                case "UNICODE_CHARACTER_CLASS": result |= Pattern.UNICODE_CHARACTER_CLASS; break;
                default:
                    throw new IllegalArgumentException("unknown regex flag [" + raw.trim() + "]");
            }
        }
        return result;
    }
}
