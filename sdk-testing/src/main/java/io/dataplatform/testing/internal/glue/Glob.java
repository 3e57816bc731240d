package io.dataplatform.testing.internal.glue;

import java.util.regex.Pattern;

/**
 * Glue's exclude patterns (glob syntax, relative to the include path): {@code *} matches within one
 * folder level, {@code **} across levels, {@code ?} one character, {@code [..]} a class,
 * {@code {a,b}} alternatives and {@code \} escapes the character after it.
 *
 * <p>Hand-written on purpose. The syntax is the JDK's {@code PathMatcher} "glob:", but that matcher
 * works on the platform's {@code Path}s: on Windows it splits on {@code \} and refuses keys with
 * {@code :} or {@code *}, which S3 keys may hold. Hadoop's {@code GlobPattern} has no {@code **} and
 * would bring Hadoop to a test classpath that must stay free of it.
 */
final class Glob {
    private Glob() {
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '\\' -> {
                    // "The backslash character is used to escape characters that otherwise can be
                    // interpreted as special characters" (Glue's "Include and exclude patterns").
                    if (i + 1 < glob.length()) {
                        i++;
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                case '[' -> {
                    int end = glob.indexOf(']', i);
                    if (end < 0 || end == i + 1 || (end == i + 2 && glob.charAt(i + 1) == '!')) {
                        regex.append("\\[");
                    } else {
                        regex.append(bracket(glob.substring(i + 1, end)));
                        i = end;
                    }
                }
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        regex.append(')');
                    } else {
                        regex.append("\\}");
                    }
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * A bracket expression: one character of a name component (so never '/'); '!' first negates;
     * '-' makes a range except first or last; any other character, '*', '?' and '\' included, is itself.
     */
    private static String bracket(String body) {
        boolean negated = body.startsWith("!");
        String members = negated ? body.substring(1) : body;
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < members.length(); i++) {
            char c = members.charAt(i);
            boolean range = c == '-' && i > 0 && i + 1 < members.length();
            set.append(range || Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return negated ? "[^/" + set + "]" : "[" + set + "&&[^/]]";
    }
}
