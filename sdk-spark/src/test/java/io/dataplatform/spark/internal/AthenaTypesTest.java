package io.dataplatform.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** Spark result types get Athena's names, precisions and text values. */
class AthenaTypesTest {
    @Test
    void names_andSignatures_followAthena() {
        DataType nested = DataType.fromDDL("struct<id:int,tags:array<string>,attrs:map<string,double>,price:decimal(8,3)>");
        assertThat(AthenaTypes.signature(nested))
                .isEqualTo("row(id integer,tags array(varchar),attrs map(varchar,double),price decimal(8,3))");
        assertThat(AthenaTypes.name(nested)).isEqualTo("row");
        assertThat(List.of(DataTypes.StringType, DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType,
                DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType, DataTypes.BooleanType, DataTypes.DateType,
                DataTypes.TimestampType, DataTypes.BinaryType).stream().map(AthenaTypes::name).toList())
                .containsExactly("varchar", "tinyint", "smallint", "integer", "bigint", "real", "double", "boolean", "date",
                        "timestamp", "varbinary");
    }

    @Test
    void precisionAndScale_asColumnInfoReportsThem() {
        assertThat(AthenaTypes.precision(DataTypes.createDecimalType(12, 4))).isEqualTo(12);
        assertThat(AthenaTypes.scale(DataTypes.createDecimalType(12, 4))).isEqualTo(4);
        assertThat(AthenaTypes.precision(DataTypes.StringType)).isEqualTo(Integer.MAX_VALUE);
        assertThat(AthenaTypes.precision(DataTypes.IntegerType)).isEqualTo(10);
        assertThat(AthenaTypes.precision(DataTypes.LongType)).isEqualTo(19);
        assertThat(AthenaTypes.precision(DataTypes.BooleanType)).isZero();
    }

    @Test
    void text_scalars() {
        assertThat(AthenaTypes.text(null)).isNull();
        assertThat(AthenaTypes.text(new BigDecimal("10.50"))).isEqualTo("10.50");
        assertThat(AthenaTypes.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(AthenaTypes.text(LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
        assertThat(AthenaTypes.text(Instant.parse("2024-01-31T10:15:30.120Z"))).isEqualTo("2024-01-31 10:15:30.120");
        assertThat(AthenaTypes.text(new byte[] {0x68, 0x0a, (byte) 0xff})).isEqualTo("68 0a ff");
        assertThat(AthenaTypes.text(2.5d)).isEqualTo("2.5");
        assertThat(AthenaTypes.text(true)).isEqualTo("true");
    }

    @Test
    void text_collectionsAndRows() {
        assertThat(AthenaTypes.text(CollectionConverters.asScala(List.of("a", "b")).toSeq())).isEqualTo("[a, b]");
        assertThat(AthenaTypes.text(CollectionConverters.asScala(Map.of("k", 1)))).isEqualTo("{k=1}");
        GenericRowWithSchema row = new GenericRowWithSchema(new Object[] {1, null},
                (org.apache.spark.sql.types.StructType) DataType.fromDDL("id int, name string"));
        assertThat(AthenaTypes.text(row)).isEqualTo("{id=1, name=null}");
    }
}
