package news.parallax.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import news.parallax.store.Store;
import news.parallax.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the web UI and the JSON API.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws Exception {
        return serve(data, host, port);
    }

    static int serve(DataOption data, String host, int port) throws Exception {
        Store store = Services.store(data.dir());
        WebServer web = WebServer.start(store, Services.analyzer(data.dir()), host, port);
        System.out.println("Parallax is serving " + store.file() + " on http://" + (host.equals("0.0.0.0") ? "localhost" : host)
                + ":" + web.port() + "/  (Ctrl-C to stop)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            store.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
