package io.memberhub.platform.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Addresses a call to a URL an outsider chose must never reach: this machine, the networks it sits
 * in (the database, Keycloak's admin API, other services of the cluster), the cloud's metadata
 * service, and ranges that are not one ordinary host. IPv6 forms that carry an IPv4 address inside
 * (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
public final class InternalAddresses {

    private InternalAddresses() {
    }

    /** What kind of non-public address this is ("loopback", ...), or empty for an ordinary public one. */
    public static Optional<String> kind(InetAddress address) {
        byte[] b = address.getAddress();
        return Optional.ofNullable(address instanceof Inet6Address ? ipv6(b) : ipv4(b));
    }

    private static String ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "unspecified (0.0.0.0/8)";
        }
        if (first == 127) {
            return "loopback";
        }
        if (first == 10 || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)) {
            return "private (RFC 1918)";
        }
        if (first == 169 && second == 254) {
            return "link-local (169.254.0.0/16, where cloud metadata answers)";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "shared address space (CGNAT, 100.64.0.0/10)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "reserved for protocols (192.0.0.0/24)";
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return "reserved for benchmarks (198.18.0.0/15)";
        }
        if (first >= 224 && first <= 239) {
            return "multicast";
        }
        if (first >= 240) {
            return "reserved or broadcast (240.0.0.0/4)";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        if (isZero(b, 0, 16)) {
            return "unspecified (::)";
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return "loopback";
        }
        int first = b[0] & 0xff;
        if (first == 0xff) {
            return "multicast";
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "link-local (fe80::/10)";
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "site-local (fec0::/10)";
        }
        if ((first & 0xfe) == 0xfc) {
            return "unique local (fc00::/7)";
        }
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) reach the IPv4 address.
        if (isZero(b, 0, 10) && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] == 0 && b[11] == 0))) {
            return embedded(b, 12);
        }
        // 64:ff9b::a.b.c.d, the NAT64 prefix, reaches it through the gateway.
        if (first == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12)) {
            return embedded(b, 12);
        }
        // 2002:a.b.c.d::/48 (6to4) routes to the IPv4 address.
        if (first == 0x20 && b[1] == 0x02) {
            return embedded(b, 2);
        }
        return null;
    }

    private static String embedded(byte[] b, int from) {
        try {
            InetAddress inner = Inet4Address.getByAddress(Arrays.copyOfRange(b, from, from + 4));
            String kind = ipv4(inner.getAddress());
            return kind == null ? null : kind + ", as IPv4 " + inner.getHostAddress() + " inside an IPv6 address";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
