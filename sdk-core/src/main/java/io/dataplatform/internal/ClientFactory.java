package io.dataplatform.internal;

import io.dataplatform.DataPlatform;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Creates the AWS clients a platform was not handed. Their own retries are switched off: the
 * platform retries with its policy, and two layers of retries would multiply the attempts.
 */
final class ClientFactory {
    private final PlatformSettings builder;

    ClientFactory(PlatformSettings builder) {
        this.builder = builder;
    }

    S3Client s3() {
        return configure(S3Client.builder()).build();
    }

    GlueClient glue() {
        return configure(GlueClient.builder()).build();
    }

    AthenaClient athena() {
        return configure(AthenaClient.builder()).build();
    }

    EmrClient emr() {
        return configure(EmrClient.builder()).build();
    }

    SesV2Client ses() {
        return configure(SesV2Client.builder()).build();
    }

    S3Presigner presigner(Region region) {
        S3Presigner.Builder presigner = S3Presigner.builder().region(region);
        if (builder.credentialsProvider() != null) {
            presigner.credentialsProvider(builder.credentialsProvider());
        }
        if (builder.endpointOverride() != null) {
            presigner.endpointOverride(builder.endpointOverride());
        }
        return presigner.build();
    }

    /** Applies region, credentials, endpoint and the no-retry strategy to any AWS client builder. */
    <B extends AwsClientBuilder<B, C>, C> B configure(B client) {
        if (builder.region() != null) {
            client.region(builder.region());
        }
        if (builder.credentialsProvider() != null) {
            client.credentialsProvider(builder.credentialsProvider());
        }
        if (builder.endpointOverride() != null) {
            client.endpointOverride(builder.endpointOverride());
        }
        client.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        return client;
    }
}
