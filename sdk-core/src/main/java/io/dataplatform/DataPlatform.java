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
import io.dataplatform.internal.Checks;
import io.dataplatform.internal.DefaultDataPlatform;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.BucketSummary;
import io.dataplatform.s3.S3Location;
import io.dataplatform.s3.TransferSettings;
import io.dataplatform.tasks.Tasks;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
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
        return new Builder();
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

    /** Configures a {@link DataPlatform}. Not thread-safe; the built platform is. */
    final class Builder {
        private Region region;
        private AwsCredentialsProvider credentialsProvider;
        private URI endpointOverride;
        private String accountId;
        private S3Client s3Client;
        private S3Presigner s3Presigner;
        private GlueClient glueClient;
        private AthenaClient athenaClient;
        private EmrClient emrClient;
        private SesV2Client sesClient;
        private HttpTransport httpTransport;
        private CostGuard costGuard = CostGuard.defaults();
        private PriceList priceList = PriceList.standard();
        private S3Location athenaOutputLocation;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private TransferSettings transferSettings = TransferSettings.defaults();

        private Builder() {
        }

        /** Sets the AWS region; without it, the AWS SDK's default region chain decides. */
        public Builder region(Region region) {
            this.region = Checks.notNull(region, "region");
            return this;
        }

        /** Sets the credentials the created clients use; without it, the default credentials chain. */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = Checks.notNull(credentialsProvider, "credentialsProvider");
            return this;
        }

        /** Points the created clients at another endpoint (a VPC endpoint, a local emulator). */
        public Builder endpointOverride(URI endpointOverride) {
            Checks.notNull(endpointOverride, "endpointOverride");
            Checks.require(endpointOverride.getScheme() != null, "endpointOverride must be an absolute URI, but was '%s'",
                    endpointOverride);
            this.endpointOverride = endpointOverride;
            return this;
        }

        /** Sets the 12-digit account id that principals given by name ({@code Principal.role("x")}) resolve against. */
        public Builder accountId(String accountId) {
            Checks.notNull(accountId, "accountId");
            Checks.require(accountId.matches("\\d{12}"), "Invalid accountId '%s': must be 12 digits", accountId);
            this.accountId = accountId;
            return this;
        }

        /**
         * Hands in a ready S3 client; the platform uses it and never closes it. Its own retries should be
         * off (the platform retries), or attempts multiply.
         */
        public Builder s3Client(S3Client s3Client) {
            this.s3Client = Checks.notNull(s3Client, "s3Client");
            return this;
        }

        /** Hands in a ready presigner for presigned URLs; the platform never closes it. */
        public Builder s3Presigner(S3Presigner s3Presigner) {
            this.s3Presigner = Checks.notNull(s3Presigner, "s3Presigner");
            return this;
        }

        /**
         * Hands in a ready Glue client; the platform uses it and never closes it. Its own retries should be
         * off (the platform retries), or attempts multiply.
         */
        public Builder glueClient(GlueClient glueClient) {
            this.glueClient = Checks.notNull(glueClient, "glueClient");
            return this;
        }

        /**
         * Hands in a ready Athena client; the platform uses it and never closes it. Its own retries should be
         * off (the platform retries), or attempts multiply.
         */
        public Builder athenaClient(AthenaClient athenaClient) {
            this.athenaClient = Checks.notNull(athenaClient, "athenaClient");
            return this;
        }

        /**
         * Hands in a ready EMR client; the platform uses it and never closes it. Its own retries should be
         * off (the platform retries), or attempts multiply.
         */
        public Builder emrClient(EmrClient emrClient) {
            this.emrClient = Checks.notNull(emrClient, "emrClient");
            return this;
        }

        /**
         * Hands in a ready SES v2 client for {@link DataPlatform#email()}; the platform uses it and never
         * closes it. Its own retries should be off (the platform retries), or attempts multiply.
         */
        public Builder sesClient(SesV2Client sesClient) {
            this.sesClient = Checks.notNull(sesClient, "sesClient");
            return this;
        }

        /**
         * Sets what {@link DataPlatform#http()} sends each attempt through; defaults to
         * {@link HttpTransport#jdk()}. FakeAws plugs its registered responses in here.
         */
        public Builder httpTransport(HttpTransport httpTransport) {
            this.httpTransport = Checks.notNull(httpTransport, "httpTransport");
            return this;
        }

        /**
         * Sets the limits checked before anything that costs money starts; defaults to
         * {@link CostGuard#defaults()} (estimates required, full scans of partitioned tables refused).
         */
        public Builder costGuard(CostGuard costGuard) {
            this.costGuard = Checks.notNull(costGuard, "costGuard");
            return this;
        }

        /**
         * Sets where Athena writes results of queries that name no location of their own, for
         * workgroups without one (like a new account's {@code primary}); a workgroup that enforces
         * its configuration still overrides it.
         */
        public Builder athenaOutputLocation(S3Location location) {
            this.athenaOutputLocation = Checks.notNull(location, "athenaOutputLocation");
            return this;
        }

        /** Sets the prices estimates and the ledger use; defaults to {@link PriceList#standard()}. */
        public Builder priceList(PriceList priceList) {
            this.priceList = Checks.notNull(priceList, "priceList");
            return this;
        }

        /** Sets the clock for timestamps, deadlines and restore-as-of; defaults to the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** Sets what every wait goes through; defaults to {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Checks.notNull(sleeper, "sleeper");
            return this;
        }

        /** Seeds the random source used for backoff jitter and client request tokens. */
        public Builder randomSeed(long seed) {
            this.random = new Random(seed);
            return this;
        }

        /** Sets the retry policy for throttled and transient failures. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Checks.notNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Sets when and how uploads go multipart. */
        public Builder transferSettings(TransferSettings transferSettings) {
            this.transferSettings = Checks.notNull(transferSettings, "transferSettings");
            return this;
        }

        /** Returns the configured region, or null when the default region chain decides. */
        public Region region() {
            return region;
        }

        /** Returns the configured credentials provider, or null for the default chain. */
        public AwsCredentialsProvider credentialsProvider() {
            return credentialsProvider;
        }

        /** Returns the endpoint override, or null. */
        public URI endpointOverride() {
            return endpointOverride;
        }

        /** Returns the account id, or null when unknown. */
        public String accountId() {
            return accountId;
        }

        /** Returns the S3 client handed in, or null. */
        public S3Client s3Client() {
            return s3Client;
        }

        /** Returns the presigner handed in, or null. */
        public S3Presigner s3Presigner() {
            return s3Presigner;
        }

        /** Returns the Glue client handed in, or null. */
        public GlueClient glueClient() {
            return glueClient;
        }

        /** Returns the Athena client handed in, or null. */
        public AthenaClient athenaClient() {
            return athenaClient;
        }

        /** Returns the EMR client handed in, or null. */
        public EmrClient emrClient() {
            return emrClient;
        }

        /** Returns the SES v2 client handed in, or null. */
        public SesV2Client sesClient() {
            return sesClient;
        }

        /** Returns the HTTP transport handed in, or null for the JDK's. */
        public HttpTransport httpTransport() {
            return httpTransport;
        }

        /** Returns the cost guard. */
        public CostGuard costGuard() {
            return costGuard;
        }

        /** Returns the default Athena result location, or null. */
        public S3Location athenaOutputLocation() {
            return athenaOutputLocation;
        }

        /** Returns the price list. */
        public PriceList priceList() {
            return priceList;
        }

        /** Returns the clock. */
        public Clock clock() {
            return clock;
        }

        /** Returns the sleeper. */
        public Sleeper sleeper() {
            return sleeper;
        }

        /** Returns the random source: the seeded one, or one unseeded source kept for this builder's platforms. */
        public synchronized RandomGenerator random() {
            if (random == null) {
                random = new Random();
            }
            return random;
        }

        /** Returns the retry policy. */
        public RetryPolicy retryPolicy() {
            return retryPolicy;
        }

        /** Returns the transfer settings. */
        public TransferSettings transferSettings() {
            return transferSettings;
        }

        /** Builds the platform. Clients it needs and was not given are created here and closed by it. */
        public DataPlatform build() {
            return new DefaultDataPlatform(this);
        }
    }
}
