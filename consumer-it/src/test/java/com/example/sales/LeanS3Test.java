package com.example.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dataplatform.DataPlatform;
import io.dataplatform.s3.Bucket;
import io.dataplatform.testing.FakeAws;
import io.dataplatform.testing.FakeAwsTest;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An S3-only test as a user writes it: the SDK's fakes, and not one Spark, Hadoop, Scala or DuckDB jar. */
@FakeAwsTest
class LeanS3Test {

    @Test
    void putsAndReadsBack(DataPlatform platform, FakeAws aws) {
        Bucket raw = platform.bucket("acme-raw").create();
        raw.put("sales/a.csv", "id,amount\n1,10\n");

        assertEquals("id,amount\n1,10\n", raw.get("sales/a.csv").string());
        assertTrue(aws.calls().count(io.dataplatform.testing.AwsService.S3, "PutObject") >= 1);
    }

    @Test
    void testClasspath_hasNoSparkHadoopScalaOrSqlEngine() {
        List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> new File(entry).getName()).toList();
        List<String> heavy = jars.stream().filter(name -> name.startsWith("spark-") || name.startsWith("hadoop-")
                || name.startsWith("scala-") || name.startsWith("duckdb") || name.startsWith("parquet-hadoop")).toList();

        assertTrue(heavy.isEmpty(), "heavy jars on an S3-only test's classpath: " + heavy);
        assertTrue(jars.stream().anyMatch(name -> name.startsWith("dataplatform-sdk-testing")), String.valueOf(jars));
    }
}
