package io.dataplatform.internal;

import io.dataplatform.DataPlatform;
import io.dataplatform.athena.Athena;
import io.dataplatform.athena.internal.AthenaContext;
import io.dataplatform.athena.internal.DefaultAthena;
import io.dataplatform.cost.CostLedger;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.emr.Emr;
import io.dataplatform.emr.internal.DefaultEmr;
import io.dataplatform.emr.internal.EmrContext;
import io.dataplatform.email.EmailSender;
import io.dataplatform.email.internal.SesEmailSender;
import io.dataplatform.glue.GlueCatalog;
import io.dataplatform.glue.internal.DefaultGlueCatalog;
import io.dataplatform.http.Http;
import io.dataplatform.http.HttpTransport;
import io.dataplatform.http.internal.RetryingHttp;
import io.dataplatform.s3.Bucket;
import io.dataplatform.s3.BucketSummary;
import io.dataplatform.s3.internal.DefaultBucket;
import io.dataplatform.s3.internal.S3Context;
import io.dataplatform.tasks.Tasks;
import io.dataplatform.tasks.internal.LocalTasks;
import java.util.List;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The {@link DataPlatform} implementation: wires the service handles to the clients it was given or made. */
public final class DefaultDataPlatform implements DataPlatform {
    private final PlatformContext context;
    private final Region region;
    private final OwnedResources owned = new OwnedResources();
    private final S3Context s3;
    private final DefaultCostLedger ledger;
    // Each service's facade (and its classes) is built on first use: an S3-only platform loads none of the others.
    private final Lazy<Athena> athena;
    private final Lazy<GlueCatalog> glue;
    private final Lazy<Emr> emr;
    private final Lazy<EmailSender> email;
    private final Lazy<Http> http;
    private final Lazy<Tasks> tasks;

    /** Builds the platform from its builder; creates the clients it was not handed. */
    public DefaultDataPlatform(PlatformSettings builder) {
        this.context = new PlatformContext(builder.clock(), builder.sleeper(), builder.random(), builder.retryPolicy(),
                builder.accountId());
        ClientFactory clients = new ClientFactory(builder);
        S3Client s3Client = builder.s3Client() != null ? builder.s3Client() : owned.add(clients.s3());
        this.region = builder.region() != null ? builder.region() : s3Client.serviceClientConfiguration().region();
        Lazy<S3Presigner> presigner = builder.s3Presigner() != null
                ? Lazy.of(builder::s3Presigner) : Lazy.of(() -> owned.add(clients.presigner(region)));
        Lazy<ExecutorService> uploads = Lazy.of(() -> owned.add(Executors2.daemonPool("dataplatform-upload",
                builder.transferSettings().concurrency())));
        this.s3 = new S3Context(s3Client, presigner, context, context.invoker("S3"), region, builder.transferSettings(),
                uploads);
        Lazy<GlueClient> glueClient = builder.glueClient() != null
                ? Lazy.of(builder::glueClient) : Lazy.of(() -> owned.add(clients.glue()));
        Lazy<AthenaClient> athenaClient = builder.athenaClient() != null
                ? Lazy.of(builder::athenaClient) : Lazy.of(() -> owned.add(clients.athena()));
        this.ledger = new DefaultCostLedger(builder.clock());
        this.athena = Lazy.of(() -> new DefaultAthena(AthenaContext.create(athenaClient, glueClient, s3Client, context,
                builder.costGuard(), builder.priceList(), ledger, builder.athenaOutputLocation())));
        this.glue = Lazy.of(() -> new DefaultGlueCatalog(glueClient, context, new io.dataplatform.glue.internal.JobServices(
                () -> s3Client, context.invoker("S3"), builder.costGuard(), builder.priceList(), ledger)));
        Lazy<EmrClient> emrClient = builder.emrClient() != null
                ? Lazy.of(builder::emrClient) : Lazy.of(() -> owned.add(clients.emr()));
        this.emr = Lazy.of(() -> new DefaultEmr(new EmrContext(emrClient, s3Client, context, builder.costGuard(),
                builder.priceList(), ledger)));
        Lazy<SesV2Client> sesClient = builder.sesClient() != null
                ? Lazy.of(builder::sesClient) : Lazy.of(() -> owned.add(clients.ses()));
        HttpTransport transport = builder.httpTransport();
        this.email = Lazy.of(() -> new SesEmailSender(sesClient, context));
        this.http = Lazy.of(() -> new RetryingHttp(transport != null ? transport : HttpTransport.jdk(), context));
        this.tasks = Lazy.of(() -> new LocalTasks(this, context, http.get(), email.get()));
    }

    @Override
    public Bucket bucket(String name) {
        return new DefaultBucket(s3, name);
    }

    @Override
    public List<BucketSummary> buckets() {
        return context.invoker("S3").call("ListBuckets", "*", () -> s3.s3().listBuckets()).buckets().stream()
                .map(b -> new BucketSummary(b.name(), b.creationDate())).toList();
    }

    @Override
    public Athena athena() {
        return athena.get();
    }

    @Override
    public Emr emr() {
        return emr.get();
    }

    @Override
    public CostLedger costLedger() {
        return ledger;
    }

    @Override
    public GlueCatalog glue() {
        return glue.get();
    }

    @Override
    public Tasks tasks() {
        return tasks.get();
    }

    @Override
    public EmailSender email() {
        return email.get();
    }

    @Override
    public Http http() {
        return http.get();
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public void close() {
        owned.close();
    }

    @Override
    public String toString() {
        return "DataPlatform{region=" + region + "}";
    }
}
