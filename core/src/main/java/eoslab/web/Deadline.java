package eoslab.web;

import eoslab.dynamics.StepObserver;
import eoslab.model.State;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The end of a request's time: a step observer that stops a run (every 1024 steps it compares the clock) and a stop
 * condition for tiled work; both throw {@link ApiException} (503) once the time is up or the request was cancelled.
 */
final class Deadline implements StepObserver<State>, BooleanSupplier {
    private final long end;
    private final Duration limit;
    private final BooleanSupplier cancelled;

    private Deadline(Duration limit, BooleanSupplier cancelled) {
        this.limit = limit;
        this.cancelled = cancelled;
        long nanos = limit.toNanos();
        this.end = System.nanoTime() + nanos;
    }

    /** A deadline {@code limit} from now. */
    static Deadline in(Duration limit) {
        return new Deadline(limit, () -> false);
    }

    /** A deadline {@code limit} from now that also ends when {@code cancelled} turns true. */
    static Deadline in(Duration limit, BooleanSupplier cancelled) {
        return new Deadline(limit, cancelled);
    }

    /** Throws once the time is up or the request was cancelled. */
    void check() {
        if (cancelled.getAsBoolean()) {
            throw new ApiException(ApiException.UNAVAILABLE, "cancelled: a newer request replaced this view");
        }
        if (System.nanoTime() - end > 0) {
            throw new ApiException(ApiException.UNAVAILABLE, "time limit: the request ran longer than "
                    + limit.toMillis() / 1000.0 + " s (the server's --time-limit); ask for less, or use the CLI");
        }
    }

    @Override
    public void step(long k, State state) {
        if ((k & 1023) == 0) {
            check();
        }
    }

    /**
     * True once the time is up or the request was cancelled: tiled work then takes no further tiles (it never throws
     * here, since worker threads poll it outside their error handling); call {@link #check()} afterwards.
     */
    @Override
    public boolean getAsBoolean() {
        return cancelled.getAsBoolean() || System.nanoTime() - end > 0;
    }
}
