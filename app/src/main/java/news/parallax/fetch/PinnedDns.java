package news.parallax.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * The answer {@link AddressGuard} checked for one hop, handed to the HTTP client as its only DNS: the
 * client connects to these addresses and can resolve nothing else. A record, so that the client's
 * connection pool (which keys connections by their DNS among other things) reuses a connection only
 * for the very same checked answer.
 */
record PinnedDns(String host, List<InetAddress> addresses) implements Dns {
    PinnedDns {
        host = host.toLowerCase(Locale.ROOT);
        addresses = List.copyOf(addresses);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (!hostname.equalsIgnoreCase(host)) {
            throw new UnknownHostException(hostname + ": not the host checked for this request (" + host + ")");
        }
        return addresses;
    }
}
