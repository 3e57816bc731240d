package io.dataplatform.glue.internal;

import io.dataplatform.cost.CostGuard;
import io.dataplatform.cost.PriceList;
import io.dataplatform.cost.internal.DefaultCostLedger;
import io.dataplatform.internal.AwsInvoker;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What Glue jobs need beyond the Glue client: S3 to upload a job's code, and the cost guard, prices
 * and ledger every run passes through.
 *
 * @param s3         the platform's S3 client
 * @param s3Invoker  the invoker for S3 calls
 * @param guard      the platform's cost guard
 * @param prices     the platform's prices
 * @param ledger     the platform's ledger
 */
public record JobServices(Supplier<S3Client> s3, AwsInvoker s3Invoker, CostGuard guard, PriceList prices,
                          DefaultCostLedger ledger) {
}
