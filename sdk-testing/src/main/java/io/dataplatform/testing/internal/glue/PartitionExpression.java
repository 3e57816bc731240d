package io.dataplatform.testing.internal.glue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * Glue's GetPartitions expression language: comparisons ({@code = <> != < <= > >=}), {@code [NOT] IN},
 * {@code BETWEEN}, {@code [NOT] LIKE}, {@code IS [NOT] NULL}, combined with {@code AND}, {@code OR},
 * {@code NOT} and parentheses, over partition keys only. Keys of integer and decimal types compare as numbers,
 * others as strings, as the Glue API reference describes.
 */
final class PartitionExpression {
    private final List<String> tokens;
    private final List<Column> keys;
    private int pos;

    private PartitionExpression(List<String> tokens, List<Column> keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    /** Parses {@code expression}; fails with a message for Glue's InvalidInputException. */
    static Predicate<List<String>> parse(String expression, List<Column> keys) {
        PartitionExpression parser = new PartitionExpression(tokenize(expression), keys);
        Predicate<List<String>> result = parser.or();
        if (parser.pos != parser.tokens.size()) {
            throw new IllegalArgumentException("Unexpected '" + parser.tokens.get(parser.pos) + "' in expression: " + expression);
        }
        return result;
    }

    private Predicate<List<String>> or() {
        Predicate<List<String>> left = and();
        while (accept("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<List<String>> and() {
        Predicate<List<String>> left = not();
        while (accept("AND")) {
            left = left.and(not());
        }
        return left;
    }

    private Predicate<List<String>> not() {
        if (accept("NOT")) {
            return not().negate();
        }
        if (accept("(")) {
            Predicate<List<String>> inner = or();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Predicate<List<String>> comparison() {
        String name = next();
        int index = -1;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equalsIgnoreCase(name)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("Unknown column '" + name + "' in expression: only partition keys "
                    + keys.stream().map(Column::name).toList() + " can be used");
        }
        int at = index;
        boolean numeric = keys.get(at).type().matches("(?i)tinyint|smallint|int|integer|bigint|long|decimal(\\(.*\\))?");
        if (accept("IS")) {
            boolean negated = accept("NOT");
            expect("NULL");
            Predicate<List<String>> isNull = v -> v.get(at) == null;
            return negated ? isNull.negate() : isNull;
        }
        boolean negated = accept("NOT");
        if (accept("IN")) {
            expect("(");
            List<String> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (accept(","));
            expect(")");
            Predicate<List<String>> in = v -> values.stream().anyMatch(x -> compare(v.get(at), x, numeric) == 0);
            return negated ? in.negate() : in;
        }
        if (accept("LIKE")) {
            Pattern pattern = Pattern.compile(likeToRegex(literal()), Pattern.DOTALL);
            Predicate<List<String>> like = v -> pattern.matcher(v.get(at)).matches();
            return negated ? like.negate() : like;
        }
        if (accept("BETWEEN")) {
            String low = literal();
            expect("AND");
            String high = literal();
            Predicate<List<String>> between = v -> compare(v.get(at), low, numeric) >= 0 && compare(v.get(at), high, numeric) <= 0;
            return negated ? between.negate() : between;
        }
        if (negated) {
            throw new IllegalArgumentException("Expected IN, LIKE or BETWEEN after NOT at '" + peek() + "'");
        }
        String op = next();
        String value = literal();
        return switch (op) {
            case "=" -> v -> compare(v.get(at), value, numeric) == 0;
            case "<>", "!=" -> v -> compare(v.get(at), value, numeric) != 0;
            case "<" -> v -> compare(v.get(at), value, numeric) < 0;
            case "<=" -> v -> compare(v.get(at), value, numeric) <= 0;
            case ">" -> v -> compare(v.get(at), value, numeric) > 0;
            case ">=" -> v -> compare(v.get(at), value, numeric) >= 0;
            default -> throw new IllegalArgumentException("Unknown operator '" + op + "'");
        };
    }

    private static int compare(String actual, String literal, boolean numeric) {
        if (numeric) {
            try {
                return new BigDecimal(actual).compareTo(new BigDecimal(literal));
            } catch (NumberFormatException e) {
                return actual.compareTo(literal);
            }
        }
        return actual.compareTo(literal);
    }

    private String literal() {
        String token = next();
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        if (token.matches("-?\\d+(\\.\\d+)?")) {
            return token;
        }
        throw new IllegalArgumentException("Expected a literal but found '" + token + "'");
    }

    private static String likeToRegex(String like) {
        StringBuilder out = new StringBuilder();
        for (char c : like.toCharArray()) {
            out.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return out.toString();
    }

    private boolean accept(String token) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(token)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("Expected '" + token + "' but found '" + peek() + "'");
        }
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : "end of expression";
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("Unexpected end of expression");
        }
        return tokens.get(pos++);
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < text.length() && (text.charAt(j) != '\'' || (j + 1 < text.length() && text.charAt(j + 1) == '\''))) {
                    j += text.charAt(j) == '\'' ? 2 : 1;
                }
                if (j >= text.length()) {
                    throw new IllegalArgumentException("Unterminated string literal in expression: " + text);
                }
                tokens.add(text.substring(i, j + 1));
                i = j + 1;
            } else if ("(),".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if ("=<>!".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < text.length() && "=<>".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "(),=<>!'".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            }
        }
        return tokens;
    }
}
