package io.dataplatform.athena.engine.internal.translate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dataplatform.athena.engine.internal.translate.Functions.Call;
import io.trino.sql.tree.StringLiteral;

/** Trino's JSON, binary and type functions; {@link #call} returns null for a name it does not know. */
final class JsonFunctions {
    /** Trino's json_parse reads a value into Java objects and writes it back with object keys sorted. */
    private static final JsonMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonFunctions() {
    }

    /** The canonical text Trino's json_parse gives a literal, or null to leave the parse (and its error) to DuckDB. */
    static String canonical(String text) {
        try (JsonParser parser = SORTED.createParser(text)) {
            Object value = SORTED.readValue(parser, Object.class);
            return parser.nextToken() == null ? SORTED.writeValueAsString(value) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What Trino's json_extract_scalar gives for a literal document and path: the scalar's text (a number
     * as written), empty for no scalar there, or null when this reader cannot tell (the caller then leaves
     * the call to DuckDB).
     */
    static java.util.Optional<String> literalScalar(String json, String path) {
        String p = path.strip();
        if (!p.matches("\\$((\\.[A-Za-z_][A-Za-z0-9_]*)|(\\[[0-9]+\\])|(\\[\"[^\"\\\\]*\"\\]))*")) {
            return null;
        }
        java.util.List<Object> steps = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[([0-9]+)\\]|\\[\"([^\"]*)\"\\]")
                .matcher(p.substring(1));
        while (m.find()) {
            steps.add(m.group(2) != null ? (Object) Long.valueOf(m.group(2)) : m.group(1) != null ? m.group(1) : m.group(3));
        }
        try (JsonParser parser = SORTED.createParser(json)) {
            if (parser.nextToken() == null) {
                return java.util.Optional.empty();
            }
            for (Object step : steps) {
                if (!descend(parser, step)) {
                    return java.util.Optional.empty();
                }
            }
            com.fasterxml.jackson.core.JsonToken t = parser.currentToken();
            if (t == com.fasterxml.jackson.core.JsonToken.START_OBJECT || t == com.fasterxml.jackson.core.JsonToken.START_ARRAY
                    || t == com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(parser.getText());
        } catch (java.io.IOException | RuntimeException e) {
            // Malformed JSON: Trino's answer is NULL, which DuckDB's json_valid check gives too.
            return null;
        }
    }

    /**
     * What Trino's json_array_get gives for a literal array and index: a scalar element's text (a number as
     * written), empty for none, or null when this reader leaves it to DuckDB (a structure, bad JSON).
     */
    static java.util.Optional<String> literalElement(String json, long index) {
        try (JsonParser parser = SORTED.createParser(json)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                return null;
            }
            java.util.List<com.fasterxml.jackson.core.JsonToken> tokens = new java.util.ArrayList<>();
            java.util.List<String> texts = new java.util.ArrayList<>();
            while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                tokens.add(parser.currentToken());
                texts.add(parser.getValueAsString());
                parser.skipChildren();
            }
            long at = index >= 0 ? index : tokens.size() + index;
            if (at < 0 || at >= tokens.size()) {
                return java.util.Optional.empty();
            }
            com.fasterxml.jackson.core.JsonToken t = tokens.get((int) at);
            if (t == com.fasterxml.jackson.core.JsonToken.START_OBJECT || t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                return null;
            }
            return java.util.Optional.ofNullable(texts.get((int) at));
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Moves the parser from the current value to its member or element {@code step}; false when there is none. */
    private static boolean descend(JsonParser parser, Object step) throws java.io.IOException {
        com.fasterxml.jackson.core.JsonToken t = parser.currentToken();
        if (step instanceof Long index) {
            if (t != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                return false;
            }
            for (long i = 0; parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY; i++) {
                if (i == index) {
                    return true;
                }
                parser.skipChildren();
            }
            return false;
        }
        if (t != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(step)) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    static Typed call(Call c) {
        switch (c.name()) {
            case "json_extract_scalar": {
                c.arity(2);
                String path = JsonPaths.path(c, 1);
                if (c.node().getArguments().get(0) instanceof StringLiteral json && c.node().getArguments().get(1) instanceof StringLiteral p) {
                    // A literal document is read here, so that a number keeps the text it is written with.
                    java.util.Optional<String> scalar = literalScalar(json.getValue(), p.getValue());
                    if (scalar != null) {
                        return new Typed(scalar.map(Sql::string).orElse("CAST(NULL AS VARCHAR)"), TrinoType.VARCHAR);
                    }
                }
                return new Typed("trino_json_extract_scalar(" + c.sql(0) + ", " + path + ")", TrinoType.VARCHAR);
            }
            case "json_array_get":
                c.arity(2);
                c.require((c.stringArg(0) || c.type(0).is("json")) && (c.type(1).isIntegral() || c.type(1).is("unknown")));
                if (c.node().getArguments().get(0) instanceof StringLiteral array
                        && c.node().getArguments().get(1) instanceof io.trino.sql.tree.LongLiteral index) {
                    java.util.Optional<String> element = literalElement(array.getValue(), index.getParsedValue());
                    if (element != null) {
                        return new Typed(element.map(Sql::string).orElse("CAST(NULL AS VARCHAR)"), TrinoType.JSON);
                    }
                }
                // Trino's json type, holding the element's text (a string element unquoted, as Trino's quirk has it).
                return new Typed("trino_json_array_get(CAST(" + c.sql(0) + " AS VARCHAR), " + c.sql(1) + ")", TrinoType.JSON);
            case "json_extract":
                c.arity(2);
                return new Typed("trino_json_extract(" + c.sql(0) + ", " + JsonPaths.path(c, 1) + ")", TrinoType.JSON);
            case "json_parse":
                c.arity(1);
                String canonical = c.node().getArguments().get(0) instanceof StringLiteral text ? canonical(text.getValue()) : null;
                if (canonical != null) {
                    return new Typed("json(" + Sql.string(canonical) + ")", TrinoType.JSON);
                }
                return new Typed(c.tr().inTry ? "(CASE WHEN json_valid(" + c.sql(0) + ") THEN json(" + c.sql(0) + ") END)"
                        : "trino_json_parse(" + c.sql(0) + ")", TrinoType.JSON);
            case "json_format":
                c.arity(1);
                return new Typed("CAST(" + c.sql(0) + " AS VARCHAR)", TrinoType.VARCHAR);
            case "json_array_length":
                c.arity(1);
                c.require(c.stringArg(0) || c.type(0).is("json"));
                // Trino answers NULL for a document that is not an array or not JSON (JsonFunctions.jsonArrayLength);
                // DuckDB counts 0 for an object or scalar and fails on a malformed document.
                return new Typed("CASE WHEN json_valid(" + c.sql(0) + ") AND json_type(" + c.sql(0) + ") = 'ARRAY' THEN CAST(json_array_length("
                        + c.sql(0) + ") AS BIGINT) END", TrinoType.BIGINT);
            case "json_array_contains":
                c.arity(2);
                return new Typed("trino_json_array_contains(" + c.sql(0) + ", to_json(" + c.sql(1) + "))", TrinoType.BOOLEAN);
            case "json_size":
                c.arity(2);
                return new Typed("trino_json_size(" + c.sql(0) + ", " + JsonPaths.path(c, 1) + ")", TrinoType.BIGINT);
            case "to_hex":
                c.arity(1);
                return new Typed("hex(" + c.sql(0) + ")", TrinoType.VARCHAR);
            case "from_hex":
                c.arity(1);
                if (c.node().getArguments().get(0) instanceof io.trino.sql.tree.StringLiteral s) {
                    // Checked here: an error() in the SQL would stop from_utf8's try() around it.
                    String hex = s.getValue();
                    int bad = 0;
                    while (bad < hex.length() && Character.digit(hex.charAt(bad), 16) >= 0 && hex.charAt(bad) < 128) {
                        bad++;
                    }
                    if (hex.getBytes(java.nio.charset.StandardCharsets.UTF_8).length % 2 != 0) {
                        throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "invalid input length "
                                + hex.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                    }
                    if (bad < hex.length() && hex.charAt(bad) >= 128) {
                        throw Errors.notSupported(c.node(), "from_hex of a non-ASCII character");
                    }
                    if (bad < hex.length()) {
                        throw Errors.at("INVALID_FUNCTION_ARGUMENT", c.node(), "not a hexadecimal digit: \"" + hex.charAt(bad) + "\" = "
                                + (int) hex.charAt(bad));
                    }
                    return new Typed("unhex(" + c.sql(0) + ")", TrinoType.VARBINARY);
                }
                if (c.stringArg(0)) {
                    // Trino's VarbinaryFunctions.fromHexVarchar checks the byte length, then each digit (HexFormat's message);
                    // DuckDB's unhex reads an odd length as a leading 0.
                    String x = c.sql(0);
                    return new Typed("CASE WHEN strlen(" + x + ") % 2 <> 0 THEN error('INVALID_FUNCTION_ARGUMENT: invalid input length ' || strlen("
                            + x + ")) WHEN strlen(" + x + ") <> length(" + x + ") THEN error('NOT_SUPPORTED: from_hex of a "
                            + "non-ASCII character is not supported by the fake Athena') WHEN regexp_matches(" + x + ", '[^0-9a-fA-F]') THEN "
                            + "error('INVALID_FUNCTION_ARGUMENT: not a hexadecimal digit: \"' || regexp_extract(" + x + ", '[^0-9a-fA-F]') "
                            + "|| '\" = ' || ascii(regexp_extract(" + x + ", '[^0-9a-fA-F]'))) ELSE unhex(" + x + ") END", TrinoType.VARBINARY);
                }
                return new Typed("unhex(" + c.sql(0) + ")", TrinoType.VARBINARY);
            case "md5", "sha1", "sha256":
                c.arity(1);
                c.require(c.type(0).is("varbinary"));
                return new Typed("unhex(" + c.name() + "(" + c.sql(0) + "))", TrinoType.VARBINARY);
            case "crc32":
                c.arity(1);
                c.require(c.type(0).is("varbinary") || c.type(0).is("unknown"));
                return new Typed("trino_crc32(" + c.sql(0) + ")", TrinoType.BIGINT);
            case "xxhash64":
                c.arity(1);
                c.require(c.type(0).is("varbinary") || c.type(0).is("unknown"));
                return new Typed("trino_xxhash64(" + c.sql(0) + ")", TrinoType.VARBINARY);
            case "to_base64":
                c.arity(1);
                return new Typed("to_base64(" + c.sql(0) + ")", TrinoType.VARCHAR);
            case "from_base64":
                c.arity(1);
                return new Typed("from_base64(" + c.sql(0) + ")", TrinoType.VARBINARY);
            case "translate":
                c.arity(3);
                return new Typed(c.fn("translate"), TrinoType.VARCHAR);
            case "is_json_scalar":
                c.arity(1);
                return new Typed("(json_type(" + c.sql(0) + ") NOT IN ('OBJECT', 'ARRAY'))", TrinoType.BOOLEAN);
            case "uuid":
                c.arity(0);
                return new Typed("uuid()", TrinoType.simple("uuid"));
            case "typeof":
                c.arity(1);
                if (AggregationCheck.containsAggregate(c.node().getArguments().get(0))) {
                    // The aggregate must stay in the SQL, or DuckDB would not aggregate (one row per input row); it is never evaluated.
                    return new Typed("coalesce(CASE WHEN false THEN typeof(" + c.sql(0) + ") END, " + Sql.string(c.type(0).toString()) + ")",
                            TrinoType.VARCHAR);
                }
                return new Typed(Sql.string(c.type(0).toString()), TrinoType.VARCHAR);
            case "if":
                throw Errors.at("FUNCTION_NOT_FOUND", c.node(), "Function 'if' not registered");
            default:
                return null;
        }
    }}
