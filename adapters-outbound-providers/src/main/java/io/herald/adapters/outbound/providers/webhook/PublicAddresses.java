package io.herald.adapters.outbound.providers.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where fetch-data may call (DESIGN §11): http(s) to hosts whose every address is public, unless the host is
 * allowed by name. Refused: loopback, unspecified, link-local (169.254.0.0/16 and its cloud metadata service),
 * private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), IPv6 unique-local (fc00::/7), multicast and
 * broadcast. IPv4-mapped IPv6 addresses are judged as the IPv4 address they map.
 */
final class PublicAddresses {

    private final Set<String> allowedHosts;

    PublicAddresses(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Why {@code url} may not be called, resolving its host now; empty when it may. */
    Optional<String> refusal(URI url) {
        Optional<String> basic = scheme(url);
        if (basic.isPresent() || isAllowed(url.getHost())) {
            return basic;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                Optional<String> kind = internalKind(address);
                if (kind.isPresent()) {
                    return Optional.of(refused(url.getHost(), address.getHostAddress(), kind.get()));
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host " + url.getHost() + " does not resolve");
        }
    }

    /** What is known without resolving: the scheme, and a host written as an internal address or {@code localhost}. */
    Optional<String> staticRefusal(URI url) {
        Optional<String> basic = scheme(url);
        if (basic.isPresent() || isAllowed(url.getHost())) {
            return basic;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return Optional.of(refused(url.getHost(), "loopback", "a loopback address"));
        }
        if (isLiteralAddress(host)) {
            try {
                InetAddress address = InetAddress.getByName(host);
                return internalKind(address).map(kind -> refused(url.getHost(), address.getHostAddress(), kind));
            } catch (UnknownHostException notALiteral) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> scheme(URI url) {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            return Optional.of("only http:// and https:// URLs can be called");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("the URL names no host");
        }
        return Optional.empty();
    }

    private boolean isAllowed(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static String refused(String host, String address, String kind) {
        return "refused to call " + host + ": it is " + (host.equals(address) ? "" : address + ", ") + kind
                + "; list the host in herald.automations.fetch-data.allowed-hosts to allow it";
    }

    /** Digits, dots, colons and hex: something InetAddress reads as an address, not a name to look up. */
    private static boolean isLiteralAddress(String host) {
        return host.matches("[0-9.]+") || host.matches("0x[0-9a-f.x]+") || host.startsWith("[") || host.contains(":");
    }

    static Optional<String> internalKind(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            if (isMappedIpv4(bytes)) {
                try {
                    return internalKind(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return Optional.of("an address that cannot be read");
                }
            }
            if ((bytes[0] & 0xfe) == 0xfc) {
                return Optional.of("a private (unique local) address");
            }
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (the cloud metadata service lives there)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("an unspecified address");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("a private (carrier-grade NAT) address");
            }
            if (first == 255) {
                return Optional.of("a broadcast address");
            }
        }
        return Optional.empty();
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
