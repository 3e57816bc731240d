package io.dataplatform.testing;

import io.dataplatform.testing.internal.iam.IpMatcher;

/**
 * Where a principal's requests to a {@link FakeAws} world come from, which decides the request's
 * network condition keys: {@code aws:SourceIp} from the internet; {@code aws:SourceVpce},
 * {@code aws:SourceVpc} and {@code aws:VpcSourceIp} (and no {@code aws:SourceIp}) through a VPC
 * endpoint; {@code aws:SecureTransport} false only over plain HTTP.
 *
 * <pre>{@code
 * aws.iam().requestsFrom(Principal.role("etl"), RequestOrigin.vpcEndpoint("vpce-1a2b3c4d", "vpc-111bbb22", "10.0.1.7"));
 * aws.iam().requestsFrom(Principal.role("laptop"), RequestOrigin.ip("203.0.113.9").withoutTls());
 * }</pre>
 *
 * @param sourceIp        the caller's IP address (public, or private inside the VPC)
 * @param vpcEndpointId   the VPC endpoint the request passes through, or null
 * @param vpcId           the VPC of that endpoint, or null
 * @param secureTransport false if the request is sent over plain HTTP
 */
public record RequestOrigin(String sourceIp, String vpcEndpointId, String vpcId, boolean secureTransport) {
    /** The address of callers with no origin set: 192.0.2.10, from a range reserved for documentation (RFC 5737). */
    public static final String DEFAULT_SOURCE_IP = "192.0.2.10";

    /** Validates the address and that an endpoint comes with its VPC. */
    public RequestOrigin {
        if (sourceIp == null || sourceIp.contains("/") || !IpMatcher.isCidr(sourceIp)) {
            throw new IllegalArgumentException("Invalid source IP '" + sourceIp + "': must be an IPv4 or IPv6 address");
        }
        if ((vpcEndpointId == null) != (vpcId == null)) {
            throw new IllegalArgumentException("vpcEndpointId and vpcId must be set together, but were '"
                    + vpcEndpointId + "' and '" + vpcId + "'");
        }
        if (vpcEndpointId != null && !vpcEndpointId.startsWith("vpce-")) {
            throw new IllegalArgumentException("Invalid VPC endpoint id '" + vpcEndpointId + "': must start with 'vpce-'");
        }
    }

    /** Returns the default origin: {@value #DEFAULT_SOURCE_IP} over the internet, with TLS. */
    public static RequestOrigin internet() {
        return ip(DEFAULT_SOURCE_IP);
    }

    /** Returns an origin on the internet at {@code sourceIp}, with TLS. */
    public static RequestOrigin ip(String sourceIp) {
        return new RequestOrigin(sourceIp, null, null, true);
    }

    /** Returns an origin inside VPC {@code vpcId} at {@code privateIp}, through the S3 endpoint {@code vpcEndpointId}. */
    public static RequestOrigin vpcEndpoint(String vpcEndpointId, String vpcId, String privateIp) {
        return new RequestOrigin(privateIp, vpcEndpointId, vpcId, true);
    }

    /** Returns a copy of this origin whose requests use plain HTTP ({@code aws:SecureTransport} false). */
    public RequestOrigin withoutTls() {
        return new RequestOrigin(sourceIp, vpcEndpointId, vpcId, false);
    }
}
