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

    static Typed call(Call c) {
        switch (c.name()) {
            case "json_extract_scalar":
                c.arity(2);
                return new Typed("trino_json_extract_scalar(" + c.sql(0) + ", " + JsonPaths.path(c, 1) + ")", TrinoType.VARCHAR);
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
                return new Typed("CAST(json_array_length(" + c.sql(0) + ") AS BIGINT)", TrinoType.BIGINT);
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
                return new Typed("unhex(" + c.sql(0) + ")", TrinoType.VARBINARY);
            case "md5", "sha1", "sha256":
                c.arity(1);
                c.require(c.type(0).is("varbinary"));
                return new Typed("unhex(" + c.name() + "(" + c.sql(0) + "))", TrinoType.VARBINARY);
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
                return new Typed(Sql.string(c.type(0).toString()), TrinoType.VARCHAR);
            case "if":
                throw Errors.at("FUNCTION_NOT_FOUND", c.node(), "Function 'if' not registered");
            default:
                return null;
        }
    }}
