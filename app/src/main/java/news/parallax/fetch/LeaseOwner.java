package news.parallax.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who holds a lease on a source or link: a crawler instance, named by host, process id, process start time
 * and an instance number within the process ({@code host/pid/startMillis/n}).
 *
 * <p>The process part lets a crawler restarted on the same host take back at once the leases of a crawler
 * that died there (kill -9, a crash): its process is gone, or the pid now names a process started at another
 * time. Leases of a crawler on another host return only when they expire.
 */
public record LeaseOwner(String host, long pid, long startMillis, int instance) {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    public LeaseOwner {
        if (host.isBlank() || host.contains("/")) throw new IllegalArgumentException("lease owner host must be a plain name: " + host);
    }

    /** A new owner for a crawler in this process. */
    public static LeaseOwner forThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new LeaseOwner(HostName.VALUE, self.pid(), startMillis(self).orElse(0L), INSTANCES.incrementAndGet());
    }

    /** The owner written as {@link #toString()}; empty for a value this class did not write. */
    public static Optional<LeaseOwner> parse(String value) {
        String[] parts = value.split("/");
        if (parts.length != 4) return Optional.empty();
        try {
            return Optional.of(new LeaseOwner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), Integer.parseInt(parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when this owner ran on this host in a process that no longer exists (its leases can be taken back now). */
    public boolean deadOnThisHost() {
        if (!host.equals(HostName.VALUE)) return false;
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) return true;
        // A reused pid: the process running now started at another time than the owner's.
        Optional<Long> started = startMillis(p.get());
        return startMillis != 0 && started.isPresent() && started.get() != startMillis;
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }

    @Override
    public String toString() {
        return host + "/" + pid + "/" + startMillis + "/" + instance;
    }

    /** This machine's name, looked up once (a container's name where crawlers run in containers). */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            String env = System.getenv("HOSTNAME");
            if (env != null && !env.isBlank() && !env.contains("/")) return env.strip();
            try {
                String name = InetAddress.getLocalHost().getHostName();
                return name.isBlank() || name.contains("/") ? "localhost" : name;
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
