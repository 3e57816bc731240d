package io.dataplatform.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hive type strings from the Glue catalog become the Spark types the engine reads with. */
class GlueTypesTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "string; string", "varchar(255); string", "CHAR(3); string", "tinyint; tinyint", "smallint; smallint",
        "int; int", "integer; int", "bigint; bigint", "float; float", "double; double", "boolean; boolean",
        "date; date", "timestamp; timestamp", "binary; binary", "decimal; decimal(10,0)", "decimal(12); decimal(12,0)",
        "decimal( 10 , 2 ); decimal(10,2)", "array<string>; array<string>", "map<string,bigint>; map<string,bigint>",
        "struct<name:string,city:varchar(20)>; struct<name:string,city:string>",
        "array<struct<id:int,tags:array<string>>>; array<struct<id:int,tags:array<string>>>",
        "struct<`a b`:int>; struct<`a b`:int>", "struct<>; struct<>"})
    void parse_hiveTypes_giveSparkTypes(String hive, String spark) {
        assertThat(GlueTypes.parse(hive).simpleString()).isEqualTo(DataType.fromDDL(spark).simpleString());
    }

    @Test
    void parse_nestedNullability_allowsNulls() {
        assertThat(GlueTypes.parse("map<string,array<int>>")).isEqualTo(DataTypes.createMapType(DataTypes.StringType,
                DataTypes.createArrayType(DataTypes.IntegerType, true), true));
    }

    @Test
    void parse_unknownName_namesTheTypesAccepted() {
        assertThatThrownBy(() -> GlueTypes.parse("text")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid column type 'text': expected a type name (string, varchar(n), char(n), tinyint,"
                        + " smallint, int, bigint, float, double, decimal(p,s), boolean, date, timestamp, binary, array<>,"
                        + " map<>, struct<>) at position 0 but found 't'");
    }

    @Test
    void parse_unclosedGeneric_namesPositionAndExpectation() {
        assertThatThrownBy(() -> GlueTypes.parse("array<string")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid column type 'array<string': expected '>' at position 12 but found the end");
    }

    @Test
    void parse_trailingText_isRefused() {
        assertThatThrownBy(() -> GlueTypes.parse("int int")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid column type 'int int': expected end of type at position 4 but found 'i'");
    }

    @Test
    void parse_structFieldWithoutName_isRefused() {
        assertThatThrownBy(() -> GlueTypes.parse("struct<:int>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid column type 'struct<:int>': expected a field name at position 7 but found ':'");
    }

    @Test
    void parse_decimalOutOfRange_isRefused() {
        assertThatThrownBy(() -> GlueTypes.parse("decimal(39,2)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid column type 'decimal(39,2)': decimal precision must be 1-38 and scale at most the"
                        + " precision, but was decimal(39,2)");
        assertThatThrownBy(() -> GlueTypes.parse("decimal(5,6)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid column type 'decimal(5,6)': decimal precision must be 1-38 and scale at most the"
                        + " precision, but was decimal(5,6)");
    }

    @Test
    void parse_varcharWithoutLength_isAccepted_butNotAWord() {
        assertThat(GlueTypes.parse("varchar")).isEqualTo(DataTypes.StringType);
        assertThatThrownBy(() -> GlueTypes.parse("varchar(x)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid column type 'varchar(x)': expected a number at position 8 but found 'x'");
    }

    @Test
    void parse_blank_isRefused() {
        assertThatThrownBy(() -> GlueTypes.parse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid column type ' ': must be a Hive type such as string, bigint, decimal(10,2) or"
                        + " array<string>");
    }
}
