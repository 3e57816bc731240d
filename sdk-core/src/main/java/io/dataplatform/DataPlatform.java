package io.dataplatform;

import io.dataplatform.athena.Athena;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.CostLedger;
import io.dataplatform.cost.PriceList;
import io.dataplatform.emr.Emr;
import io.dataplatform.email.EmailSender;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.http.Http;
import io.dataplatform.http.HttpTransport;

import io.dataplatform.internal.PlatformSettings;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.BucketSummary;
import io.dataplatform.s3.S3Location;
import io.dataplatform.s3.TransferSettings;
import io.dataplatform.tasks.Tasks;
import java.net.URI;
import java.time.Clock;
import java.util.List;


import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The entry point: one fluent, typed API over an AWS data platform. Thread-safe. Closing it closes
 * only the AWS clients it created itself, never the ones handed to its builder.
 *
 * <pre>{@code
 * try (DataPlatform platform = DataPlatform.builder().region(Region.EU_WEST_2).build()) {
 *     Bucket raw = platform.bucket("acme-raw").create();
 *     raw.put("sales/2024/01/sales.csv", Path.of("sales.csv"));
 * }
 * }</pre>
 */
public interface DataPlatform extends AutoCloseable {

    /** Returns a builder; without clients it creates its own from the region, credentials and endpoint. */
    static Builder builder() {
        return new PlatformSettings();
    }

    /**
     * Returns a handle on the bucket {@code name}. Nothing is called yet: {@link Bucket#create()}
     * creates it, the other methods work on an existing bucket.
     *
     * @throws IllegalArgumentException if the name breaks S3's bucket naming rules
     */
    Bucket bucket(String name);

    /** Returns the buckets the caller owns, by name. */
    List<BucketSummary> buckets();

    /**
     * Returns the Glue Data Catalog and its crawlers.
     *
     * <pre>{@code
     * platform.glue().database("sales").create();
     * }</pre>
     */
    GlueCatalog glue();

    /** Returns the region the platform works in. */
    Region region();

    /**
     * Returns Athena: SQL over the data in S3, every query checked by the platform's cost guard first.
     *
     * <pre>{@code
     * QueryResult result = platform.athena().query("SELECT count(*) AS n FROM sales").database("sales").run();
     * }</pre>
     */
    Athena athena();

    /**
     * Returns Amazon EMR: clusters that run Spark steps, each cluster checked by the platform's cost guard first.
     *
     * <pre>{@code
     * Cluster cluster = platform.emr().cluster("nightly").create().await();
     * }</pre>
     */
    Emr emr();

    /** Returns what this platform's operations were estimated to cost and really cost. */
    CostLedger costLedger();

    /**
     * Returns the runner of plain-Java {@link io.dataplatform.tasks.JobTask}s against this platform.
     *
     * <pre>{@code
     * platform.tasks().run(FetchRates.class, "--date", "2024-01-31").orThrow();
     * }</pre>
     */
    Tasks tasks();

    /** Returns the email sender (Amazon SES v2), under this platform's retry policy. */
    EmailSender email();

    /** Returns the HTTP client for API calls, under this platform's retry policy, over its {@link HttpTransport}. */
    Http http();

    /** Closes the clients this platform created; the ones handed in stay open. */
    @Override
    void close();

    /**
     * Configures a {@link DataPlatform}. Not thread-safe; the built platform is. Created by
     * {@link DataPlatform#builder()} (or {@code FakeAws.dataPlatformBuilder()} in tests).
     */
    interface Builder {
        /** Sets the AWS region; without it, the AWS SDK's default region chain decides. */
        Builder region(Region region);

        /** Sets the credentials the created clients use; without it, the default credentials chain. */
        Builder credentialsProvider(AwsCredentialsProvider credentialsProvider);

        /** Points the created clients at another endpoint (a VPC endpoint, a local emulator). */
        Builder endpointOverride(URI endpointOverride);

        /** Sets the 12-digit account id that principals given by name ({@code Principal.role("x")}) resolve against. */
        Builder accountId(String accountId);

        /**
         * Hands in a ready S3 client; the platform uses it and never closes it. Its own retries should be
         * off (the platform retries), or attempts multiply.
         */
        Builder s3Client(S3Client s3Client);

        /** Hands in a ready presigner for presigned URLs; the platform never closes it. */
        Builder s3Presigner(S3Presigner s3Presigner);

        /**
         * Hands in a ready Glue client; the platform uses it and never closes it. Its own retries should be
         * off (the platform retries), or attempts multiply.
         */
        Builder glueClient(GlueClient glueClient);

        /**
         * Hands in a ready Athena client; the platform uses it and never closes it. Its own retries should be
         * off (the platform retries), or attempts multiply.
         */
        Builder athenaClient(AthenaClient athenaClient);

        /**
         * Hands in a ready EMR client; the platform uses it and never closes it. Its own retries should be
         * off (the platform retries), or attempts multiply.
         */
        Builder emrClient(EmrClient emrClient);

        /**
         * Hands in a ready SES v2 client for {@link DataPlatform#email()}; the platform uses it and never
         * closes it. Its own retries should be off (the platform retries), or attempts multiply.
         */
        Builder sesClient(SesV2Client sesClient);

        /**
         * Sets what {@link DataPlatform#http()} sends each attempt through; defaults to
         * {@link HttpTransport#jdk()}. FakeAws plugs its registered responses in here.
         */
        Builder httpTransport(HttpTransport httpTransport);

        /**
         * Sets the limits checked before anything that costs money starts; defaults to
         * {@link CostGuard#defaults()} (estimates required, full scans of partitioned tables refused).
         */
        Builder costGuard(CostGuard costGuard);

        /**
         * Sets where Athena writes results of queries that name no location of their own, for
         * workgroups without one (like a new account's {@code primary}); a workgroup that enforces
         * its configuration still overrides it.
         */
        Builder athenaOutputLocation(S3Location location);

        /** Sets the prices estimates and the ledger use; defaults to {@link PriceList#standard()}. */
        Builder priceList(PriceList priceList);

        /** Sets the clock for timestamps, deadlines and restore-as-of; defaults to the system UTC clock. */
        Builder clock(Clock clock);

        /** Sets what every wait goes through; defaults to {@link Sleeper#system()}. */
        Builder sleeper(Sleeper sleeper);

        /** Seeds the random source used for backoff jitter and client request tokens. */
        Builder randomSeed(long seed);

        /** Sets the retry policy for throttled and transient failures. */
        Builder retryPolicy(RetryPolicy retryPolicy);

        /** Sets when and how uploads go multipart. */
        Builder transferSettings(TransferSettings transferSettings);

        /** Builds the platform. Clients it needs and was not given are created here and closed by it. */
        DataPlatform build();
    }
}
