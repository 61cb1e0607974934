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

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        return serve(data, server);
    }

    static int serve(DataOption data, ServerOptions server) throws Exception {
        Store store = Services.store(data);
        WebServer web = WebServer.start(store, Services.analyzer(data.dir()), server.host, server.port, server.publicHost, server.pageCacheBytes());
        System.out.println("Parallax is serving " + store.location() + " on " + server.url(web.port()) + "  (Ctrl-C to stop)");
        System.out.println("Open " + server.url(web.port()) + " in your browser.");
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
