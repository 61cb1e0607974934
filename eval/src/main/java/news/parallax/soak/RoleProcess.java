package news.parallax.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code parallax run --role ...} JVM of the soak: started from this JVM's own Java and class path, its
 * output kept (with the time each line arrived) and copied to {@code NAME.log}, its heap logged after every
 * collection to {@code NAME.gc.log} ({@code -Xlog:gc}, read by {@link GcLog}), its CPU time read from the OS.
 */
final class RoleProcess {
    private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");

    /** A line of output and when it arrived ({@link System#nanoTime}). */
    record Line(String text, long nanos) {}

    final String name;
    final String role;
    final Path gcLog;
    private final Process process;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private volatile Duration lastCpu = Duration.ZERO;
    private volatile long endedNanos;
    private volatile boolean killed;
    private final long startedNanos = System.nanoTime();

    private RoleProcess(String name, String role, Path gcLog, Process process) {
        this.name = name;
        this.role = role;
        this.gcLog = gcLog;
        this.process = process;
    }

    /** Starts {@code run --role role} with {@code runArgs}, a heap of {@code heap} (as -Xmx takes it). */
    static RoleProcess start(String name, String role, String heap, List<String> runArgs, Path dir) throws IOException {
        Path gc = dir.resolve(name + ".gc.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx" + heap, "-Xlog:gc:file=" + gc + ":uptime",
                "-cp", System.getProperty("java.class.path"), "news.parallax.cli.Main", "run", "--role", role));
        cmd.addAll(runArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        RoleProcess r = new RoleProcess(name, role, gc, p);
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(dir.resolve(name + ".log"), StandardCharsets.UTF_8), true);
        Thread.ofVirtual().name("soak-out-" + name).start(() -> {
            try (file; BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    r.lines.add(new Line(line, System.nanoTime()));
                    file.println(line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        return r;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** When the first line containing {@code text} arrived. */
    OptionalLong said(String text) {
        for (Line l : lines) if (l.text().contains(text)) return OptionalLong.of(l.nanos());
        return OptionalLong.empty();
    }

    /** Lines containing {@code text}. */
    List<Line> linesWith(String text) {
        return lines.stream().filter(l -> l.text().contains(text)).toList();
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The web port the process printed; empty until it serves. */
    Optional<Integer> port() {
        for (Line l : lines) {
            Matcher m = SERVING.matcher(l.text());
            if (m.find()) return Optional.of(Integer.parseInt(m.group(1)));
        }
        return Optional.empty();
    }

    /** CPU time so far (user + system), kept from the last look once the process is gone. */
    Duration cpu() {
        Optional<Duration> now = process.toHandle().info().totalCpuDuration();
        if (now.isPresent() && process.isAlive()) lastCpu = now.get();
        return lastCpu;
    }

    /** kill -9: no shutdown hook runs, leases and locks are left as a crash leaves them. */
    void kill9() throws InterruptedException {
        cpu();
        killed = true;
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        endedNanos = System.nanoTime();
    }

    /** SIGTERM, as an operator stops a role; forcibly after {@code grace}. */
    void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) return;
        cpu();
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        if (endedNanos == 0) endedNanos = System.nanoTime();
    }

    boolean killed() {
        return killed;
    }

    /** Seconds from start to its end (or now). */
    double uptimeSeconds() {
        return ((endedNanos != 0 ? endedNanos : System.nanoTime()) - startedNanos) / 1e9;
    }
}
