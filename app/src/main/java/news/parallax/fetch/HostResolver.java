package news.parallax.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to its addresses. The fetcher asks once per hop, checks every answer, and
 * connects only to those answers (see {@link AddressGuard}); a second lookup that could answer
 * differently (DNS rebinding) never happens. Must be thread-safe.
 */
@FunctionalInterface
interface HostResolver {
    /** The system resolver (the JVM's DNS cache included). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Never empty; throws when the name does not resolve. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
