package io.dataplatform.glue.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.glue.DataFormat;
import io.dataplatform.glue.GlueType;
import io.dataplatform.glue.Schema;
import io.dataplatform.glue.TableDefinition;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EtlMappingTest {
    private static final TableDefinition RAW = TableDefinition.builder()
            .schema(Schema.builder().column("order_id", GlueType.BIGINT).column("amt", GlueType.STRING)
                    .partitionKey("day", GlueType.DATE).build())
            .location("s3://acme-raw/sales/").format(DataFormat.csv('|', true)).build();

    private static EtlMapping.Builder builder() {
        return EtlMapping.builder().source("sales", "raw").map("order_id", "id").target("s3://acme-clean/sales/");
    }

    @Test
    void sql_rendersFiltersAsTypedLiterals_neverSplicedText() {
        EtlMapping mapping = builder().map("amt", "amount", GlueType.decimal(10, 2))
                .filter(EtlFilter.in("amt", "it's", "a\\b"))
                .filter(EtlFilter.of("day", EtlFilter.Operator.GREATER_THAN_OR_EQUAL, LocalDate.of(2024, 1, 31)))
                .filter(EtlFilter.isNotNull("order_id"))
                .build();

        assertThat(mapping.sql()).isEqualTo("SELECT `order_id` AS `id`, CAST(`amt` AS DECIMAL(10,2)) AS `amount`"
                + " FROM `source` WHERE `amt` IN ('it\\'s', 'a\\\\b') AND `day` >= DATE '2024-01-31'"
                + " AND `order_id` IS NOT NULL");
    }

    @Test
    void resolve_bindsTheSourcesLocationFormatAndColumns() {
        EtlMapping mapping = builder().format(EtlFormat.JSON).writeMode(WriteMode.APPEND).build().resolve(RAW);

        assertThat(mapping.arguments())
                .containsEntry("etl-source-location", "s3://acme-raw/sales/")
                .containsEntry("etl-source-format", "csv")
                .containsEntry("etl-source-schema", "`order_id` BIGINT, `amt` STRING, `day` DATE")
                .containsEntry("etl-csv-delimiter", "|")
                .containsEntry("etl-csv-header", "true")
                .containsEntry("etl-sql", "SELECT `order_id` AS `id` FROM `source`")
                .containsEntry("etl-target", "s3://acme-clean/sales/")
                .containsEntry("etl-target-format", "json")
                .containsEntry("etl-write-mode", "append")
                .doesNotContainKey("etl-partition-by");
        assertThat(mapping.argumentArray()).startsWith("--etl-source-location", "s3://acme-raw/sales/");
    }

    @Test
    void resolve_columnTheTableLacks_isRefusedNamingIt() {
        EtlMapping mapping = builder().map("amount", "amount").build();

        assertThatThrownBy(() -> mapping.resolve(RAW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid ETL mapping of sales.raw: the table has no column 'amount' (it has [order_id, amt,"
                        + " day])");
    }

    @Test
    void arguments_ofAnUnresolvedMapping_sayHowToResolveIt() {
        assertThatThrownBy(() -> builder().build().arguments()).isInstanceOf(IllegalStateException.class)
                .hasMessage("ETL mapping of sales.raw is not resolved: call resolve(platform.glue().database(\"sales\")"
                        + ".table(\"raw\").definition())");
    }

    @Test
    void build_partitionByAColumnThatIsNotATarget_isRefused() {
        assertThatThrownBy(() -> builder().map("amt", "amount").partitionBy("day").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("EtlMapping partitionBy column 'day' is not a target column (targets: [id, amount])");
    }

    @Test
    void build_withoutColumns_andDuplicateTargets_areRefused() {
        assertThatThrownBy(() -> EtlMapping.builder().source("sales", "raw").target("s3://b/t/").build())
                .hasMessage("EtlMapping of sales.raw maps no column: call map(\"source_column\", \"target_column\")"
                        + " at least once");
        assertThatThrownBy(() -> builder().map("amt", "id"))
                .hasMessage("Invalid ETL mapping: target column 'id' is mapped twice");
    }

    @Test
    void filter_wrongNumberOfValues_isRefused() {
        assertThatThrownBy(() -> EtlFilter.in("amt"))
                .hasMessage("Invalid filter on 'amt': IN takes one or more values, but got 0 value(s)");
    }
}
