package news.parallax.cli;

import java.io.PrintStream;
import news.parallax.pipeline.ProgressListener;

/** A one-line progress bar on stderr, redrawn at most every {@link #REDRAW_MILLIS}. */
final class ConsoleProgress implements ProgressListener {
    static final long REDRAW_MILLIS = 250;
    static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean interactive = System.console() != null;
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void progress(String phase, long done, long total) {
        long now = System.currentTimeMillis();
        boolean finished = total > 0 && done >= total;
        if (!finished && now - lastDraw < REDRAW_MILLIS) return;
        lastDraw = now;
        String line;
        if (total > 0) {
            int filled = (int) (WIDTH * Math.min(1.0, (double) done / total));
            line = String.format("%-10s [%s%s] %,d/%,d", phase, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total);
        } else {
            line = String.format("%-10s %,d", phase, done);
        }
        if (interactive) {
            err.print("\r" + line + "   ");
            drawn = true;
        } else if (finished || now - lastDraw >= 0) {
            // Non-interactive output (CI logs) gets one line per redraw interval instead of carriage returns.
            err.println(line);
        }
    }

    void end() {
        if (drawn) err.println();
    }
}
