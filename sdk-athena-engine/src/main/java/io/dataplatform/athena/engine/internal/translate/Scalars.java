package io.dataplatform.athena.engine.internal.translate;

import io.dataplatform.athena.engine.internal.translate.Functions.Call;
import java.util.List;
import java.util.regex.Pattern;

/** Trino's string and math functions; each method returns null for a name it does not know. */
final class Scalars {
    /**
     * Regular expression features RE2 (DuckDB) lacks and Trino's Joni has: lookaround, back references,
     * atomic groups and possessive quantifiers.
     */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]|\\(\\?>|[*+?}]\\+");

    private Scalars() {
    }

    static Typed string(Call c) {
        TrinoType v = TrinoType.VARCHAR;
        switch (c.name()) {
            case "length":
                c.arity(1);
                c.require(c.stringArg(0) || c.type(0).is("varbinary"));
                return new Typed("CAST(" + (c.type(0).is("varbinary") ? "octet_length" : "length") + "(" + c.sql(0) + ") AS BIGINT)",
                        TrinoType.BIGINT);
            case "upper":
                c.arity(1);
                c.require(c.stringArg(0));
                // Trino upper-cases code point by code point (Java's Character.toUpperCase), which leaves ß as it is;
                // DuckDB's upper() turns it into ẞ (U+1E9E). Upper-case what lies between the ß instead.
                return new Typed("array_to_string(list_transform(string_split(" + c.sql(0) + ", 'ß'), __s -> upper(__s)), 'ß')",
                        c.type(0).is("unknown") ? v : c.type(0));
            case "lower", "trim", "ltrim", "rtrim":
                c.arity(1, 2);
                c.require(c.stringArg(0));
                return new Typed(c.fn(c.name()), c.type(0).is("unknown") ? v : c.type(0));
            case "reverse":
                c.arity(1);
                if (c.type(0).is("array")) {
                    return new Typed(c.fn("list_reverse"), c.type(0));
                }
                if (c.type(0).is("varbinary")) {
                    // DuckDB has no reverse of a BLOB: its bytes are reversed as pairs of hex digits.
                    return new Typed("CASE WHEN " + c.sql(0) + " IS NOT NULL THEN unhex(coalesce(array_to_string(list_reverse("
                            + "regexp_extract_all(hex(" + c.sql(0) + "), '..')), ''), '')) END", TrinoType.VARBINARY);
                }
                c.require(c.stringArg(0));
                return new Typed(c.fn("reverse"), c.type(0));
            case "replace":
                c.arity(2, 3);
                c.require(c.args().stream().allMatch(x -> x.type().isString() || x.type().is("unknown")));
                if (c.n() == 3) {
                    // Trino's replace with an empty search puts the replacement before every code point and at the end
                    // (StringFunctions.replace); DuckDB's returns the string unchanged. An empty regex matches at those places.
                    return new Typed("CASE WHEN " + c.sql(1) + " = '' THEN regexp_replace(" + c.sql(0) + ", '', replace(" + c.sql(2)
                            + ", '\\', '\\\\'), 'g') ELSE replace(" + c.sql(0) + ", " + c.sql(1) + ", " + c.sql(2) + ") END", v);
                }
                return new Typed("replace(" + c.sql(0) + ", " + c.sql(1) + ", '')", v);
            case "lpad", "rpad":
                c.arity(3);
                c.require(c.stringArg(0) && c.type(1).isIntegral() && c.stringArg(2));
                return new Typed(c.fn("trino_" + c.name()), v);
            case "concat": {
                if (c.n() == 0) {
                    throw Errors.notSupported(c.node(), "concat with no arguments");
                }
                if (c.n() == 1) {
                    // Trino's concat binds its variadic signature and then fails on fewer than two arguments.
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), c.type(0).is("array")
                            ? "There must be two or more arguments to concat" : "There must be two or more concatenation arguments");
                }
                if (c.args().stream().anyMatch(x -> x.type().is("array"))) {
                    List<Typed> args = c.args();
                    if (c.n() == 2 && (c.type(0).is("array") ^ c.type(1).is("array"))) {
                        // Trino's concat(array(E), E) and concat(E, array(E)) append and prepend an element.
                        int e = c.type(0).is("array") ? 1 : 0;
                        if (!c.type(e).is("unknown")) {
                            args = new java.util.ArrayList<>(args);
                            args.set(e, new Typed("[" + c.sql(e) + "]", TrinoType.array(c.type(e))));
                        }
                    }
                    List<Typed> all = Operators.unifyTyped(c.node(), "concat", args);
                    return new Typed("(" + String.join(" || ", all.stream().map(Typed::sql).toList()) + ")", all.get(0).type());
                }
                if (c.n() == 2 && (c.type(0).is("unknown") ^ c.type(1).is("unknown")) && (c.stringArg(0) && c.stringArg(1))) {
                    // Trino resolves concat of a string and an untyped NULL to concat(E, array(E)): a NULL array.
                    TrinoType element = c.type(0).is("unknown") ? c.type(1) : c.type(0);
                    TrinoType array = TrinoType.array(element);
                    return new Typed("CAST(NULL AS " + array.duckDb() + ")", array);
                }
                if (c.n() >= 2 && c.args().stream().allMatch(a -> a.type().is("varbinary"))) {
                    return new Typed("(" + String.join(" || ", c.args().stream().map(Typed::sql).toList()) + ")", TrinoType.VARBINARY);
                }
                int length = 0;
                for (Typed a : c.args()) {
                    if (!a.type().isString() && !a.type().is("unknown")) {
                        throw c.unexpected();
                    }
                    length = length < 0 || a.type().precision() < 0 ? -1 : length + a.type().precision();
                }
                return new Typed("(" + String.join(" || ", c.args().stream().map(Typed::sql).toList()) + ")",
                        length < 0 ? v : TrinoType.varchar(length));
            }
            case "concat_ws": {
                if (c.n() == 1 && c.stringArg(0)) {
                    // Trino's variadic concat_ws binds one argument and then fails in ConcatWsFunction.specialize.
                    throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "There must be two or more arguments");
                }
                c.require(c.n() >= 2 && c.stringArg(0)
                        && (c.n() == 2 && c.type(1).is("array") || c.args().stream().allMatch(a -> a.type().isString() || a.type().is("unknown"))));
                if (c.type(1).is("array")) {
                    // Trino joins the non-NULL elements: none (an empty array or only NULLs) is '', where DuckDB answers NULL.
                    return new Typed("CASE WHEN " + c.sql(0) + " IS NOT NULL AND " + c.sql(1) + " IS NOT NULL THEN coalesce(array_to_string("
                            + c.sql(1) + ", " + c.sql(0) + "), '') END", v);
                }
                return new Typed(c.fn("concat_ws"), v);
            }
            case "regexp_count":
                c.arity(2);
                re2(c, 1);
                noEmptyMatch(c);
                return new Typed("CAST(len(regexp_extract_all(" + c.sql(0) + ", " + c.sql(1) + ")) AS BIGINT)", TrinoType.BIGINT);
            case "strpos":
                c.arity(2, 3);
                c.require(c.stringArg(0) && c.stringArg(1));
                if (c.n() == 3) {
                    return new Typed("CAST(trino_strpos_instance(" + c.sql(0) + ", " + c.sql(1) + ", " + c.sql(2) + ") AS BIGINT)",
                            TrinoType.BIGINT);
                }
                return new Typed("CAST(strpos(" + c.sql(0) + ", " + c.sql(1) + ") AS BIGINT)", TrinoType.BIGINT);
            case "substr", "substring":
                c.arity(2, 3);
                if (c.type(0).is("varbinary")) {
                    c.require(c.type(1).isIntegral() && (c.n() < 3 || c.type(2).isIntegral()));
                    return new Typed("trino_varbinary_substr(" + c.sql(0) + ", " + c.sql(1) + ", "
                            + (c.n() == 3 ? c.sql(2) : "octet_length(" + c.sql(0) + ")") + ")", TrinoType.VARBINARY);
                }
                c.require(c.stringArg(0) && c.type(1).isIntegral() && (c.n() < 3 || c.type(2).isIntegral()));
                return new Typed("trino_substr(" + c.sql(0) + ", " + c.sql(1) + ", " + (c.n() == 3 ? c.sql(2) : "NULL") + ")",
                        c.type(0));
            case "split":
                c.arity(2, 3);
                c.require(c.stringArg(0) && c.stringArg(1));
                return new Typed(c.n() == 2 ? c.fn("trino_split") : c.fn("trino_split_limit"), TrinoType.array(v));
            case "split_part":
                c.arity(3);
                c.require(c.stringArg(0) && c.stringArg(1) && c.type(2).isIntegral());
                return new Typed(c.fn("trino_split_part"), v);
            case "starts_with":
                c.arity(2);
                c.require(c.stringArg(0) && c.stringArg(1));
                return new Typed(c.fn("starts_with"), TrinoType.BOOLEAN);
            case "chr":
                c.arity(1);
                c.require(c.type(0).isIntegral());
                return new Typed("chr(CAST(" + c.sql(0) + " AS INTEGER))", TrinoType.varchar(1));
            case "codepoint":
                c.arity(1);
                // Trino's only signature is codepoint(varchar(1)): a longer or unbounded varchar does not bind, and
                // an empty string fails when run.
                c.require(c.type(0).is("unknown") || c.type(0).is("varchar") && c.type(0).precision() >= 0 && c.type(0).precision() <= 1);
                return new Typed("CAST(CASE WHEN length(" + c.sql(0) + ") <> 1 THEN " + Errors.raise("INVALID_FUNCTION_ARGUMENT",
                        "Input string must be a single character string") + " ELSE unicode(" + c.sql(0) + ") END AS INTEGER)", TrinoType.INTEGER);
            case "to_utf8":
                c.arity(1);
                c.require(c.stringArg(0));
                return new Typed(c.fn("encode"), TrinoType.VARBINARY);
            case "from_utf8":
                c.arity(1, 2);
                c.require(c.type(0).is("varbinary"));
                if (c.n() == 2 && !validReplacement(c.node().getArguments().get(1))) {
                    // Valid UTF-8 never uses the replacement, but Trino checks it first; only a known-good literal is taken.
                    throw Errors.notSupported(c.node(), "from_utf8 with a replacement that is not a literal of one code point");
                }
                // Trino replaces invalid UTF-8 with U+FFFD; DuckDB's decode fails, which must not pass for Athena's error.
                return new Typed("CASE WHEN " + c.sql(0) + " IS NOT NULL AND try(decode(" + c.sql(0) + ")) IS NULL THEN "
                        + Errors.raise("NOT_SUPPORTED", "from_utf8 of bytes that are not valid UTF-8 (Athena writes U+FFFD for them) "
                        + "is not supported by the fake Athena") + " ELSE decode(" + c.sql(0) + ") END", v);
            case "levenshtein_distance":
                c.arity(2);
                return new Typed("CAST(" + c.fn("levenshtein") + " AS BIGINT)", TrinoType.BIGINT);
            case "hamming_distance":
                c.arity(2);
                return new Typed("CAST(CASE WHEN length(" + c.sql(0) + ") <> length(" + c.sql(1) + ") THEN error('INVALID_FUNCTION_ARGUMENT: "
                        + "The input strings to hamming_distance function must have the same length') ELSE " + c.fn("hamming")
                        + " END AS BIGINT)", TrinoType.BIGINT);
            case "regexp_like":
                c.arity(2);
                re2(c, 1);
                return new Typed(c.fn("regexp_matches"), TrinoType.BOOLEAN);
            case "regexp_extract":
                c.arity(2, 3);
                re2(c, 1);
                if (c.n() == 3 && !(c.node().getArguments().get(2) instanceof io.trino.sql.tree.LongLiteral)) {
                    throw Errors.notSupported(c.node(), "A regexp_extract group that is not a literal");
                }
                String badGroup = badGroup(c);
                if (badGroup != null) {
                    return new Typed(badGroup, v);
                }
                return new Typed("trino_regexp_extract(" + c.sql(0) + ", " + c.sql(1) + ", " + (c.n() == 3 ? c.sql(2) : "0") + ")", v);
            case "regexp_extract_all":
                c.arity(2, 3);
                re2(c, 1);
                if (c.n() == 3 && !(c.node().getArguments().get(2) instanceof io.trino.sql.tree.LongLiteral)) {
                    throw Errors.notSupported(c.node(), "A regexp_extract_all group that is not a literal");
                }
                String badGroupAll = badGroup(c);
                if (badGroupAll != null) {
                    return new Typed(badGroupAll, TrinoType.array(v));
                }
                noEmptyMatch(c);
                return new Typed("regexp_extract_all(" + c.sql(0) + ", " + c.sql(1) + ", " + (c.n() == 3 ? c.sql(2) : "0") + ")",
                        TrinoType.array(v));
            case "regexp_replace": {
                c.arity(2, 3);
                re2(c, 1);
                if (c.n() == 3 && !c.literal(2).isEmpty()) {
                    // Removing matches is the same under both engines: an extra empty match removes nothing.
                    noEmptyMatch(c);
                }
                String replacement = c.n() == 3 ? Sql.string(re2Replacement(c.literal(2), c)) : "''";
                Integer groups = groupCount(c);
                int highest = c.n() == 3 ? highestGroupReference(c.literal(2)) : -1;
                if (groups != null && highest > groups) {
                    // Trino checks a $n reference only when it substitutes it, that is on a match.
                    return new Typed("CAST(CASE WHEN regexp_matches(" + c.sql(0) + ", " + c.sql(1) + ") THEN error('INVALID_FUNCTION_ARGUMENT: "
                            + "Illegal replacement sequence: unknown group " + highest + "') ELSE " + c.sql(0) + " END AS VARCHAR)", v);
                }
                return new Typed("regexp_replace(" + c.sql(0) + ", " + c.sql(1) + ", " + replacement + ", 'g')", v);
            }
            case "regexp_split":
                c.arity(2);
                re2(c, 1);
                noEmptyMatch(c);
                return new Typed(c.fn("regexp_split_to_array"), TrinoType.array(v));
            case "url_extract_host", "url_extract_path", "url_extract_protocol", "url_extract_query", "url_extract_fragment":
                c.arity(1);
                c.require(c.stringArg(0));
                return new Typed(c.fn("trino_" + c.name()), v);
            case "url_extract_port":
                c.arity(1);
                c.require(c.stringArg(0));
                return new Typed(c.fn("trino_url_extract_port"), TrinoType.BIGINT);
            case "url_extract_parameter":
                c.arity(2);
                c.require(c.stringArg(0) && c.stringArg(1));
                return new Typed(c.fn("trino_url_extract_parameter"), v);
            default:
                return null;
        }
    }

    /**
     * A group index a regexp_extract(_all) pattern does not have: Trino fails on every call (a NULL string aside),
     * matching or not, with its message; null when the group exists or cannot be known here.
     */
    private static String badGroup(Call c) {
        Integer groups = groupCount(c);
        Integer group = c.n() == 3 ? integerLiteral(c.node().getArguments().get(2)) : Integer.valueOf(0);
        if (groups == null || group == null || group >= 0 && group <= groups) {
            return null;
        }
        String message = group < 0 ? "Group cannot be negative" : "Pattern has " + groups + " groups. Cannot access group " + group;
        return "CAST(CASE WHEN " + c.sql(0) + " IS NULL THEN NULL ELSE error('INVALID_FUNCTION_ARGUMENT: " + message + "') END AS VARCHAR)";
    }

    /** The number of capturing groups of a literal pattern, or null when the pattern is not a literal. */
    private static Integer groupCount(Call c) {
        if (c.node().getArguments().get(1) instanceof io.trino.sql.tree.StringLiteral s) {
            return Pattern.compile(s.getValue()).matcher("").groupCount();
        }
        return null;
    }

    /** The highest $n group a replacement refers to (one digit, as {@link #re2Replacement} reads it), or -1. */
    private static int highestGroupReference(String replacement) {
        int highest = -1;
        for (int i = 0; i + 1 < replacement.length(); i++) {
            if (replacement.charAt(i) == '\\') {
                i++;
            } else if (replacement.charAt(i) == '$' && Character.isDigit(replacement.charAt(i + 1))) {
                highest = Math.max(highest, replacement.charAt(i + 1) - '0');
            }
        }
        return highest;
    }

    /** Java's replacement syntax ($1 a group, \$ a literal $) written as RE2's (\1 a group, \\ a backslash). */
    private static String re2Replacement(String java, Call c) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < java.length(); i++) {
            char ch = java.charAt(i);
            if (ch == '\\' && i + 1 < java.length()) {
                char next = java.charAt(++i);
                out.append(next == '\\' ? "\\\\" : String.valueOf(next));
            } else if (ch == '$' && i + 1 < java.length() && Character.isDigit(java.charAt(i + 1))) {
                out.append('\\').append(java.charAt(++i));
            } else if (ch == '$') {
                throw Errors.notSupported(c.node(), "A named group reference in regexp_replace");
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * Trino (Joni) lets an empty match follow a non-empty one ('aaa' ~ 'a*' replaced by X is XX) and splits on empty
     * matches at both ends; RE2 skips such matches, so a pattern that can match the empty string (or one not known here)
     * would answer otherwise: refused.
     */
    private static void noEmptyMatch(Call c) {
        if (!(c.node().getArguments().get(1) instanceof io.trino.sql.tree.StringLiteral s)) {
            throw Errors.notSupported(c.node(), c.name() + " with a pattern that is not a literal");
        }
        // Zero-width assertions are dropped so that a pattern matching empty only somewhere (^, \b) is caught too.
        StringBuilder stripped = new StringBuilder();
        String p = s.getValue();
        for (int i = 0; i < p.length(); i++) {
            char ch = p.charAt(i);
            if (ch == '\\' && i + 1 < p.length()) {
                char next = p.charAt(++i);
                if ("bBAzZG".indexOf(next) < 0) {
                    stripped.append(ch).append(next);
                }
            } else if (ch != '^' && ch != '$' || inClass(p, i)) {
                stripped.append(ch);
            }
        }
        boolean empty;
        try {
            empty = Pattern.compile(stripped.toString()).matcher("").lookingAt();
        } catch (java.util.regex.PatternSyntaxException e) {
            empty = true;
        }
        if (empty) {
            throw Errors.notSupported(c.node(), c.name() + " with a pattern that can match the empty string");
        }
    }

    /** Whether position i of a pattern is inside a [...] class (where ^ and $ are not assertions). */
    private static boolean inClass(String p, int i) {
        boolean in = false;
        for (int j = 0; j < i; j++) {
            char ch = p.charAt(j);
            if (ch == '\\') {
                j++;
            } else if (ch == '[') {
                in = true;
            } else if (ch == ']' && in) {
                in = false;
            }
        }
        return in;
    }

    private static boolean validReplacement(io.trino.sql.tree.Expression e) {
        if (e instanceof io.trino.sql.tree.StringLiteral s) {
            return s.getValue().codePointCount(0, s.getValue().length()) <= 1;
        }
        return e instanceof io.trino.sql.tree.LongLiteral l && l.getParsedValue() >= 0 && l.getParsedValue() <= 0x10FFFF
                && (l.getParsedValue() < 0xD800 || l.getParsedValue() > 0xDFFF);
    }

    private static void re2(Call c, int i) {
        c.require(c.stringArg(0) && c.stringArg(i));
        if (c.node().getArguments().get(i) instanceof io.trino.sql.tree.StringLiteral s) {
            try {
                Pattern.compile(s.getValue());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "Invalid regular expression '" + s.getValue() + "': "
                        + e.getDescription());
            }
        }
        if (c.node().getArguments().get(i) instanceof io.trino.sql.tree.StringLiteral s && NOT_RE2.matcher(s.getValue()).find()) {
            throw Errors.notSupported(c.node(), "A regular expression with lookaround or back references");
        }
    }

    /** Java-style format specifiers DuckDB's printf writes the same way. */
    private static final Pattern PRINTF_SAFE = Pattern.compile("%(-?[0-9]*)(\\.[0-9]+)?[sdfx%]");

    /** format(fmt, args..): Trino's Java String.format, on DuckDB's printf for the specifiers both write alike. */
    static Typed format(ExpressionTranslator tr, io.trino.sql.tree.Format f) {
        List<io.trino.sql.tree.Expression> args = f.getArguments();
        if (!(args.get(0) instanceof io.trino.sql.tree.StringLiteral fmt)) {
            throw Errors.notSupported(f, "format with a format that is not a literal");
        }
        String rest = PRINTF_SAFE.matcher(fmt.getValue()).replaceAll("");
        if (rest.contains("%")) {
            throw Errors.notSupported(f, "A format specifier other than %s, %d, %f, %x and %% in format");
        }
        List<String> sql = new java.util.ArrayList<>();
        sql.add(tr.translate(args.get(0)).sql());
        // Trino formats Java objects (FormatFunction): %s writes an integer or a string as DuckDB's printf cannot
        // (it refuses %s of an int), so those are handed over as text; other pairings are refused, not guessed.
        java.util.regex.Matcher spec = PRINTF_SAFE.matcher(fmt.getValue());
        int next = 1;
        while (spec.find()) {
            if (spec.group().equals("%%")) {
                continue;
            }
            if (next >= args.size()) {
                break;
            }
            Typed a = tr.translate(args.get(next++));
            char conversion = spec.group().charAt(spec.group().length() - 1);
            TrinoType t = a.type();
            boolean ok = switch (conversion) {
                case 's' -> t.isString() || t.isIntegral() || t.is("boolean") || t.is("date");
                case 'd', 'x' -> t.isIntegral();
                default -> t.is("double") || t.is("real") || t.is("decimal");
            };
            if (!ok) {
                throw Errors.notSupported(f, "format's %" + conversion + " of a " + t);
            }
            sql.add(conversion == 's' && !t.isString() ? "CAST(" + a.sql() + " AS VARCHAR)" : a.sql());
        }
        for (int i = next; i < args.size(); i++) {
            sql.add(tr.translate(args.get(i)).sql());
        }
        return new Typed("printf(" + String.join(", ", sql) + ")", TrinoType.VARCHAR);
    }

    static Typed math(Call c) {
        switch (c.name()) {
            case "abs", "sign":
                c.arity(1);
                c.require(c.type(0).isNumeric() || c.type(0).is("unknown"));
                if (c.name().equals("abs") && c.type(0).isIntegral()) {
                    // The smallest value of an integer type has no absolute value in the type: Trino fails.
                    String min = Operators.minimum(c.type(0));
                    return new Typed("(CASE WHEN " + c.sql(0) + " = " + min + " THEN error('NUMERIC_VALUE_OUT_OF_RANGE: Value " + min
                            + " is out of range for abs(" + c.type(0) + ")') ELSE CAST(abs(" + c.sql(0) + ") AS " + c.type(0).duckDb()
                            + ") END)", c.type(0));
                }
                if (c.name().equals("sign") && (c.type(0).is("double") || c.type(0).is("real"))) {
                    // Math.signum: NaN stays NaN and a zero keeps its sign; DuckDB's sign answers 0 for both.
                    return new Typed("CAST(CASE WHEN " + c.sql(0) + " = 0 OR isnan(" + c.sql(0) + ") THEN " + c.sql(0) + " ELSE sign("
                            + c.sql(0) + ") END AS " + c.type(0).duckDb() + ")", c.type(0));
                }
                return new Typed("CAST(" + c.fn(c.name()) + " AS " + c.type(0).duckDb() + ")", c.type(0));
            case "ceil", "ceiling", "floor": {
                c.arity(1);
                c.require(c.type(0).isNumeric());
                TrinoType t = c.type(0);
                if (t.is("decimal")) {
                    t = TrinoType.decimal(t.precision() - t.scale() + Math.min(t.scale(), 1), 0);
                }
                return new Typed("CAST(" + (c.name().equals("floor") ? "floor" : "ceil") + "(" + c.sql(0) + ") AS " + t.duckDb() + ")", t);
            }
            case "round", "truncate": {
                c.arity(1, 2);
                c.require(c.type(0).isNumeric());
                TrinoType t = c.type(0);
                if (t.is("decimal") && c.n() == 1) {
                    t = TrinoType.decimal(t.precision() - t.scale() + Math.min(t.scale(), 1), 0);
                } else if (t.is("decimal")) {
                    // round(decimal(p, s), n) keeps the scale and gains a digit for the carry.
                    t = TrinoType.decimal(Math.min(38, t.precision() + 1), t.scale());
                }
                String fn = c.name().equals("round") ? "round" : "trunc";
                if (c.name().equals("truncate") && c.n() == 2) {
                    return truncate(c);
                }
                if (c.name().equals("round") && c.n() == 2 && t.isIntegral()) {
                    // DuckDB wraps around on overflow (round(TINYINT '127', -1) is -126 there); Trino fails.
                    String v = "trino_round_integral(" + c.sql(0) + ", " + c.sql(1) + ")";
                    if (!t.is("bigint")) {
                        v = "trino_narrow(" + v + ", " + Operators.minimum(t) + ", " + Operators.maximum(t) + ", '" + t + "')";
                    }
                    return new Typed("CAST(" + v + " AS " + t.duckDb() + ")", t);
                }
                return new Typed("CAST(" + fn + "(" + c.sql(0) + (c.n() == 2 ? ", CAST(" + c.sql(1) + " AS INTEGER)" : "") + ") AS "
                        + t.duckDb() + ")", t);
            }
            case "sqrt", "cbrt", "exp", "ln", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "degrees",
                    "radians", "sinh", "cosh", "tanh":
                c.arity(1);
                c.require(c.type(0).isNumeric() || c.type(0).is("unknown"));
                // Trino computes these with java.lang.Math: outside a function's domain the answer is NaN (or
                // -Infinity for the logarithm of zero), where DuckDB fails.
                String fn = switch (c.name()) {
                    case "sqrt", "ln", "log2", "log10", "asin", "acos" -> "trino_" + c.name();
                    default -> c.name();
                };
                return new Typed(fn + "(CAST(" + c.sql(0) + " AS DOUBLE))", TrinoType.DOUBLE);
            case "power", "pow", "atan2":
                c.arity(2);
                c.require(c.type(0).isNumeric() && c.type(1).isNumeric());
                return new Typed((c.name().equals("atan2") ? "atan2" : "pow") + "(CAST(" + c.sql(0) + " AS DOUBLE), CAST(" + c.sql(1)
                        + " AS DOUBLE))", TrinoType.DOUBLE);
            case "log":
                c.arity(2);
                c.require(c.type(0).isNumeric() && c.type(1).isNumeric());
                return new Typed("(trino_ln(CAST(" + c.sql(1) + " AS DOUBLE)) / trino_ln(CAST(" + c.sql(0) + " AS DOUBLE)))",
                        TrinoType.DOUBLE);
            case "mod": {
                c.arity(2);
                TrinoType t = Coercions.common(c.type(0), c.type(1));
                c.require(t != null && t.isNumeric());
                // DuckDB's % on floating point is Java's (see Operators.arithmetic); its fmod function is not.
                String sql = t.is("double") || t.is("real") ? "(" + c.sql(0) + " % " + c.sql(1) + ")"
                        : c.tr().inTry ? "(" + c.sql(0) + " % " + c.sql(1) + ")" : c.fn("trino_mod");
                return new Typed("CAST(" + sql + " AS " + t.duckDb() + ")", t);
            }
            case "greatest", "least": {
                List<Typed> all = Operators.unifyTyped(c.node(), c.name(), c.args());
                // DuckDB skips NULL arguments; Trino's greatest and least are NULL when any argument is.
                String anyNull = String.join(" OR ", all.stream().map(x -> x.sql() + " IS NULL").toList());
                return new Typed("CASE WHEN " + anyNull + " THEN NULL ELSE " + c.name() + "("
                        + String.join(", ", all.stream().map(Typed::sql).toList()) + ") END", all.get(0).type());
            }
            case "bitwise_and", "bitwise_or", "bitwise_xor": {
                c.arity(2);
                c.require(c.type(0).isIntegral() && c.type(1).isIntegral());
                String op = c.name().equals("bitwise_and") ? "(CAST(%s AS BIGINT) & CAST(%s AS BIGINT))"
                        : c.name().equals("bitwise_or") ? "(CAST(%s AS BIGINT) | CAST(%s AS BIGINT))" : "xor(CAST(%s AS BIGINT), CAST(%s AS BIGINT))";
                return new Typed(String.format(op, c.sql(0), c.sql(1)), TrinoType.BIGINT);
            }
            case "bitwise_not":
                c.arity(1);
                c.require(c.type(0).isIntegral());
                return new Typed("(~CAST(" + c.sql(0) + " AS BIGINT))", TrinoType.BIGINT);
            case "pi":
                c.arity(0);
                return new Typed("pi()", TrinoType.DOUBLE);
            case "e":
                c.arity(0);
                return new Typed("exp(1)", TrinoType.DOUBLE);
            case "rand", "random":
                c.arity(0);
                return new Typed("random()", TrinoType.DOUBLE);
            case "nan":
                return new Typed("CAST('NaN' AS DOUBLE)", TrinoType.DOUBLE);
            case "infinity":
                return new Typed("CAST('Infinity' AS DOUBLE)", TrinoType.DOUBLE);
            case "is_nan":
                c.arity(1);
                return new Typed(c.fn("isnan"), TrinoType.BOOLEAN);
            case "is_finite":
                c.arity(1);
                return new Typed(c.fn("isfinite"), TrinoType.BOOLEAN);
            case "is_infinite":
                c.arity(1);
                return new Typed(c.fn("isinf"), TrinoType.BOOLEAN);
            default:
                return null;
        }
    }
    /**
     * Trino's truncate(decimal(p, s), n): the digits after the n-th decimal place dropped (n below zero
     * zeroes integer digits), the type kept. DuckDB's trunc takes the places only as a constant.
     */
    private static Typed truncate(Functions.Call c) {
        TrinoType t = c.type(0);
        if (!t.is("decimal")) {
            throw Errors.notSupported(c.node(), "truncate(x, n) of a " + t);
        }
        c.require(c.type(1).isIntegral());
        Integer places = integerLiteral(c.node().getArguments().get(1));
        if (places == null) {
            throw Errors.notSupported(c.node(), "truncate(x, n) with an n that is not a literal");
        }
        if (places >= t.scale()) {
            return new Typed(c.sql(0), t);
        }
        int clamped = Math.max(places, -t.precision());
        return new Typed("CAST(trunc(" + c.sql(0) + ", " + clamped + ") AS " + t.duckDb() + ")", t);
    }

    /** The value of an integer literal, possibly negated, or null for any other expression. */
    private static Integer integerLiteral(io.trino.sql.tree.Expression e) {
        if (e instanceof io.trino.sql.tree.LongLiteral l && Math.abs(l.getParsedValue()) < 1000) {
            return (int) l.getParsedValue();
        }
        if (e instanceof io.trino.sql.tree.ArithmeticUnaryExpression u && u.getSign() == io.trino.sql.tree.ArithmeticUnaryExpression.Sign.MINUS) {
            Integer v = integerLiteral(u.getValue());
            return v == null ? null : -v;
        }
        return null;
    }
}
