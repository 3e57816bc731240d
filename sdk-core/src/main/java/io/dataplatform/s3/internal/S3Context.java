package io.dataplatform.s3.internal;

import io.dataplatform.internal.AwsInvoker;
import io.dataplatform.internal.PlatformContext;
import io.dataplatform.s3.TransferSettings;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * What every bucket handle of one platform shares.
 *
 * @param s3        the S3 client
 * @param presigner creates the presigner on first use
 * @param platform  clock, sleeper, random and retry policy
 * @param invoker   runs S3 calls with retries and error translation
 * @param region    the region buckets are created in
 * @param transfer  multipart settings
 * @param uploads   runs multipart part uploads, created on first use
 */
public record S3Context(S3Client s3, Supplier<S3Presigner> presigner, PlatformContext platform, AwsInvoker invoker,
                        Region region, TransferSettings transfer, Supplier<ExecutorService> uploads) {
}
