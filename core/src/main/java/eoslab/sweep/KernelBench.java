package eoslab.sweep;

import eoslab.model.ReducedPoint;

/**
 * Throughput measurements of the {@link LaneKernel} for {@code eoslab bench}: lane-steps per second on tiles of lanes
 * that never finish (period-2 and period-4 orbits at Φ = 1, η ∈ [1.05, 1.25], so every lane runs the whole budget
 * through the vector loop and the block checks), on one thread and on several.
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** One tile's inputs. */
    private static final class Tile {
        final double[] p = new double[PhaseSpec.TILE];
        final double[] q = new double[PhaseSpec.TILE];
        final double[] eta = new double[PhaseSpec.TILE];
        final byte[] cls = new byte[PhaseSpec.TILE];
        final int[] steps = new int[PhaseSpec.TILE];
        final byte[] period = new byte[PhaseSpec.TILE];
        final LaneKernel kernel = new LaneKernel(PhaseSpec.TILE);

        Tile() {
            ReducedPoint r = ReducedPoint.canonical(0.0, 1.0);
            for (int i = 0; i < PhaseSpec.TILE; i++) {
                p[i] = r.p();
                q[i] = r.q();
                eta[i] = 1.05 + 0.2 * i / PhaseSpec.TILE;
            }
        }

        /** Runs the tile; returns the lane-steps done. */
        long run(int steps) {
            kernel.run(1.0, 1e-12, steps, p, q, eta, PhaseSpec.TILE, cls, this.steps, period);
            long total = 0;
            for (int s : this.steps) {
                total += s;
            }
            return total;
        }
    }

    /**
     * Lane-steps per second with {@code threads} threads each running {@code tiles} tiles of {@code steps} steps;
     * the best of {@code reps} repetitions after one warm-up.
     */
    public static double throughput(int threads, int tiles, int steps, int reps) {
        double best = 0;
        for (int rep = 0; rep <= reps; rep++) {
            long[] work = new long[threads];
            long t0 = System.nanoTime();
            TileExecutor.run(threads, threads, () -> new TileExecutor.Worker() {
                private final Tile tile = new Tile();

                @Override
                public void run(int t) {
                    long w = 0;
                    for (int k = 0; k < tiles; k++) {
                        w += tile.run(steps);
                    }
                    work[t] = w;
                }
            }, () -> false);
            double secs = (System.nanoTime() - t0) * 1e-9;
            long total = 0;
            for (long w : work) {
                total += w;
            }
            if (rep > 0) {
                best = Math.max(best, total / secs);
            }
        }
        return best;
    }
}
