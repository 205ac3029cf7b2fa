package eoslab.dynamics.shallow;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A process-wide set of daemon helper threads (one per extra core, at most {@link #MAX_HELPERS}) that share the chunks
 * of one large {@link VectorGd} step with the calling thread: chunk c goes to participant c mod (helpers + 1), the
 * caller being participant 0. Work is handed over through volatile fields and park/unpark, so a step allocates
 * nothing. One step at a time uses the pool; a step that finds it busy runs alone, with the same results, because
 * each chunk's sums do not depend on who computes them.
 */
final class ChunkPool {
    /** Most helper threads. */
    static final int MAX_HELPERS = 3;
    private static final int SPINS = 20_000;
    private static final ChunkPool INSTANCE = new ChunkPool(
            Math.min(MAX_HELPERS, Runtime.getRuntime().availableProcessors() - 1));

    private final Thread[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile long generation;
    private volatile VectorGd job;
    private volatile double jobStep;

    private ChunkPool(int n) {
        helpers = new Thread[Math.max(0, n)];
        for (int i = 0; i < helpers.length; i++) {
            final int participant = i + 1;
            Thread t = new Thread(() -> work(participant), "eoslab-vector-" + participant);
            t.setDaemon(true);
            helpers[i] = t;
            t.start();
        }
    }

    /** The shared pool. */
    static ChunkPool get() {
        return INSTANCE;
    }

    /** Number of participants a step is split over when the pool is free: helpers + the caller. */
    int participants() {
        return helpers.length + 1;
    }

    /**
     * Runs {@code gd.chunks(h, p, participants)} for every participant p, in parallel when the pool is free.
     *
     * @return after every chunk of the step is done
     */
    void run(VectorGd gd, double h) {
        if (helpers.length == 0 || !busy.compareAndSet(false, true)) {
            gd.chunks(h, 0, 1);
            return;
        }
        try {
            job = gd;
            jobStep = h;
            remaining.set(helpers.length);
            generation = generation + 1;
            for (Thread t : helpers) {
                LockSupport.unpark(t);
            }
            gd.chunks(h, 0, participants());
            for (int spin = 0; remaining.get() > 0; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            job = null;
        } finally {
            busy.set(false);
        }
    }

    private void work(int participant) {
        long seen = 0;
        while (true) {
            int spin = 0;
            while (generation == seen) {
                if (spin++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = generation;
            job.chunks(jobStep, participant, participants());
            remaining.decrementAndGet();
        }
    }
}
