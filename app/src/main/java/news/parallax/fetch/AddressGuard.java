package news.parallax.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Refuses URLs whose host resolves to the user's own machine or network, so that a feed or a
 * redirect cannot make the crawler probe it (server-side request forgery).
 *
 * <p>Every address the name resolves to must be public; one private answer refuses the URL. The
 * check runs before each hop and returns the addresses it checked: the fetcher connects to those and
 * resolves nothing again (pinned resolution), so a DNS answer that changes between check and connect
 * (rebinding) cannot move a checked host onto a private address (issue 19).
 * Thread-safe.
 */
final class AddressGuard {
    /** IPv4 dotted quads and bracketed IPv6: literal addresses are parsed, never looked up. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[.*]");

    private final boolean allowPrivate;
    private final HostResolver resolver;
    private final Predicate<InetAddress> isPublic;

    AddressGuard(boolean allowPrivate) {
        this(allowPrivate, HostResolver.SYSTEM, AddressGuard::isPublic);
    }

    /** @param isPublic which addresses count as public; tests pass a rule that lets one loopback address stand in */
    AddressGuard(boolean allowPrivate, HostResolver resolver, Predicate<InetAddress> isPublic) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        this.isPublic = isPublic;
    }

    /**
     * Resolves the URL's host once and returns the addresses to connect to, all of them checked.
     * Throws when the scheme is not http(s) or, unless private addresses are allowed, any answer is not public.
     */
    List<InetAddress> check(URI uri) throws BlockedAddressException, UnknownHostException {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")))
            throw new BlockedAddressException(uri.toString(), "only http and https URLs are fetched");
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw new BlockedAddressException(uri.toString(), "URL has no host");
        List<InetAddress> addresses = LITERAL.matcher(host).matches() ? List.of(InetAddress.getAllByName(host))
                : List.copyOf(resolver.resolve(host));
        if (addresses.isEmpty()) throw new UnknownHostException(host);
        if (allowPrivate) return addresses;
        for (InetAddress address : addresses) {
            if (!isPublic.test(address))
                throw new BlockedAddressException(uri.toString(), "host " + host + " resolves to non-public address "
                        + address.getHostAddress() + " (use --allow-private to permit)");
        }
        return addresses;
    }

    /** True for addresses on the public internet; false for loopback, private, link-local, CGNAT and the like. */
    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) return false;
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return isPublicV4(b);
        if (a instanceof Inet6Address) {
            // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96) carry an IPv4 address that must be checked too.
            if (isPrefix(b, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff})
                    || isPrefix(b, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}))
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) return false; // fc00::/7 unique local, includes fd00:ec2::254 (AWS metadata)
            if (first == 0) return false; // ::/8 reserved, includes ::1 and IPv4-compatible forms
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int o1 = b[0] & 0xff, o2 = b[1] & 0xff, o3 = b[2] & 0xff;
        if (o1 == 0 || o1 == 10 || o1 == 127) return false;
        if (o1 == 100 && (o2 & 0xc0) == 64) return false; // 100.64/10 carrier-grade NAT (Alibaba metadata 100.100.100.200)
        if (o1 == 169 && o2 == 254) return false; // link-local, cloud metadata 169.254.169.254
        if (o1 == 172 && (o2 & 0xf0) == 16) return false;
        if (o1 == 192 && o2 == 168) return false;
        if (o1 == 192 && o2 == 0 && o3 == 0) return false; // IETF protocol assignments
        if (o1 == 198 && (o2 & 0xfe) == 18) return false; // benchmarking 198.18/15
        return o1 < 224; // multicast and reserved 224/3, broadcast
    }

    private static boolean isPrefix(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }
}
