package io.dataplatform.emr.internal;

import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.DataSize;
import io.dataplatform.cost.Money;
import io.dataplatform.cost.PriceList;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.emr.ClusterStatus;
import io.dataplatform.internal.AwsInvoker;
import io.dataplatform.internal.Lazy;
import io.dataplatform.internal.PlatformContext;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What every EMR handle of one platform shares: the clients, the invokers, the cost guard, prices and
 * ledger, and the ledger entries of the clusters this platform created that are not settled yet.
 */
public final class EmrContext {
    private final Lazy<EmrClient> emr;
    private final S3Client s3;
    private final PlatformContext platform;
    private final AwsInvoker invoker;
    private final AwsInvoker s3Invoker;
    private final CostGuard guard;
    private final PriceList prices;
    private final DefaultCostLedger ledger;
    private final Map<String, OpenCluster> open = new HashMap<>();

    /** A cluster of this platform whose cost is not in the ledger yet. */
    private record OpenCluster(DefaultCostLedger.Slot slot, Money hourly) {
    }

    /** Creates the context. */
    public EmrContext(Lazy<EmrClient> emr, S3Client s3, PlatformContext platform, CostGuard guard, PriceList prices,
                      DefaultCostLedger ledger) {
        this.emr = emr;
        this.s3 = s3;
        this.platform = platform;
        this.invoker = platform.invoker("EMR");
        this.s3Invoker = platform.invoker("S3");
        this.guard = guard;
        this.prices = prices;
        this.ledger = ledger;
    }

    EmrClient emr() {
        return emr.get();
    }

    S3Client s3() {
        return s3;
    }

    PlatformContext platform() {
        return platform;
    }

    AwsInvoker invoker() {
        return invoker;
    }

    AwsInvoker s3Invoker() {
        return s3Invoker;
    }

    CostGuard guard() {
        return guard;
    }

    PriceList prices() {
        return prices;
    }

    DefaultCostLedger ledger() {
        return ledger;
    }

    /** Remembers the ledger slot of a cluster this platform created. */
    synchronized void opened(String clusterId, DefaultCostLedger.Slot slot, Money hourly) {
        open.put(clusterId, new OpenCluster(slot, hourly));
    }

    /**
     * Settles the cluster's ledger entry once a status shows it shut down: its instances' hourly price for
     * the time from creation to its end, per second with EMR's one-minute minimum.
     */
    void observe(ClusterStatus status) {
        if (!status.state().isTerminal() || status.endedAt() == null) {
            return;
        }
        OpenCluster cluster;
        synchronized (this) {
            cluster = open.remove(status.id());
        }
        if (cluster != null) {
            cluster.slot().settle(DataSize.ZERO, prices.emr().run(cluster.hourly(), status.runtime(status.endedAt())));
        }
    }
}
