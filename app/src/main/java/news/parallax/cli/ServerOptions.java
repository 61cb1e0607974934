package news.parallax.cli;

import picocli.CommandLine.Option;

/** Where the web UI listens: shared by {@code serve}, {@code demo} and {@code run}. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--public-host", paramLabel = "NAME", defaultValue = "${env:PARALLAX_PUBLIC_HOST}",
            description = "Host name readers use to reach the server (behind a proxy, or on a LAN), answered besides "
                    + "localhost and the bound address; requests naming any other host get 421 (env PARALLAX_PUBLIC_HOST).")
    String publicHost;

    @Option(names = "--page-cache-mb", defaultValue = "256", paramLabel = "MB",
            description = "Memory for rendered story pages, story JSON and listing pages, plain and gzip, kept per stored "
                    + "view until a save changes them; 0 renders every request (default: ${DEFAULT-VALUE}).")
    long pageCacheMb;

    long pageCacheBytes() {
        if (pageCacheMb < 0) throw new IllegalArgumentException("--page-cache-mb must be at least 0, got " + pageCacheMb);
        return pageCacheMb << 20;
    }

    /** The address to print: a wildcard bind is reached as localhost. */
    String url(int boundPort) {
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + boundPort + "/";
    }
}
