package io.dataplatform.athena.engine.internal.translate;

import io.trino.sql.tree.Expression;
import io.trino.sql.tree.JsonPathInvocation;
import io.trino.sql.tree.JsonPathParameter;
import io.trino.sql.tree.JsonQuery;
import io.trino.sql.tree.JsonValue;
import io.trino.sql.tree.Node;
import java.util.Optional;

/**
 * The SQL/JSON path functions {@code json_value} and {@code json_query} on DuckDB's JSON functions.
 *
 * <p>The path is compiled once, at translation, into DuckDB list expressions over the sequence of JSON
 * items it selects (a {@code JSON[]}); a structural error of the strict mode makes the sequence NULL.
 * The path language is supported in part: the {@code lax}/{@code strict} mode, {@code $}, member
 * accessors ({@code .key}, {@code ."key"}, {@code .*}) and array accessors ({@code [n]}, {@code [last]},
 * {@code [*]}). Filters, methods, arithmetic, ranges, descendants and PASSING variables fail with
 * NOT_SUPPORTED naming the construct, as do {@code ERROR ON EMPTY}/{@code ERROR ON ERROR} and a
 * RETURNING type other than varchar.
 */
final class SqlJsonFunctions {
    private SqlJsonFunctions() {
    }

    /** {@code json_value(input, path [RETURNING varchar] [NULL | DEFAULT x ON EMPTY] [NULL | DEFAULT x ON ERROR])}. */
    static Typed jsonValue(ExpressionTranslator tr, JsonValue v) {
        if (v.getReturnedType().isPresent() && !Casts.type(v.getReturnedType().get()).is("varchar")) {
            throw Errors.notSupported(v, "json_value ... RETURNING " + Casts.type(v.getReturnedType().get()));
        }
        String onEmpty = valueBehavior(tr, v, v.getEmptyBehavior(), v.getEmptyDefault(), "ON EMPTY");
        String onError = valueBehavior(tr, v, v.getErrorBehavior(), v.getErrorDefault(), "ON ERROR");
        Input in = input(tr, v, v.getJsonPathInvocation(), "json_value");
        String item = "trino_jp_scalar_text(q[1])";
        String body = "CASE WHEN q IS NULL OR len(q) > 1 OR json_type(q[1]) IN ('OBJECT', 'ARRAY') THEN " + onError
                + " WHEN len(q) = 0 THEN " + onEmpty + " ELSE " + item + " END";
        return new Typed(wrap(in, body, onError), TrinoType.VARCHAR);
    }

    /** {@code json_query(input, path [RETURNING varchar] [WITH ... ARRAY WRAPPER] [KEEP | OMIT QUOTES] [... ON EMPTY] [... ON ERROR])}. */
    static Typed jsonQuery(ExpressionTranslator tr, JsonQuery q) {
        if (q.getReturnedType().isPresent() && !Casts.type(q.getReturnedType().get()).is("varchar")) {
            throw Errors.notSupported(q, "json_query ... RETURNING " + Casts.type(q.getReturnedType().get()));
        }
        String onEmpty = queryBehavior(q, q.getEmptyBehavior(), "ON EMPTY");
        String onError = queryBehavior(q, q.getErrorBehavior(), "ON ERROR");
        boolean omitQuotes = q.getQuotesBehavior().map(b -> b == JsonQuery.QuotesBehavior.OMIT).orElse(false);
        if (omitQuotes && q.getWrapperBehavior() != JsonQuery.ArrayWrapperBehavior.WITHOUT) {
            throw Errors.notSupported(q, "json_query with OMIT QUOTES and an ARRAY WRAPPER");
        }
        Input in = input(tr, q, q.getJsonPathInvocation(), "json_query");
        String wrapped = "('[' || array_to_string(list_transform(q, e -> CAST(e AS VARCHAR)), ',') || ']')";
        String single = omitQuotes ? "CASE WHEN json_type(q[1]) = 'VARCHAR' THEN json_extract_string(q[1], '$') "
                + "ELSE CAST(q[1] AS VARCHAR) END" : "CAST(q[1] AS VARCHAR)";
        String result = switch (q.getWrapperBehavior()) {
            case WITHOUT -> "CASE WHEN len(q) > 1 THEN " + onError + " ELSE trino_jp_query_text(" + single + ") END";
            case UNCONDITIONAL -> "trino_jp_query_text(" + wrapped + ")";
            case CONDITIONAL -> "trino_jp_query_text(CASE WHEN len(q) = 1 AND json_type(q[1]) IN ('OBJECT', 'ARRAY') THEN "
                    + single + " ELSE " + wrapped + " END)";
        };
        String body = "CASE WHEN q IS NULL THEN " + onError + " WHEN len(q) = 0 THEN " + onEmpty + " ELSE " + result + " END";
        return new Typed(wrap(in, body, onError), TrinoType.VARCHAR);
    }

    /** The input's text and the DuckDB expression of the sequence its path selects. */
    private record Input(String text, String sequence) {
    }

    private static Input input(ExpressionTranslator tr, Node node, JsonPathInvocation invocation, String function) {
        if (!invocation.getPathParameters().isEmpty()) {
            throw Errors.notSupported(node, function + " with a PASSING clause");
        }
        if (invocation.getPathName().isPresent()) {
            throw Errors.notSupported(node, function + " with a named path");
        }
        Typed input = tr.translate(invocation.getInputExpression());
        if (!input.type().isString() && !input.type().is("json") && !input.type().is("unknown")) {
            throw Errors.notSupported(node, function + " of a " + input.type() + " input");
        }
        if (invocation.getInputFormat() != JsonPathParameter.JsonFormat.JSON) {
            throw Errors.notSupported(node, function + " with an input ENCODING");
        }
        String text = input.type().is("json") ? "CAST(" + input.sql() + " AS VARCHAR)" : input.sql();
        String sequence = compile(node, invocation.getJsonPath().getValue(), "[json_extract(" + text + ", '$')]");
        return new Input(text, sequence);
    }

    /**
     * NULL for a NULL input, the ON ERROR value for input that is not JSON, otherwise {@code body} with
     * {@code q} bound (once, through a lambda) to the selected sequence.
     */
    private static String wrap(Input in, String body, String onError) {
        return "(CASE WHEN " + in.text() + " IS NULL THEN NULL WHEN NOT json_valid(" + in.text() + ") THEN " + onError
                + " ELSE list_transform([" + in.sequence() + "], q -> " + body + ")[1] END)";
    }

    private static String valueBehavior(ExpressionTranslator tr, JsonValue v, JsonValue.EmptyOrErrorBehavior behavior,
            Optional<Expression> defaultValue, String clause) {
        return switch (behavior) {
            case NULL -> "CAST(NULL AS VARCHAR)";
            case ERROR -> throw Errors.notSupported(v, "json_value with ERROR " + clause);
            case DEFAULT -> {
                Typed d = tr.translate(defaultValue.orElseThrow());
                if (!d.type().isString() && !d.type().is("unknown")) {
                    throw Errors.notSupported(v, "json_value with a DEFAULT " + clause + " of type " + d.type());
                }
                yield "CAST(" + d.sql() + " AS VARCHAR)";
            }
        };
    }

    private static String queryBehavior(JsonQuery q, JsonQuery.EmptyOrErrorBehavior behavior, String clause) {
        return switch (behavior) {
            case NULL -> "CAST(NULL AS VARCHAR)";
            case EMPTY_ARRAY -> "'[]'";
            case EMPTY_OBJECT -> "'{}'";
            case ERROR -> throw Errors.notSupported(q, "json_query with ERROR " + clause);
        };
    }

    /** The DuckDB expression of the sequence {@code path} selects from the one-item sequence {@code start}. */
    static String compile(Node node, String path, String start) {
        String p = path.strip();
        boolean strict = false;
        if (p.startsWith("strict") && p.length() > 6 && Character.isWhitespace(p.charAt(6))) {
            strict = true;
            p = p.substring(6).strip();
        } else if (p.startsWith("lax") && p.length() > 3 && Character.isWhitespace(p.charAt(3))) {
            p = p.substring(3).strip();
        }
        String mode = strict ? "strict" : "lax";
        if (!p.startsWith("$")) {
            throw unsupported(node, path, p);
        }
        String seq = start;
        int pos = 1;
        while (pos < p.length()) {
            char ch = p.charAt(pos);
            if (Character.isWhitespace(ch)) {
                pos++;
            } else if (p.startsWith(".*", pos)) {
                seq = "trino_jp_members_" + mode + "(" + seq + ")";
                pos += 2;
            } else if (ch == '.' && pos + 1 < p.length() && p.charAt(pos + 1) == '"') {
                int end = p.indexOf('"', pos + 2);
                String key = end < 0 ? null : p.substring(pos + 2, end);
                if (key == null || key.contains("\\")) {
                    throw unsupported(node, path, p.substring(pos));
                }
                seq = member(seq, key, mode);
                pos = end + 1;
            } else if (ch == '.') {
                int end = pos + 1;
                while (end < p.length() && (Character.isLetterOrDigit(p.charAt(end)) || p.charAt(end) == '_')) {
                    end++;
                }
                String key = p.substring(pos + 1, end);
                if (key.isEmpty() || Character.isDigit(key.charAt(0)) || (end < p.length() && p.charAt(end) == '(')) {
                    throw unsupported(node, path, p.substring(pos));
                }
                seq = member(seq, key, mode);
                pos = end;
            } else if (ch == '[') {
                int end = p.indexOf(']', pos);
                String subscript = end < 0 ? "" : p.substring(pos + 1, end).strip();
                if (subscript.equals("*")) {
                    seq = "trino_jp_elements_" + mode + "(" + seq + ")";
                } else if (subscript.equals("last")) {
                    seq = "trino_jp_last_" + mode + "(" + seq + ")";
                } else if (subscript.matches("[0-9]{1,9}")) {
                    int index = Integer.parseInt(subscript);
                    seq = "trino_jp_element_" + mode + "(" + seq + ", " + index + ", " + Sql.string("$[" + index + "]") + ")";
                } else {
                    throw unsupported(node, path, p.substring(pos));
                }
                pos = end + 1;
            } else {
                throw unsupported(node, path, p.substring(pos));
            }
        }
        return seq;
    }

    private static String member(String seq, String key, String mode) {
        return "trino_jp_member_" + mode + "(" + seq + ", " + Sql.string("$.\"" + key + "\"") + ")";
    }

    private static AthenaSqlException unsupported(Node node, String path, String rest) {
        return Errors.notSupported(node, "The JSON path construct '" + rest.strip() + "' (in '" + path.strip() + "')");
    }
}
