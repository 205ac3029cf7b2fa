package eoslab.web;

import java.time.Duration;

/**
 * How much one request may ask for, and whether it may name files. Checked before any work starts (400 with a message
 * naming the limit), except the time limit, which stops a request that runs too long (503).
 *
 * @param maxBodyBytes  largest request body
 * @param maxSteps      step budget of one run (or of each run of a sweep, check or phase map)
 * @param maxWidth      width d of a start
 * @param maxVectorWork steps × width of a run on the vector engine
 * @param maxRuns       runs of a sweep or a check
 * @param maxCells      cells a phase request computes (tiles or a whole map)
 * @param maxRows       rows of a trajectory table in a reply
 * @param timeLimit     wall-clock time of one request
 * @param maxConcurrent requests computing at once (more are answered 429)
 * @param threads       worker threads of one sweep, check or phase request
 * @param readsFiles    whether a request may name a data file ({@code --data}); the server never allows it
 */
public record Limits(int maxBodyBytes, long maxSteps, int maxWidth, long maxVectorWork, long maxRuns, long maxCells,
                     long maxRows, Duration timeLimit, int maxConcurrent, int threads, boolean readsFiles) {

    /** Validates the limits. */
    public Limits {
        if (maxBodyBytes < 1 || maxSteps < 1 || maxWidth < 1 || maxVectorWork < 1 || maxRuns < 1 || maxCells < 1
                || maxRows < 2 || maxConcurrent < 1 || threads < 1 || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * The server's defaults: 1 MiB bodies, 10⁶ steps per run, width 10⁶, 10⁹ vector coordinate-steps, 10⁵ runs,
     * 2²⁰ cells, 2·10⁵ table rows, 30 s, 4 concurrent requests, all cores, no files.
     */
    public static Limits server() {
        return new Limits(1 << 20, 1_000_000, 1_000_000, 1_000_000_000L, 100_000, 1 << 20, 200_000,
                Duration.ofSeconds(30), 4, Runtime.getRuntime().availableProcessors(), false);
    }

    /** The limits of batch mode: a local user's own machine, so files may be read and work is not bounded. */
    public static Limits local() {
        return new Limits(Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofDays(10_000), 1,
                Runtime.getRuntime().availableProcessors(), true);
    }

    /** The same limits with another step budget. */
    public Limits withMaxSteps(long steps) {
        return new Limits(maxBodyBytes, steps, maxWidth, maxVectorWork, maxRuns, maxCells, maxRows, timeLimit,
                maxConcurrent, threads, readsFiles);
    }

    /** The same limits with another time limit. */
    public Limits withTimeLimit(Duration limit) {
        return new Limits(maxBodyBytes, maxSteps, maxWidth, maxVectorWork, maxRuns, maxCells, maxRows, limit,
                maxConcurrent, threads, readsFiles);
    }

    /** The same limits with another number of concurrent requests. */
    public Limits withMaxConcurrent(int n) {
        return new Limits(maxBodyBytes, maxSteps, maxWidth, maxVectorWork, maxRuns, maxCells, maxRows, timeLimit, n,
                threads, readsFiles);
    }

    /** The same limits with another cell budget per phase request. */
    public Limits withMaxCells(long cells) {
        return new Limits(maxBodyBytes, maxSteps, maxWidth, maxVectorWork, maxRuns, cells, maxRows, timeLimit,
                maxConcurrent, threads, readsFiles);
    }

    /** The same limits with another body size. */
    public Limits withMaxBodyBytes(int bytes) {
        return new Limits(bytes, maxSteps, maxWidth, maxVectorWork, maxRuns, maxCells, maxRows, timeLimit,
                maxConcurrent, threads, readsFiles);
    }

    /** Throws a 400 naming the limit when {@code value} exceeds {@code max}. */
    static void require(String what, long value, long max, String hint) {
        if (value > max) {
            throw ApiException.badRequest("work limit: " + what + " is " + value + ", at most " + max
                    + " per request" + (hint.isEmpty() ? "" : " (" + hint + ")"));
        }
    }
}
