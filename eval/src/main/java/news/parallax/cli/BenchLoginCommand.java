package news.parallax.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.parallax.analysis.DefaultStoryAnalyzer;
import news.parallax.editor.EditorAccounts;
import news.parallax.editor.LoginThrottle;
import news.parallax.editor.PasswordHasher;
import news.parallax.outlets.OutletRegistries;
import news.parallax.store.Store;
import news.parallax.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parallax bench-login}: the cost of editor log-ins (issue 14) for BENCHMARKS.md: Argon2id hashing, verification of a
 * right password, a wrong one and an unknown name (which must cost the same), and the lock-out of a real server on loopback
 * (how many failures lock a name and an address, and what a locked answer costs). A throwaway SQLite store.
 */
@Command(name = "bench-login", mixinStandardHelpOptions = true, description = "Editor log-in figures: hashing cost, timing of wrong "
        + "name vs wrong password, lock-out on a loopback server.")
final class BenchLoginCommand implements Callable<Integer> {
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "bench password 12345";

    @Option(names = "--rounds", defaultValue = "20", description = "Verifications of each kind (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            System.err.println("--rounds must be at least 1");
            return 2;
        }
        Path dir = Files.createTempDirectory("parallax-bench-login");
        try (Store store = Store.open(dir)) {
            PasswordHasher hasher = new PasswordHasher();
            List<Double> hash = new ArrayList<>();
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < rounds; i++) {
                long c = bean.getCurrentThreadCpuTime();
                hasher.hash(PASSWORD);
                hash.add((bean.getCurrentThreadCpuTime() - c) / 1e6);
            }
            System.out.printf("Argon2id hash (m=19 MiB, t=2, p=1): CPU p50 %.1f ms, max %.1f ms over %d%n", p(hash, 50), p(hash, 100), rounds);
            EditorAccounts accounts = new EditorAccounts(store);
            accounts.add("ann", PASSWORD);
            accounts.verify("warm", "up");
            // The three kinds interleaved, so the machine's load falls on each alike; CPU time of this thread beside wall time.
            List<String> kinds = List.of("right password", "wrong password", "unknown name");
            java.util.Map<String, List<Double>> wall = new java.util.LinkedHashMap<>();
            java.util.Map<String, List<Double>> cpu = new java.util.LinkedHashMap<>();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < rounds; i++) {
                for (String kind : kinds) {
                    long t = System.nanoTime();
                    long c = threads.getCurrentThreadCpuTime();
                    var found = switch (kind) {
                        case "right password" -> accounts.verify("ann", PASSWORD);
                        case "wrong password" -> accounts.verify("ann", PASSWORD + "x");
                        default -> accounts.verify("nobody" + i, PASSWORD);
                    };
                    cpu.computeIfAbsent(kind, k -> new ArrayList<>()).add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                    wall.computeIfAbsent(kind, k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
                    if (found.isPresent() != kind.equals("right password")) throw new IllegalStateException("verification wrong for " + kind);
                }
            }
            for (String kind : kinds) {
                System.out.printf("verify, %s: CPU p50 %.1f ms, p90 %.1f ms; wall p50 %.1f ms%n", kind, p(cpu.getOrDefault(kind, List.of()), 50),
                        p(cpu.getOrDefault(kind, List.of()), 90), p(wall.getOrDefault(kind, List.of()), 50));
            }
            try (WebServer web = WebServer.start(store, new DefaultStoryAnalyzer(OutletRegistries.bundled()), "127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + web.port();
                HttpClient http = HttpClient.newHttpClient();
                List<Double> ok = new ArrayList<>();
                for (int i = 0; i < Math.min(rounds, 10); i++) ok.add(login(http, base, "ann", PASSWORD).ms());
                System.out.printf("HTTP log-in with the right password (form post to session cookie): p50 %.1f ms%n", p(ok, 50));
                LoginThrottle.Policy policy = LoginThrottle.Policy.DEFAULT;
                int n = 0;
                Attempt a;
                do {
                    a = login(http, base, "ann", "guess " + n++);
                } while (a.status() == 401 && n < 100);
                System.out.printf("name lock-out: answer %d after %d failures of one name (policy %d in %d min, locked %d min); locked answer %.1f ms%n",
                        a.status(), n - 1, policy.accountFailures(), policy.window().toMinutes(), policy.lock().toMinutes(), a.ms());
                Attempt right = login(http, base, "ann", PASSWORD);
                System.out.printf("right password while the name is locked: %d%n", right.status());
                int m = 0;
                do {
                    a = login(http, base, "name" + m++, "guess");
                } while (a.status() == 401 && m < 100);
                System.out.printf("address lock-out: answer %d after %d more failures with other names (%d failures from the address in all, policy %d)%n",
                        a.status(), m - 1, n - 1 + m - 1, policy.clientFailures());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return 0;
    }

    private record Attempt(int status, double ms) {}

    private static Attempt login(HttpClient http, String base, String name, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/editor/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = TOKEN.matcher(page);
        if (!m.find()) throw new IllegalStateException("no token on the log-in page");
        String body = "token=" + enc(m.group(1)) + "&name=" + enc(name) + "&password=" + enc(password);
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/editor/login")).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Attempt(r.statusCode(), (System.nanoTime() - t) / 1e6);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double p(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
