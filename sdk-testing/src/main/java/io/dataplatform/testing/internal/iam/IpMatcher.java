package io.dataplatform.testing.internal.iam;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IpAddress/NotIpAddress: whether an address lies in a CIDR block (IPv4 or IPv6; no prefix = one address). */
public final class IpMatcher {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpMatcher() {
    }

    /** Returns true if {@code cidr} is an IPv4 or IPv6 address with an optional prefix length in range. */
    public static boolean isCidr(String cidr) {
        return parse(cidr) != null;
    }

    static boolean contains(String cidr, String address) {
        Block block = parse(cidr);
        byte[] bytes = literal(address);
        if (block == null || bytes == null || bytes.length != block.network().length) {
            return false;
        }
        int bits = bytes.length * 8;
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger mask = all.xor(BigInteger.ONE.shiftLeft(bits - block.prefix()).subtract(BigInteger.ONE));
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, block.network()).and(mask));
    }

    private record Block(byte[] network, int prefix) {
    }

    private static Block parse(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            return null;
        }
        int max = network.length * 8;
        if (slash < 0) {
            return new Block(network, max);
        }
        try {
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            return prefix >= 0 && prefix <= max ? new Block(network, prefix) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses an address literal only: the patterns keep InetAddress from ever resolving a host name. */
    private static byte[] literal(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !IPV6.matcher(text).matches()) {
            return null;
        }
        if (v4) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return v4 == (bytes.length == 4) ? bytes : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
