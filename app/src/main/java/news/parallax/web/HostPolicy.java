package news.parallax.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which {@code Host} names the server answers: the configured public name, localhost and the bound address (every
 * local address when bound to all interfaces). Any other name is answered 421, so a page on another site cannot
 * reach the UI through DNS rebinding (its requests carry the attacker's host name). Immutable, thread-safe.
 */
final class HostPolicy {
    private final Set<String> allowed;

    HostPolicy(String bindHost, @Nullable String publicHost) {
        Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "::1"));
        if (publicHost != null && !publicHost.isBlank()) names.add(normalise(publicHost));
        String bound = normalise(bindHost);
        if (bound.equals("0.0.0.0") || bound.equals("::")) {
            names.addAll(localAddresses());
        } else {
            names.add(bound);
        }
        this.allowed = Set.copyOf(names);
    }

    /** True when the {@code Host} header's name (port ignored) is one this server answers. */
    boolean allows(@Nullable String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) return false;
        return allowed.contains(normalise(hostOf(hostHeader)));
    }

    /** The name part of a Host header or an origin's authority: without port, brackets kept off IPv6. */
    static String hostOf(String authority) {
        String a = authority.strip();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : a;
        }
        int colon = a.indexOf(':');
        return colon >= 0 && a.indexOf(':', colon + 1) < 0 ? a.substring(0, colon) : a;
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.equals("0:0:0:0:0:0:0:1")) return "::1";
        return h;
    }

    private static Set<String> localAddresses() {
        Set<String> out = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String s = a.getHostAddress();
                    int zone = s.indexOf('%');
                    out.add(normalise(zone >= 0 ? s.substring(0, zone) : s));
                }
            }
        } catch (SocketException e) {
            // No interface list: only localhost and the public name are answered.
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(", ", allowed.stream().sorted().toList());
    }
}
