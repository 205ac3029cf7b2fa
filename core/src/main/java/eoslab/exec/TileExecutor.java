package eoslab.exec;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Spreads numbered tiles over threads: each thread takes the next tile number from a shared counter and runs it with
 * its own worker (its own scratch memory). Which thread runs which tile has no effect on the results, since a tile's
 * result depends on its number alone.
 */
public final class TileExecutor {
    /** Runs one tile on the calling thread. */
    public interface Worker {
        /** Computes tile t and hands its result on. */
        void run(int tile) throws Exception;
    }

    private TileExecutor() {
    }

    /**
     * Runs tiles 0 … tiles−1 on {@code threads} threads and waits for them.
     *
     * @param workers makes one worker per thread
     * @param stop    polled before each tile: true stops taking new tiles (the run then ends early)
     * @return the number of tiles that ran
     * @throws IllegalStateException wrapping the first checked failure of a worker (runtime exceptions and errors,
     *                               out of memory among them, are rethrown as they are)
     */
    public static int run(int tiles, int threads, Supplier<Worker> workers, BooleanSupplier stop) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable body = () -> {
            Worker w = workers.get();
            while (failure.get() == null && !stop.getAsBoolean()) {
                int t = next.getAndIncrement();
                if (t >= tiles) {
                    return;
                }
                try {
                    w.run(t);
                    done.incrementAndGet();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int n = Math.max(1, Math.min(threads, tiles));
        Thread[] pool = new Thread[n - 1];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new Thread(body, "eoslab-tile-" + (i + 1));
            pool[i].setDaemon(true);
            pool[i].start();
        }
        body.run();
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f.getMessage(), f);
        }
        return done.get();
    }
}
