package io.dataplatform.testing.spark;

import io.dataplatform.spark.SqlEngine;
import io.dataplatform.testing.FakeAws;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A fresh world per test with bucket {@code acme-raw}, a catalog helper and an engine over both. */
abstract class SqlEngineTestBase {
    protected final FakeAws aws = FakeAws.create();
    protected final S3Client s3 = aws.s3();
    protected final CatalogTables catalog = new CatalogTables(aws.glue());
    protected final SqlEngine engine = SqlEngine.builder().s3Client(s3).glueClient(aws.glue()).build();

    @BeforeEach
    void createBucket() {
        s3.createBucket(b -> b.bucket("acme-raw"));
    }

    /** Stores {@code content} as {@code key} in {@code acme-raw}. */
    protected void put(String key, String content) {
        s3.putObject(b -> b.bucket("acme-raw").key(key), RequestBody.fromString(content));
    }
}
