package io.dataplatform.internal;

import io.dataplatform.DataPlatform;
import io.dataplatform.RetryPolicy;
import io.dataplatform.Sleeper;
import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.PriceList;
import io.dataplatform.http.HttpTransport;
import io.dataplatform.s3.S3Location;
import io.dataplatform.s3.TransferSettings;
import java.net.URI;
import java.time.Clock;
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
 * The one implementation of {@link DataPlatform.Builder}: what a platform is configured with, read by
 * {@link DefaultDataPlatform} and {@link ClientFactory}. Its getters are internal, not public API.
 */
public final class PlatformSettings implements DataPlatform.Builder {
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

    @Override
    public DataPlatform.Builder region(Region region) {
        this.region = Checks.notNull(region, "region");
        return this;
    }

    @Override
    public DataPlatform.Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
        this.credentialsProvider = Checks.notNull(credentialsProvider, "credentialsProvider");
        return this;
    }

    @Override
    public DataPlatform.Builder endpointOverride(URI endpointOverride) {
        Checks.notNull(endpointOverride, "endpointOverride");
        Checks.require(endpointOverride.getScheme() != null, "endpointOverride must be an absolute URI, but was '%s'",
                endpointOverride);
        this.endpointOverride = endpointOverride;
        return this;
    }

    @Override
    public DataPlatform.Builder accountId(String accountId) {
        Checks.notNull(accountId, "accountId");
        Checks.require(isTwelveDigits(accountId), "Invalid accountId '%s': must be 12 digits", accountId);
        this.accountId = accountId;
        return this;
    }

    @Override
    public DataPlatform.Builder s3Client(S3Client s3Client) {
        this.s3Client = Checks.notNull(s3Client, "s3Client");
        return this;
    }

    @Override
    public DataPlatform.Builder s3Presigner(S3Presigner s3Presigner) {
        this.s3Presigner = Checks.notNull(s3Presigner, "s3Presigner");
        return this;
    }

    @Override
    public DataPlatform.Builder glueClient(GlueClient glueClient) {
        this.glueClient = Checks.notNull(glueClient, "glueClient");
        return this;
    }

    @Override
    public DataPlatform.Builder athenaClient(AthenaClient athenaClient) {
        this.athenaClient = Checks.notNull(athenaClient, "athenaClient");
        return this;
    }

    @Override
    public DataPlatform.Builder emrClient(EmrClient emrClient) {
        this.emrClient = Checks.notNull(emrClient, "emrClient");
        return this;
    }

    @Override
    public DataPlatform.Builder sesClient(SesV2Client sesClient) {
        this.sesClient = Checks.notNull(sesClient, "sesClient");
        return this;
    }

    @Override
    public DataPlatform.Builder httpTransport(HttpTransport httpTransport) {
        this.httpTransport = Checks.notNull(httpTransport, "httpTransport");
        return this;
    }

    @Override
    public DataPlatform.Builder costGuard(CostGuard costGuard) {
        this.costGuard = Checks.notNull(costGuard, "costGuard");
        return this;
    }

    @Override
    public DataPlatform.Builder athenaOutputLocation(S3Location location) {
        this.athenaOutputLocation = Checks.notNull(location, "athenaOutputLocation");
        return this;
    }

    @Override
    public DataPlatform.Builder priceList(PriceList priceList) {
        this.priceList = Checks.notNull(priceList, "priceList");
        return this;
    }

    @Override
    public DataPlatform.Builder clock(Clock clock) {
        this.clock = Checks.notNull(clock, "clock");
        return this;
    }

    @Override
    public DataPlatform.Builder sleeper(Sleeper sleeper) {
        this.sleeper = Checks.notNull(sleeper, "sleeper");
        return this;
    }

    @Override
    public DataPlatform.Builder randomSeed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    @Override
    public DataPlatform.Builder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Checks.notNull(retryPolicy, "retryPolicy");
        return this;
    }

    @Override
    public DataPlatform.Builder transferSettings(TransferSettings transferSettings) {
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

    @Override
    public DataPlatform build() {
        return new DefaultDataPlatform(this);
    }

    /** Every platform checks its account: a regex would be compiled per platform. */
    private static boolean isTwelveDigits(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
