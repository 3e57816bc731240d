package io.dataplatform.athena.internal;

import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.PriceList;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.internal.AwsInvoker;
import io.dataplatform.internal.PlatformContext;
import io.dataplatform.s3.S3Location;
import java.util.function.Supplier;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What every Athena handle of one platform shares.
 *
 * @param athena        the Athena client, created on first use
 * @param glue          the Glue client (table and partition locations for estimates), created on first use
 * @param s3            the S3 client (object sizes for estimates)
 * @param platform      clock, sleeper, random and retry policy
 * @param guard         the cost guard
 * @param prices        the price list
 * @param ledger        the cost ledger
 * @param outputLocation where results go when a query names no location, or null for the workgroup's
 * @param athenaInvoker runs Athena calls
 * @param glueInvoker   runs Glue calls
 * @param s3Invoker     runs S3 calls
 */
public record AthenaContext(Supplier<AthenaClient> athena, Supplier<GlueClient> glue, S3Client s3,
                            PlatformContext platform, CostGuard guard, PriceList prices, DefaultCostLedger ledger,
                            S3Location outputLocation, AwsInvoker athenaInvoker, AwsInvoker glueInvoker, AwsInvoker s3Invoker) {

    /** Creates the context with one invoker per service. */
    public static AthenaContext create(Supplier<AthenaClient> athena, Supplier<GlueClient> glue, S3Client s3,
                                       PlatformContext platform, CostGuard guard, PriceList prices,
                                       DefaultCostLedger ledger, S3Location outputLocation) {
        return new AthenaContext(athena, glue, s3, platform, guard, prices, ledger, outputLocation, platform.invoker("Athena"),
                platform.invoker("Glue"), platform.invoker("S3"));
    }
}
