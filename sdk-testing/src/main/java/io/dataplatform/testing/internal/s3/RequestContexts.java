package io.dataplatform.testing.internal.s3;

import io.dataplatform.testing.RequestOrigin;
import io.dataplatform.testing.internal.iam.RequestContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The condition keys every S3 request carries ("AWS global condition context keys"); the
 * operation adds its own (s3:prefix, s3:x-amz-acl, ...) through {@link RequestKeys}.
 */
final class RequestContexts {
    private RequestContexts() {
    }

    static RequestContext of(S3World world, String callerArn, CallerKind kind, String resourceAccount,
                             Map<String, List<String>> requestKeys) {
        RequestContext.Builder context = RequestContext.builder();
        RequestOrigin origin = world.identities().origin(callerArn);
        context.put("aws:SecureTransport", String.valueOf(origin.secureTransport()));
        if (origin.vpcEndpointId() != null) {
            // Through a VPC endpoint the public aws:SourceIp is absent; the private address is aws:VpcSourceIp.
            context.put("aws:SourceVpce", origin.vpcEndpointId());
            context.put("aws:SourceVpc", origin.vpcId());
            context.put("aws:VpcSourceIp", origin.sourceIp());
        } else {
            context.put("aws:SourceIp", origin.sourceIp());
        }
        Instant now = world.clockInstant().truncatedTo(ChronoUnit.SECONDS);
        context.put("aws:CurrentTime", now.toString());
        context.put("aws:EpochTime", String.valueOf(now.getEpochSecond()));
        context.put("aws:RequestedRegion", world.regionId());
        context.put("aws:ResourceAccount", resourceAccount);
        context.put("s3:ResourceAccount", resourceAccount);
        if (kind != CallerKind.ANONYMOUS) {
            // The SDK signs every request with SigV4 in the Authorization header.
            context.put("s3:signatureversion", "AWS4-HMAC-SHA256");
            context.put("s3:authType", "REST-HEADER");
        }
        kind.putKeys(callerArn, context);
        requestKeys.forEach(context::putAll);
        return context.build();
    }
}
