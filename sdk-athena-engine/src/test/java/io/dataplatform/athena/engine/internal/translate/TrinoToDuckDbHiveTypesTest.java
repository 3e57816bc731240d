package io.dataplatform.athena.engine.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Glue's Hive column types as the Trino types Athena shows and the translator reads. */
class TrinoToDuckDbHiveTypesTest {

    @Test
    void primitiveTypes_mapToTrinos() {
        assertThat(HiveTypes.toTrino("string")).isEqualTo("varchar");
        assertThat(HiveTypes.toTrino("INT")).isEqualTo("integer");
        assertThat(HiveTypes.toTrino("float")).isEqualTo("real");
        assertThat(HiveTypes.toTrino("timestamp")).isEqualTo("timestamp(3)");
        assertThat(HiveTypes.toTrino("binary")).isEqualTo("varbinary");
        assertThat(HiveTypes.toTrino("decimal(10, 2)")).isEqualTo("decimal(10,2)");
        assertThat(HiveTypes.toTrino("varchar(20)")).isEqualTo("varchar(20)");
    }

    @Test
    void nestedTypes_mapToTrinosAndParse() {
        String t = HiveTypes.toTrino("struct<a:int,b:array<string>,c:map<string,struct<d:double>>>");
        assertThat(t).isEqualTo("row(a integer, b array(varchar), c map(varchar, row(d double)))");
        assertThat(TrinoType.parse(t).toString()).isEqualTo(t);
    }

    @Test
    void unknownType_failsNamingIt() {
        assertThatThrownBy(() -> HiveTypes.toTrino("uniontype<int,string>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown Hive type 'uniontype<int,string>'");
    }

    @Test
    void trinoTypes_haveADuckDbType() {
        assertThat(TrinoToDuckDb.duckDbType("decimal(10,2)")).isEqualTo("DECIMAL(10,2)");
        assertThat(TrinoToDuckDb.duckDbType("array(row(a bigint, b varchar))")).isEqualTo("STRUCT(\"a\" BIGINT, \"b\" VARCHAR)[]");
        assertThat(TrinoToDuckDb.duckDbType("map(varchar, timestamp(3))")).isEqualTo("MAP(VARCHAR, TIMESTAMP)");
    }
}
