package io.dataplatform.testing;

import io.dataplatform.testing.internal.Arguments;
import io.dataplatform.DataPlatform;
import io.dataplatform.RetryPolicy;
import io.dataplatform.Sleeper;
import io.dataplatform.http.HttpTransport;
import io.dataplatform.s3.Principal;
import io.dataplatform.testing.internal.Caller;
import io.dataplatform.testing.internal.Memo;
import io.dataplatform.testing.internal.athena.AthenaWorld;
import io.dataplatform.testing.internal.athena.FakeAthenaClient;
import io.dataplatform.testing.internal.compute.SparkJobLauncher;
import io.dataplatform.testing.internal.emr.EmrWorld;
import io.dataplatform.testing.internal.emr.FakeEmrClient;
import io.dataplatform.testing.internal.glue.FakeGlueClient;
import io.dataplatform.testing.internal.glue.GlueWorld;
import io.dataplatform.testing.internal.iam.IdentityStore;
import io.dataplatform.testing.internal.lazy.LazyAthenaClient;
import io.dataplatform.testing.internal.lazy.LazyEmrClient;
import io.dataplatform.testing.internal.lazy.LazyGlueClient;
import io.dataplatform.testing.internal.lazy.LazyS3Presigner;
import io.dataplatform.testing.internal.lazy.LazySesV2Client;
import io.dataplatform.testing.internal.s3.FakeS3Client;
import io.dataplatform.testing.internal.s3.S3World;
import io.dataplatform.testing.internal.ses.FakeSesClient;
import io.dataplatform.testing.internal.ses.SesWorld;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
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
 * both run on it unchanged. No Docker, no network, milliseconds to create: each service other than S3 is
 * built (and its classes loaded) on its first use, so an S3-only test pays for S3 alone. Every world is
 * independent of every other.
 *
 * <pre>{@code
 * FakeAws aws = FakeAws.create();
 * DataPlatform platform = aws.dataPlatform();
 * platform.bucket("acme-raw").create().put("hello.txt", "hi");
 * }</pre>
 */
public final class FakeAws implements AutoCloseable {
    /** The account id of a world created with defaults. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** The instant a world's clock starts at by default. */
    // 2024-01-01T00:00:00Z, not Instant.parse: parsing loads java.time.format and the lambda machinery into every cold create.
    public static final Instant DEFAULT_START = Instant.ofEpochSecond(1_704_067_200L);
    private static final String ROOT_PREFIX = "arn:aws:iam::";
    private static final String ROOT_SUFFIX = ":root";
    // An id, not a Region: Region's class initialisation (every region, validated) is not needed by an S3-only world.
    private final String regionId;
    private final String accountId;
    private final FakeClock clock;
    private final Faults faults;
    private final CallLog calls;
    private final CallDispatcher dispatcher;
    private final IdentityStore identities;
    private final S3World s3World;
    private final S3Client ownerS3;
    // Every other service is built on first use (see Services), so an S3-only test neither builds nor loads them.
    private volatile Services services;
    private final AtomicLong platforms = new AtomicLong();

    private FakeAws(Builder builder) {
        this.regionId = builder.regionId;
        this.accountId = builder.accountId;
        this.clock = new FakeClock(builder.start);
        this.faults = new Faults(clock);
        this.calls = new CallLog(builder.callLogCapacity);
        this.dispatcher = new CallDispatcher(clock, faults, calls);
        this.identities = new IdentityStore();
        this.s3World = new S3World(clock, accountId, regionId, identities);
        this.ownerS3 = FakeS3Client.create(s3World, dispatcher, new Caller(ownerArn(), true));
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
        return Region.of(regionId);
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
        String arn = Arguments.notNull(principal, "principal").toPolicyValue(accountId);
        // An account's root user is allowed everything by its identity; IAM users and roles start with nothing.
        return FakeS3Client.create(s3World, dispatcher, new Caller(arn, isRootUser(arn)));
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
        return services().glue.get().owner;
    }

    /**
     * Returns the world's Glue jobs, for what a test sets up beyond the Glue API: Java handlers that
     * run in place of jobs the fake cannot run (Python scripts). Runs themselves go through {@link #glue()}.
     */
    public GlueJobs glueJobs() {
        return new GlueJobs(services().glue.get().world.jobs());
    }

    /**
     * Returns an Athena client acting as the account's administrator. Queries really run, in Athena's
     * dialect on an in-process engine over this world's catalog and buckets, and report the bytes Athena would bill; states advance
     * with the world's clock (QUEUED, RUNNING, then SUCCEEDED, FAILED or CANCELLED).
     */
    public AthenaClient athena() {
        return services().athena.get().owner;
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
        return services().emr.get().owner;
    }

    /**
     * Returns an SES v2 client acting as the account's administrator. Messages are recorded in
     * {@link #sesOutbox()}, never delivered; SES's sandbox rules and quotas apply (see {@link #sesAccount()}).
     */
    public SesV2Client ses() {
        return services().ses.get().owner;
    }

    /** Returns what the fake SES sent, for assertions. */
    public SesOutbox sesOutbox() {
        return new SesOutbox(services().ses.get().world);
    }

    /** Returns the fake SES account: verified identities, sandbox or production, quotas. */
    public SesAccount sesAccount() {
        return new SesAccount(services().ses.get().world);
    }

    /**
     * Returns the world's HTTP: the responses a test registers for URLs, which every platform of this
     * world (and so every task) gets instead of the network; requests are recorded.
     */
    public FakeHttp http() {
        return services().http.get();
    }

    /** Returns a presigner that signs with this world's fake credentials. */
    public S3Presigner presigner() {
        return Presigners.create(regionId);
    }

    /** Returns a {@link DataPlatform} over this world's clients, clock and sleeper, as its administrator. */
    public DataPlatform dataPlatform() {
        return platformBuilder(ownerS3).build();
    }

    /** Returns a {@link DataPlatform} over this world whose S3 calls act as {@code principal} (see {@link #s3(Principal)}). */
    public DataPlatform dataPlatform(Principal principal) {
        return platformBuilder(s3(Arguments.notNull(principal, "principal"))).build();
    }

    /**
     * Returns a builder preset with this world's clients, clock, sleeper and account, for a test
     * that wants to change something else (say the retry policy) before building.
     */
    public DataPlatform.Builder dataPlatformBuilder() {
        return platformBuilder(ownerS3);
    }

    private DataPlatform.Builder platformBuilder(S3Client s3) {
        return DataPlatform.builder()
                .region(region())
                .accountId(accountId)
                .s3Client(s3)
                .glueClient(services().platformGlue)
                .athenaClient(services().platformAthena)
                .emrClient(services().platformEmr)
                .sesClient(services().platformSes)
                .httpTransport(services().platformHttp)
                .s3Presigner(services().platformPresigner)
                .clock(clock)
                .sleeper(sleeper())
                // Each platform of a world gets its own seed: equal seeds would mint equal client request
                // tokens, and Athena treats a repeated token as a retry of the first platform's query.
                .randomSeed(42L + platforms.getAndIncrement())
                .retryPolicy(RetryPolicy.defaults());
    }

    /**
     * Everything beyond S3, built by the first call that needs it. Not a {@link Memo}: its factory would be a
     * lambda, and the first lambda of a JVM bootstraps invokedynamic (about 10 ms) inside every cold create.
     */
    private Services services() {
        Services built = services;
        if (built == null) {
            synchronized (this) {
                built = services;
                if (built == null) {
                    built = new Services(this);
                    services = built;
                }
            }
        }
        return built;
    }

    private static boolean isRootUser(String arn) {
        return arn.startsWith(ROOT_PREFIX) && arn.endsWith(ROOT_SUFFIX)
                && isAccountId(arn.substring(ROOT_PREFIX.length(), arn.length() - ROOT_SUFFIX.length()));
    }

    private static boolean isAccountId(String id) {
        if (id.length() != 12) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private String ownerArn() {
        return "arn:aws:iam::" + accountId + ":root";
    }

    /** Releases the fake Athena's engine if a query started it; the rest of the world lives in memory. */
    @Override
    public void close() {
        Services built = services;
        if (built != null) {
            built.athena.ifBuilt(AthenaParts::close);
            built.presigner.ifBuilt(S3Presigner::close);
        }
    }

    /**
     * The services other than S3: each built on its first use, and the platforms' clients (generated,
     * internal.lazy) build theirs on their first call. Each service's parts are a nested class: a lambda
     * naming GlueWorld would load it when the lambda is created, a nested class only when first built.
     */
    private static final class Services {
        final Memo<GlueParts> glue;
        final Memo<AthenaParts> athena;
        final Memo<EmrParts> emr;
        final Memo<SesParts> ses;
        final Memo<FakeHttp> http;
        final GlueClient platformGlue;
        final AthenaClient platformAthena;
        final EmrClient platformEmr;
        final SesV2Client platformSes;
        final HttpTransport platformHttp;
        /** The presigner every platform of this world shares, built by the first presign. */
        final Memo<S3Presigner> presigner;
        final S3Presigner platformPresigner;

        Services(FakeAws aws) {
            this.glue = Memo.of(() -> new GlueParts(aws));
            this.athena = Memo.of(() -> new AthenaParts(aws));
            this.emr = Memo.of(() -> new EmrParts(aws));
            this.ses = Memo.of(() -> new SesParts(aws));
            this.http = Memo.of(() -> new FakeHttp(aws.clock));
            this.platformGlue = new LazyGlueClient(() -> glue.get().owner);
            this.platformAthena = new LazyAthenaClient(() -> athena.get().owner);
            this.platformEmr = new LazyEmrClient(() -> emr.get().owner);
            this.platformSes = new LazySesV2Client(() -> ses.get().owner);
            this.platformHttp = (request, timeout) -> http.get().exchange(request, timeout);
            this.presigner = Memo.of(aws::presigner);
            this.platformPresigner = new LazyS3Presigner(presigner);
        }
    }

    /** The Glue catalog, crawlers and jobs, built on first use. */
    private static final class GlueParts {
        final GlueWorld world;
        final GlueClient owner;

        GlueParts(FakeAws aws) {
            // Crawlers read the world's buckets through an S3 client acting as their role.
            this.world = new GlueWorld(aws.clock, aws.accountId,
                    caller -> FakeS3Client.create(aws.s3World, aws.dispatcher, caller));
            this.owner = FakeGlueClient.create(world, aws.dispatcher, new Caller(aws.ownerArn(), true));
            // A JobTask deployed as a Glue job runs against this world as the account, as it would on Glue.
            this.world.jobs().taskPlatforms(aws::dataPlatform);
        }
    }

    /** Athena, built on first use (its engine starts only with the first query). */
    private static final class AthenaParts {
        final AthenaWorld world;
        final AthenaClient owner;

        AthenaParts(FakeAws aws) {
            // Athena reads the catalog and the buckets, and writes its result files, as the account: internal calls,
            // recorded with their origin and spared the user's faults unless the test includes internal calls.
            Caller service = new Caller(aws.ownerArn(), true).internal("athena query");
            this.world = new AthenaWorld(aws.clock, FakeGlueClient.create(aws.services().glue.get().world, aws.dispatcher, service),
                    FakeS3Client.create(aws.s3World, aws.dispatcher, service),
                    "aws-athena-query-results-" + aws.accountId + "-" + aws.regionId, aws.accountId);
            this.owner = FakeAthenaClient.create(world, aws.dispatcher, new Caller(aws.ownerArn(), true));
        }

        void close() {
            world.close();
        }
    }

    /** EMR, built on first use. */
    private static final class EmrParts {
        final EmrClient owner;

        EmrParts(FakeAws aws) {
            // Clusters read job jars and run jobs over the buckets as the account: internal calls (see AthenaParts).
            EmrWorld world = new EmrWorld(aws.clock, aws.accountId, aws.regionId, FakeS3Client.create(aws.s3World,
                    aws.dispatcher, new Caller(aws.ownerArn(), true).internal("emr cluster")), SparkJobLauncher::local);
            this.owner = FakeEmrClient.create(world, aws.dispatcher, new Caller(aws.ownerArn(), true));
        }
    }

    /** SES, built on first use. */
    private static final class SesParts {
        final SesWorld world;
        final SesV2Client owner;

        SesParts(FakeAws aws) {
            this.world = new SesWorld(aws.clock, aws.regionId);
            this.owner = FakeSesClient.create(world, aws.dispatcher, new Caller(aws.ownerArn(), true));
        }
    }

    /**
     * Builds presigners. A class of its own so that creating a world never loads the SDK's credential
     * classes: the JVM's verifier loads the types a method assigns, for every method of the class it links.
     */
    private static final class Presigners {
        static S3Presigner create(String regionId) {
            return S3Presigner.builder()
                    .region(Region.of(regionId))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIAFAKEAWS000000000", "fake-secret-key-of-fakeaws")))
                    .endpointOverride(URI.create("https://s3." + regionId + ".amazonaws.com"))
                    .build();
        }
    }

    /** Builds a {@link FakeAws} world. */
    public static final class Builder {
        private String regionId = "us-east-1";
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
            this.regionId = region.id();
            return this;
        }

        /** Sets the world's 12-digit account id. */
        public Builder accountId(String accountId) {
            if (accountId == null || !isAccountId(accountId)) {
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
