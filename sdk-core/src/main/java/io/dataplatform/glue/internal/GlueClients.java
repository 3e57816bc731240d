package io.dataplatform.glue.internal;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;

/** Creates the Glue client a platform owns when none was handed in. */
public final class GlueClients {
    private GlueClients() {
    }

    /**
     * Creates a client; AWS-SDK-level retries are off because the platform's invoker retries.
     * Null arguments fall back to the AWS SDK's default chains.
     */
    public static GlueClient create(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        GlueClientBuilder builder = GlueClient.builder()
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (region != null) {
            builder.region(region);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
