package eoslab.exec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a long computation on stderr: a live bar redrawn in place on a terminal, or a plain line every few
 * seconds otherwise (logs, pipes). Thread-safe; prints at most about 10 times a second.
 */
public final class Progress {
    private static final long PLAIN_INTERVAL_NS = 5_000_000_000L;
    private static final long LIVE_INTERVAL_NS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean live;
    private final AtomicLong done = new AtomicLong();
    private final long start = System.nanoTime();
    private long lastPrint = start;

    /**
     * @param err   where to print
     * @param label what is counted (e.g. "runs")
     * @param total the number of units
     * @param live  redraw a bar in place (a terminal) instead of printing lines
     */
    public Progress(PrintWriter err, String label, long total, boolean live) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.live = live;
    }

    /** A progress for stderr, live exactly when a console is attached. */
    public static Progress onStderr(PrintWriter err, String label, long total) {
        return new Progress(err, label, total, System.console() != null);
    }

    /** Counts units already done before this run (a resumed sweep), without printing. */
    public void skip(long units) {
        done.addAndGet(units);
    }

    /** Adds finished units and prints if due. */
    public void advance(long units) {
        long d = done.addAndGet(units);
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastPrint < (live ? LIVE_INTERVAL_NS : PLAIN_INTERVAL_NS)) {
                return;
            }
            lastPrint = now;
            print(d, now, false);
        }
    }

    /** Prints the final state (and ends the live line). */
    public synchronized void finish() {
        print(done.get(), System.nanoTime(), true);
    }

    private void print(long d, long now, boolean last) {
        double frac = total == 0 ? 1 : (double) d / total;
        double secs = (now - start) * 1e-9;
        String eta = frac > 0 && frac < 1 ? String.format(Locale.ROOT, ", about %.0f s left", secs * (1 - frac) / frac)
                : "";
        String text = String.format(Locale.ROOT, "%d/%d %s (%.1f%%) in %.1f s%s", d, total, label, 100 * frac, secs,
                eta);
        if (live) {
            int width = 30;
            int full = (int) Math.round(frac * width);
            err.print("\r[" + "#".repeat(full) + " ".repeat(width - full) + "] " + text + "   ");
            if (last) {
                err.println();
            }
        } else {
            err.println("progress: " + text);
        }
        err.flush();
    }
}
