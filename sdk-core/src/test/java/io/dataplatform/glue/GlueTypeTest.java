package io.dataplatform.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GlueTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"string", "tinyint", "smallint", "int", "bigint", "float", "double", "boolean", "date",
            "timestamp", "binary", "decimal(10,2)", "decimal(38,0)", "char(10)", "varchar(65535)", "array<string>",
            "map<string,bigint>", "struct<a:int,b:array<string>>", "array<struct<id:bigint,tags:map<string,array<int>>>>",
            "map<int,struct<x:struct<y:struct<z:decimal(5,1)>>>>", "struct<order_id:bigint,items:array<struct<sku:string,qty:int>>>"})
    void parse_canonicalString_roundTrips(String type) {
        assertThat(GlueType.parse(type).toGlueString()).isEqualTo(type);
    }

    @Test
    void parse_nestedStruct_buildsTheTree() {
        GlueType type = GlueType.parse("struct<a:int,b:array<string>>");

        assertThat(type).isEqualTo(GlueType.struct(List.of(
                GlueType.Field.of("a", GlueType.INT),
                GlueType.Field.of("b", GlueType.array(GlueType.STRING)))));
    }

    @Test
    void parse_spacesAndUpperCase_normalises() {
        assertThat(GlueType.parse(" STRUCT < a : INT , b : ARRAY<String> > ").toGlueString())
                .isEqualTo("struct<a:int,b:array<string>>");
        assertThat(GlueType.parse("integer")).isEqualTo(GlueType.INT);
        assertThat(GlueType.parse("decimal")).isEqualTo(GlueType.decimal(10, 0));
        assertThat(GlueType.parse("decimal(7)")).isEqualTo(GlueType.decimal(7, 0));
    }

    @Test
    void parse_unknownName_failsWithPosition() {
        assertThatThrownBy(() -> GlueType.parse("array<strin>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid Glue type 'array<strin>': expected a type name at position 6 but found 's'");
    }

    @Test
    void parse_unclosedBracket_failsAtEnd() {
        assertThatThrownBy(() -> GlueType.parse("map<string,int"))
                .hasMessage("Invalid Glue type 'map<string,int': expected '>' at position 14 but found end of input");
    }

    @Test
    void parse_trailingText_fails() {
        assertThatThrownBy(() -> GlueType.parse("int int"))
                .hasMessage("Invalid Glue type 'int int': expected end of type at position 4 but found 'i'");
    }

    @Test
    void parse_emptyOrNull_fails() {
        assertThatThrownBy(() -> GlueType.parse(" "))
                .hasMessage("Invalid Glue type ' ': must not be empty");
        assertThatThrownBy(() -> GlueType.parse(null))
                .hasMessage("Invalid Glue type 'null': must not be empty");
    }

    @Test
    void parse_invalidDecimal_namesTheRule() {
        assertThatThrownBy(() -> GlueType.parse("decimal(40,2)"))
                .hasMessage("Invalid Glue type 'decimal(40,2)': Invalid decimal(40,2): precision must be 1-38 and scale 0-precision");
    }

    @Test
    void parse_complexMapKey_fails() {
        assertThatThrownBy(() -> GlueType.parse("map<array<int>,string>"))
                .hasMessage("Invalid Glue type 'map<array<int>,string>': Invalid map key type 'array<int>': must be a primitive type");
    }

    @Test
    void parse_duplicateStructField_fails() {
        assertThatThrownBy(() -> GlueType.parse("struct<a:int,a:string>"))
                .hasMessage("Invalid Glue type 'struct<a:int,a:string>': struct field names must be unique, but were [a, a]");
    }

    @Test
    void factories_validateTheirRanges() {
        assertThatThrownBy(() -> GlueType.decimal(0, 0))
                .hasMessage("Invalid decimal(0,0): precision must be 1-38 and scale 0-precision");
        assertThatThrownBy(() -> GlueType.decimal(5, 6))
                .hasMessage("Invalid decimal(5,6): precision must be 1-38 and scale 0-precision");
        assertThatThrownBy(() -> GlueType.charOf(256)).hasMessage("Invalid char(256): length must be 1-255");
        assertThatThrownBy(() -> GlueType.varchar(0)).hasMessage("Invalid varchar(0): length must be 1-65535");
        assertThatThrownBy(() -> GlueType.struct(List.of())).hasMessage("struct must have at least one field");
        assertThatThrownBy(() -> GlueType.Field.of("a b", GlueType.INT))
                .hasMessage("Invalid struct field name 'a b': must be non-empty without ':', ',', '<', '>' or whitespace");
        assertThatThrownBy(() -> new GlueType.Primitive("text"))
                .hasMessage("Invalid primitive type 'text': must be one of [bigint, binary, boolean, date, double, float, int,"
                        + " smallint, string, timestamp, tinyint]");
    }
}
