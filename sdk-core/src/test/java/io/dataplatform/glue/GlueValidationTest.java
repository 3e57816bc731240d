package io.dataplatform.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataplatform.DataPlatform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Every Glue validation rule, with the whole message; none of these reaches AWS. */
class GlueValidationTest {
    private final DataPlatform platform = DataPlatform.builder().region(Region.EU_WEST_2).build();
    private final GlueCatalog glue = platform.glue();

    @AfterEach
    void close() {
        platform.close();
    }

    @Test
    void databaseName_rules() {
        assertThatThrownBy(() -> glue.database("Sales"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid database name 'Sales': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> glue.database(""))
                .hasMessage("Invalid database name '': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> glue.database("a".repeat(256)))
                .hasMessage("Invalid database name '" + "a".repeat(256)
                        + "': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> glue.database("sales-raw"))
                .hasMessage("Invalid database name 'sales-raw': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThat(glue.database("sales_2024").name()).isEqualTo("sales_2024");
    }

    @Test
    void tableAndColumnName_rules() {
        assertThatThrownBy(() -> glue.database("sales").table("Orders"))
                .hasMessage("Invalid table name 'Orders': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> Column.of("order id", GlueType.INT))
                .hasMessage("Invalid column name 'order id': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> Column.of("id", null)).hasMessage("type of column 'id' must not be null");
    }

    @Test
    void schema_rules() {
        assertThatThrownBy(() -> Schema.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("column is required: call Schema.Builder.column(..) at least once before build()");
        assertThatThrownBy(() -> Schema.builder().column("id", GlueType.INT).column("id", GlueType.STRING).build())
                .hasMessage("Duplicate column name 'id': column names must be unique");
        assertThatThrownBy(() -> Schema.builder().column("year", GlueType.INT).partitionKey("year", GlueType.STRING).build())
                .hasMessage("Duplicate column name 'year': a partition key must not repeat a column or another key");
    }

    @Test
    void tableDefinition_rules() {
        Schema schema = Schema.builder().column("id", GlueType.BIGINT).build();
        assertThatThrownBy(() -> TableDefinition.builder().location("s3://acme-raw/sales/").format(DataFormat.json()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("schema is required: call TableDefinition.Builder.schema(..) before build()");
        assertThatThrownBy(() -> TableDefinition.builder().schema(schema).format(DataFormat.json()).build())
                .hasMessage("location is required: call TableDefinition.Builder.location(..) before build()");
        assertThatThrownBy(() -> TableDefinition.builder().schema(schema).location("s3://acme-raw/x/").build())
                .hasMessage("format is required: call TableDefinition.Builder.format(..) before build()");
        assertThatThrownBy(() -> TableDefinition.builder().location("/data/sales"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid location '/data/sales': must be an S3 URI s3://<bucket>/<prefix> with a valid bucket name");
        assertThatThrownBy(() -> TableDefinition.builder().parameter("", "x"))
                .hasMessage("Invalid table parameter key '': must be 1-255 characters");
    }

    @Test
    void tableDefinition_mergesFormatParameters() {
        TableDefinition definition = TableDefinition.builder()
                .schema(Schema.builder().column("id", GlueType.BIGINT).build())
                .location("s3://acme-raw/sales/")
                .format(DataFormat.csv('|', true))
                .parameter("owner_team", "finance")
                .build();

        assertThat(definition.parameters()).isEqualTo(Map.of("classification", "csv", "delimiter", "|",
                "skip.header.line.count", "1", "owner_team", "finance"));
        assertThat(definition.format().serdeParameters()).isEqualTo(Map.of("field.delim", "|"));
    }

    @Test
    void databaseOptions_rules() {
        assertThatThrownBy(() -> DatabaseOptions.builder().locationUri("acme-raw/sales"))
                .hasMessage("Invalid locationUri 'acme-raw/sales': must be an S3 URI s3://<bucket>/<prefix> with a valid bucket name");
        assertThatThrownBy(() -> DatabaseOptions.builder().description("x".repeat(2049)))
                .hasMessage("description must be at most 2048 characters, but was 2049");
    }

    @Test
    void partitionSpec_rules() {
        assertThatThrownBy(() -> PartitionSpec.of(List.of())).hasMessage("partition values must not be empty");
        assertThatThrownBy(() -> glue.database("sales").table("t").partitions().list(" "))
                .hasMessage("expression must not be blank; use list() for every partition");
    }

    @Test
    void s3Target_rules() {
        assertThatThrownBy(() -> S3Target.of("s3://Acme/sales/"))
                .hasMessage("Invalid S3 target path 's3://Acme/sales/': must be an S3 URI s3://<bucket>/<prefix> with a valid bucket name");
        assertThatThrownBy(() -> S3Target.of("s3://acme-raw/sales/").exclude(" "))
                .hasMessage("Invalid exclusion pattern ' ': must not be blank");
        assertThatThrownBy(() -> S3Target.of("s3://acme-raw/sales/").exclude("**.tmp", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid exclusion pattern 'null': must not be blank");
        assertThatThrownBy(() -> new S3Target("s3://acme-raw/sales/", java.util.Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid exclusion pattern 'null': must not be blank");
        assertThat(S3Target.of("s3://acme-raw/sales/").exclude("**.tmp").exclude("_staging/**").exclusions())
                .containsExactly("**.tmp", "_staging/**");
    }

    @Test
    void crawlerBuilder_rules() {
        assertThatThrownBy(() -> glue.crawler("sales crawler"))
                .hasMessage("Invalid crawler name 'sales crawler': must be 1-255 characters of letters, digits, '_', '.' and '-'");
        assertThatThrownBy(() -> glue.crawler("c").tablePrefix("Raw_"))
                .hasMessage("Invalid table prefix 'Raw_': must be 0-128 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> glue.crawler("c").role("arn:aws:iam::12:role/x"))
                .hasMessage("Invalid role 'arn:aws:iam::12:role/x': must be an IAM role name (1-64 characters of letters, "
                        + "digits and '+=,.@_-') or a role ARN (arn:aws:iam::<12-digit account>:role/<name>)");
        assertThatThrownBy(() -> glue.crawler("c").database("Sales"))
                .hasMessage("Invalid database name 'Sales': must be 1-255 characters of lowercase letters, digits and '_'");
        assertThatThrownBy(() -> glue.crawler("c").description("d".repeat(2049)))
                .hasMessage("description must be at most 2048 characters, but was 2049");
    }

    @Test
    void crawlerBuilder_requiredFields() {
        assertThatThrownBy(() -> glue.crawler("c").database("sales").role("r").create())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("target is required: call CrawlerBuilder.target(..) before create()");
        assertThatThrownBy(() -> glue.crawler("c").target("s3://acme-raw/sales/").role("r").create())
                .hasMessage("database is required: call CrawlerBuilder.database(..) before create()");
        assertThatThrownBy(() -> glue.crawler("c").target("s3://acme-raw/sales/").database("sales").update())
                .hasMessage("role is required: call CrawlerBuilder.role(..) before update()");
    }

    @Test
    void crawlerBuilder_newFoldersOnlyNeedsLogPolicies() {
        assertThatThrownBy(() -> glue.crawler("c").target("s3://acme-raw/sales/").database("sales").role("r")
                .recrawlPolicy(RecrawlPolicy.CRAWL_NEW_FOLDERS_ONLY).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid schemaChangePolicy UPDATE_IN_DATABASE/DEPRECATE_IN_DATABASE: "
                        + "recrawlPolicy CRAWL_NEW_FOLDERS_ONLY requires LOG/LOG");
    }
}
