package io.memberhub.platform.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a URL chosen by a merchant or a plugin may lead: an absolute http(s) URL whose host is an
 * ordinary name or a plainly written address, and whose addresses are all public. The address that
 * was judged is the one connected to ({@link Destination#address()}, see {@link PinnedHttp}), so a
 * name that resolves to a public address when checked and to an internal one a moment later (DNS
 * rebinding) cannot slip through. Hosts the operator names ({@code allowedHosts}, written exactly
 * as in the URL) may be internal: a receiver inside the operator's own network, or a test's.
 */
public final class Destinations {

    /** A URL checked for connecting, with the one address to connect to. */
    public record Destination(URI uri, String host, int port, boolean https, InetAddress address) {

        /** Path and query as the request line carries them. */
        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    /** Why a URL may not be called; the message is written for whoever chose the URL. */
    public static final class Refused extends Exception {
        private final boolean internalAddress;

        Refused(String message, boolean internalAddress) {
            super(message, null, false, false);
            this.internalAddress = internalAddress;
        }

        Refused(String message) {
            this(message, false);
        }

        /** Refused for where it leads, not for how it is written. */
        public boolean internalAddress() {
            return internalAddress;
        }
    }

    /** Every label digits or 0x-hex: the host is an address, written one way or another. */
    private static final Pattern NUMERIC = Pattern.compile("(?:0x[0-9a-f]*|[0-9]+)(?:\\.(?:0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.?");

    private final Set<String> allowedHosts;
    private final boolean anyAddress;

    private Destinations(Set<String> allowedHosts, boolean anyAddress) {
        this.allowedHosts = allowedHosts;
        this.anyAddress = anyAddress;
    }

    /** Internal addresses refused except for these hosts (compared with the URL's host, ignoring case). */
    public static Destinations allowing(Collection<String> allowedHosts) {
        return new Destinations(allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty())
                .map(Destinations::normalised).collect(Collectors.toUnmodifiableSet()), false);
    }

    /** No address refused (for tests' stand-ins of outside services); URLs must still be plainly written. */
    public static Destinations anyAddress() {
        return new Destinations(Set.of(), true);
    }

    /**
     * The URL parsed, if it is absolute http(s) with a host written plainly: numeric hosts in other
     * forms than dotted decimal ({@code 127.1}, {@code 0x7f000001}, {@code 2130706433}, octal) are
     * refused, as resolvers disagree on what they mean. A literal address is judged at once.
     */
    public URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new Refused("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
            throw new Refused("must be an absolute http(s) URL");
        }
        String host = hostOf(uri);
        if (host.isEmpty()) {
            throw new Refused("must be an absolute http(s) URL");
        }
        if (!host.contains(":")) {
            if (NUMERIC.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
                throw new Refused("names the host " + host + ", a numeric address in an unusual form; write an address as four "
                        + "decimal numbers (such as 203.0.113.7) or use a host name");
            }
            if (!HOST_NAME.matcher(host).matches()) {
                throw new Refused("names the host " + host + ", which is not a valid host name");
            }
        }
        if (isLiteral(host)) {
            judge(host, literal(host));
        }
        return uri;
    }

    /**
     * Resolves the URL's host and answers the address to connect to, if every address the host has
     * is public (or the host is allowed to be internal).
     *
     * @throws UnknownHostException when the host has no address now
     */
    public Destination resolve(URI uri) throws Refused, UnknownHostException {
        String host = hostOf(uri);
        InetAddress[] addresses = isLiteral(host) ? new InetAddress[] {literal(host)} : InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            judge(host, address);
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        return new Destination(uri, host, port, https, addresses[0]);
    }

    /** {@link #parse} then {@link #resolve}. */
    public Destination check(String url) throws Refused, UnknownHostException {
        return resolve(parse(url));
    }

    private void judge(String host, InetAddress address) throws Refused {
        Optional<String> kind = InternalAddresses.kind(address);
        if (kind.isPresent() && !anyAddress && !allowedHosts.contains(normalised(host))) {
            throw new Refused("names the host " + host + ", which is " + (isLiteral(host) ? "" : "at " + address.getHostAddress() + ", ")
                    + "a " + kind.get() + " address inside the platform's network; use a public address", true);
        }
    }

    /** The host as written, without IPv6 brackets, in lower case; from the raw authority when Java's parser gave up on it. */
    private static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            String authority = uri.getRawAuthority();
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
        }
        return normalised(host);
    }

    private static String normalised(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || DOTTED_QUAD.matcher(host).matches();
    }

    private static InetAddress literal(String host) throws Refused {
        try {
            // A literal: no name service is asked.
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("names the host " + host + ", which is not a valid address");
        }
    }
}
