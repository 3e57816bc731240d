package io.dataplatform.testing;

import io.dataplatform.DataPlatform;
import io.dataplatform.RetryPolicy;
import io.dataplatform.Sleeper;
import io.dataplatform.s3.Principal;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.ServiceCalls;
import io.dataplatform.testing.internal.ServiceErrors;
import io.dataplatform.testing.internal.athena.AthenaWorld;
import io.dataplatform.testing.internal.athena.FakeAthenaClient;
import io.dataplatform.testing.internal.compute.SparkJobLauncher;
import io.dataplatform.testing.internal.emr.EmrWorld;
import io.dataplatform.testing.internal.emr.FakeEmrClient;
import io.dataplatform.testing.internal.glue.FakeGlueClient;
import io.dataplatform.testing.internal.glue.GlueWorld;
import io.dataplatform.testing.internal.iam.IdentityStore;
import io.dataplatform.testing.internal.s3.FakeS3Client;
import io.dataplatform.testing.internal.s3.S3World;
import io.dataplatform.testing.internal.ses.FakeSesClient;
import io.dataplatform.testing.internal.ses.SesWorld;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * One in-memory AWS world: S3 buckets, the Glue catalog with crawlers that read those buckets, and
 * Athena queries that really run over them (in Athena's dialect on an in-process DuckDB engine, started only by the first query), all
 * sharing one {@link FakeClock}, one set of {@link Faults} and one {@link CallLog}; an SES that records
 * what it sends ({@link #sesOutbox()}) and the HTTP responses a test registers ({@link #http()}), so a job's
 * outside calls never leave the machine. Its clients implement the AWS SDK v2 interfaces, so the SDK and raw AWS SDK code
 * both run on it unchanged. No Docker, no network, milliseconds to create; every world is
 * independent of every other.
 *
 * <pre>{@code
 * FakeAws aws = FakeAws.create();
 * DataPlatform platform = aws.dataPlatform();
 * platform.bucket("acme-raw").create().put("hello.txt", "hi");
 * }</pre>
 */
public final class FakeAws implements AutoCloseable {
    private final AthenaWorld athenaWorld;
    /** The account id of a world created with defaults. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** The instant a world's clock starts at by default. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ROOT_USER = Pattern.compile("arn:aws:iam::\\d{12}:root");
    /** Runs a service's internal calls (Athena reading the catalog and S3) without recording or faults. */
    private static final ServiceCalls UNRECORDED = new ServiceCalls() {
        @Override
        public <T> T invoke(AwsService service, String operation, String principal, ServiceErrors errors, Supplier<T> body) {
            return body.get();
        }
    };

    private final Region region;
    private final String accountId;
    private final FakeClock clock;
    private final Faults faults;
    private final CallLog calls;
    private final CallDispatcher dispatcher;
    private final IdentityStore identities;
    private final S3World s3World;
    private final S3Client ownerS3;
    private final GlueClient ownerGlue;
    private final GlueWorld glueWorld;
    private final AthenaClient ownerAthena;
    private final EmrClient ownerEmr;
    private final SesWorld sesWorld;
    private final SesV2Client ownerSes;
    private final FakeHttp http;
    private final AtomicLong platforms = new AtomicLong();
    private S3Presigner platformPresigner;

    private FakeAws(Builder builder) {
        this.region = builder.region;
        this.accountId = builder.accountId;
        this.clock = new FakeClock(builder.start);
        this.faults = new Faults(clock);
        this.calls = new CallLog(builder.callLogCapacity);
        this.dispatcher = new CallDispatcher(clock, faults, calls);
        this.identities = new IdentityStore();
        this.s3World = new S3World(clock, accountId, region.id(), identities);
        this.ownerS3 = FakeS3Client.create(s3World, dispatcher, new Caller(ownerArn(), true));
        // Crawlers read the world's buckets through an S3 client acting as their role.
        this.glueWorld = new GlueWorld(clock, accountId, caller -> FakeS3Client.create(s3World, dispatcher, caller));
        this.ownerGlue = FakeGlueClient.create(glueWorld, dispatcher, new Caller(ownerArn(), true));
        // Athena reads the catalog and the buckets, and writes its result files, as the account, through
        // clients that bypass the call record and the faults: those are about the calls the user's code makes.
        Caller athenaService = new Caller(ownerArn(), true);
        this.athenaWorld = new AthenaWorld(clock, FakeGlueClient.create(glueWorld, UNRECORDED, athenaService),
                FakeS3Client.create(s3World, UNRECORDED, athenaService),
                "aws-athena-query-results-" + accountId + "-" + region.id());
        this.ownerAthena = FakeAthenaClient.create(athenaWorld, dispatcher, new Caller(ownerArn(), true));
        // Clusters read job jars and run jobs over the buckets as the account, outside the call record and faults.
        EmrWorld emrWorld = new EmrWorld(clock, accountId, region.id(),
                FakeS3Client.create(s3World, UNRECORDED, new Caller(ownerArn(), true)), SparkJobLauncher::local);
        this.ownerEmr = FakeEmrClient.create(emrWorld, dispatcher, new Caller(ownerArn(), true));
        this.sesWorld = new SesWorld(clock, region.id());
        this.ownerSes = FakeSesClient.create(sesWorld, dispatcher, new Caller(ownerArn(), true));
        this.http = new FakeHttp(clock);
        // A JobTask deployed as a Glue job runs against this world as the account, as it would on Glue.
        this.glueWorld.jobs().taskPlatforms(this::dataPlatform);
    }

    /** Creates a world in {@code us-east-1}, account {@value #DEFAULT_ACCOUNT_ID}, clock at 2024-01-01T00:00Z. */
    public static FakeAws create() {
        return builder().build();
    }

    /** Returns a builder to choose the region, account, start time and call log capacity. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the world's region. */
    public Region region() {
        return region;
    }

    /** Returns the world's account id. */
    public String accountId() {
        return accountId;
    }

    /** Returns the world's clock; advance it to move time. */
    public FakeClock clock() {
        return clock;
    }

    /** Returns a sleeper that advances the world's clock instead of blocking. */
    public Sleeper sleeper() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                clock.advance(duration);
            }
        };
    }

    /** Returns the faults injected into this world (none at first). */
    public Faults faults() {
        return faults;
    }

    /** Returns the record of the most recent calls this world's clients received (see {@link CallLog#capacity()}). */
    public CallLog calls() {
        return calls;
    }

    /** Returns an S3 client acting as the account's administrator (bucket policies' explicit denies still apply). */
    public S3Client s3() {
        return ownerS3;
    }

    /**
     * Returns an S3 client acting as {@code principal}: an IAM user or role of this or another account
     * (with the identity policies {@link #iam()} attaches to it, none at first), another account's
     * root user, a service principal, or {@link Principal#anyone()} for unsigned requests.
     * S3 decides as IAM does: see {@link Identities}.
     */
    public S3Client s3(Principal principal) {
        String arn = principal.toPolicyValue(accountId);
        // An account's root user is allowed everything by its identity; IAM users and roles start with nothing.
        return FakeS3Client.create(s3World, dispatcher, new Caller(arn, ROOT_USER.matcher(arn).matches()));
    }

    /**
     * Returns the world's IAM identities: attach identity-based policies to users and roles, and set
     * where their requests come from.
     *
     * <pre>{@code
     * aws.iam().attachPolicy(Principal.role("analyst"), analystPolicyJson);
     * S3Client analyst = aws.s3(Principal.role("analyst"));
     * }</pre>
     */
    public Identities iam() {
        return new Identities(identities, accountId);
    }

    /**
     * Returns a Glue client acting as the account's administrator: the Data Catalog and crawlers that
     * read this world's buckets. Crawls advance with the world's clock.
     */
    public GlueClient glue() {
        return ownerGlue;
    }

    /**
     * Returns the world's Glue jobs, for what a test sets up beyond the Glue API: Java handlers that
     * run in place of jobs the fake cannot run (Python scripts). Runs themselves go through {@link #glue()}.
     */
    public GlueJobs glueJobs() {
        return new GlueJobs(glueWorld.jobs());
    }

    /**
     * Returns an Athena client acting as the account's administrator. Queries really run, in Athena's
     * dialect on an in-process engine over this world's catalog and buckets, and report the bytes Athena would bill; states advance
     * with the world's clock (QUEUED, RUNNING, then SUCCEEDED, FAILED or CANCELLED).
     */
    public AthenaClient athena() {
        return ownerAthena;
    }

    /**
     * Returns an EMR client acting as the account's administrator. Clusters go through EMR's states on the
     * world's clock (STARTING 5 minutes, BOOTSTRAPPING 2 minutes, then WAITING or RUNNING; TERMINATING 1
     * minute), idle auto-termination fires when the clock passes it, and a {@code spark-submit} step of a
     * SparkJob (through {@code io.dataplatform.spark.SparkJobMain}) really runs the job from the jar in the
     * fake S3 on local Spark over this world (each step takes 1 minute of fake time). Running Spark steps
     * needs dataplatform-sdk-spark on the test classpath; other kinds of steps are refused with 501.
     */
    public EmrClient emr() {
        return ownerEmr;
    }

    /**
     * Returns an SES v2 client acting as the account's administrator. Messages are recorded in
     * {@link #sesOutbox()}, never delivered; SES's sandbox rules and quotas apply (see {@link #sesAccount()}).
     */
    public SesV2Client ses() {
        return ownerSes;
    }

    /** Returns what the fake SES sent, for assertions. */
    public SesOutbox sesOutbox() {
        return new SesOutbox(sesWorld);
    }

    /** Returns the fake SES account: verified identities, sandbox or production, quotas. */
    public SesAccount sesAccount() {
        return new SesAccount(sesWorld);
    }

    /**
     * Returns the world's HTTP: the responses a test registers for URLs, which every platform of this
     * world (and so every task) gets instead of the network; requests are recorded.
     */
    public FakeHttp http() {
        return http;
    }

    /** Returns a presigner that signs with this world's fake credentials. */
    public S3Presigner presigner() {
        return S3Presigner.builder()
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAFAKEAWS000000000", "fake-secret-key-of-fakeaws")))
                .endpointOverride(URI.create("https://s3." + region.id() + ".amazonaws.com"))
                .build();
    }

    /** Returns a {@link DataPlatform} over this world's clients, clock and sleeper, as its administrator. */
    public DataPlatform dataPlatform() {
        return platformBuilder(ownerS3).build();
    }

    /** Returns a {@link DataPlatform} over this world whose S3 calls act as {@code principal} (see {@link #s3(Principal)}). */
    public DataPlatform dataPlatform(Principal principal) {
        return platformBuilder(s3(principal)).build();
    }

    /**
     * Returns a builder preset with this world's clients, clock, sleeper and account, for a test
     * that wants to change something else (say the retry policy) before building.
     */
    public DataPlatform.Builder dataPlatformBuilder() {
        return platformBuilder(ownerS3);
    }

    /** The presigner every platform of this world shares: building one costs about 100 us. */
    private synchronized S3Presigner platformPresigner() {
        if (platformPresigner == null) {
            platformPresigner = presigner();
        }
        return platformPresigner;
    }

    private DataPlatform.Builder platformBuilder(S3Client s3) {
        return DataPlatform.builder()
                .region(region)
                .accountId(accountId)
                .s3Client(s3)
                .glueClient(ownerGlue)
                .athenaClient(ownerAthena)
                .emrClient(ownerEmr)
                .sesClient(ownerSes)
                .httpTransport(http)
                .s3Presigner(platformPresigner())
                .clock(clock)
                .sleeper(sleeper())
                // Each platform of a world gets its own seed: equal seeds would mint equal client request
                // tokens, and Athena treats a repeated token as a retry of the first platform's query.
                .randomSeed(42L + platforms.getAndIncrement())
                .retryPolicy(RetryPolicy.defaults());
    }

    private String ownerArn() {
        return "arn:aws:iam::" + accountId + ":root";
    }

    /** Releases the fake Athena's engine if a query started it; the rest of the world lives in memory. */
    @Override
    public void close() {
        athenaWorld.close();
        synchronized (this) {
            if (platformPresigner != null) {
                platformPresigner.close();
                platformPresigner = null;
            }
        }
    }

    /** Builds a {@link FakeAws} world. */
    public static final class Builder {
        private Region region = Region.US_EAST_1;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private Instant start = DEFAULT_START;
        private int callLogCapacity = CallLog.DEFAULT_CAPACITY;

        private Builder() {
        }

        /** Sets the world's region. */
        public Builder region(Region region) {
            if (region == null) {
                throw new IllegalArgumentException("region must not be null");
            }
            this.region = region;
            return this;
        }

        /** Sets the world's 12-digit account id. */
        public Builder accountId(String accountId) {
            if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
                throw new IllegalArgumentException("Invalid account id '" + accountId + "': must be 12 digits");
            }
            this.accountId = accountId;
            return this;
        }

        /** Sets the instant the world's clock starts at. */
        public Builder start(Instant start) {
            if (start == null) {
                throw new IllegalArgumentException("start must not be null");
            }
            this.start = start;
            return this;
        }

        /**
         * Sets how many of the most recent calls {@link FakeAws#calls()} keeps; older ones are dropped.
         * Defaults to {@value CallLog#DEFAULT_CAPACITY}.
         */
        public Builder callLogCapacity(int capacity) {
            if (capacity <= 0) {
                throw new IllegalArgumentException("callLogCapacity must be > 0, but was " + capacity);
            }
            this.callLogCapacity = capacity;
            return this;
        }

        /** Creates the world. */
        public FakeAws build() {
            return new FakeAws(this);
        }
    }
}
