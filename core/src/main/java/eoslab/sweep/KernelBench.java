package eoslab.sweep;

import eoslab.dynamics.shallow.LaneKernel;
import eoslab.dynamics.shallow.LaneResults;
import eoslab.dynamics.shallow.MomentumKernel;
import eoslab.exec.TileExecutor;

/**
 * Throughput measurements of the {@link LaneKernel} and the {@link MomentumKernel} for {@code eoslab bench}: lane-steps
 * per second on tiles of lanes that run the whole budget through the vector loop, its exact per-step checks and the
 * final classification, on one thread and on several, for each {@link Workload} and {@link Kernel}.
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** What the lanes of a benchmark tile compute. */
    public enum Workload {
        /**
         * Φ = 1, start aᵀb = 0.9375, ‖a‖²+‖b‖² = 2.125 (p = 2, q = 0.5), η ∈ [0.1, 0.3], tolerance 0: every lane
         * approaches its minimum with all values in the normal floating-point range and never meets the tolerance.
         */
        NORMAL(2.0, 0.5, 0.1, 0.0),
        /**
         * Φ = 1, start aᵀb = 0, λ₀ = 1, η ∈ [1.05, 1.25], tolerance 1e-12: period-2/4 orbits on which ‖a − b‖ decays
         * through the subnormal numbers (where the processor's floating-point units are slow) and stays there.
         */
        SUBNORMAL(1.0, 1.0, 1.05, 1e-12);

        final double p0;
        final double q0;
        final double eta0;
        final double tol;

        Workload(double p0, double q0, double eta0, double tol) {
            this.p0 = p0;
            this.q0 = q0;
            this.eta0 = eta0;
            this.tol = tol;
        }

        /** Fills one tile's inputs: lane i gets η = η₀ + 0.2·i/n. */
        public void fill(double[] p, double[] q, double[] eta, int n) {
            for (int i = 0; i < n; i++) {
                p[i] = p0;
                q[i] = q0;
                eta[i] = eta0 + 0.2 * i / n;
            }
        }

        /** The convergence tolerance of this workload. */
        public double tol() {
            return tol;
        }
    }

    /** Which kernel runs the lanes. */
    public enum Kernel {
        /** Gradient descent ({@link LaneKernel}). */
        GD,
        /** Heavy ball with β = {@link #BETA} on every lane ({@link MomentumKernel}). */
        HEAVY_BALL,
        /** Nesterov with β = {@link #BETA} on every lane ({@link MomentumKernel}). */
        NESTEROV;

        /** The momentum of the momentum kernels' lanes: the workloads' orbits stay bounded and in the same ranges. */
        public static final double BETA = 0.5;
    }

    /** One tile's inputs. */
    private static final class Tile {
        final double[] p = new double[PhaseSpec.TILE];
        final double[] q = new double[PhaseSpec.TILE];
        final double[] eta = new double[PhaseSpec.TILE];
        final LaneResults out = new LaneResults(PhaseSpec.TILE);
        final LaneKernel kernel;
        final MomentumKernel momentum;
        final Workload workload;
        final Kernel which;

        Tile(Workload workload, Kernel which) {
            this.workload = workload;
            this.which = which;
            workload.fill(p, q, eta, PhaseSpec.TILE);
            this.kernel = which == Kernel.GD ? new LaneKernel(PhaseSpec.TILE) : null;
            this.momentum = which == Kernel.GD ? null : new MomentumKernel(PhaseSpec.TILE);
        }

        /** Runs the tile; returns the lane-steps done. */
        long run(int steps) {
            if (which == Kernel.GD) {
                kernel.run(1.0, workload.tol(), steps, p, q, eta, PhaseSpec.TILE, out);
            } else {
                momentum.run(which == Kernel.NESTEROV, Kernel.BETA, 1.0, workload.tol(), steps, p, q, eta,
                        PhaseSpec.TILE, out);
            }
            long total = 0;
            for (int i = 0; i < PhaseSpec.TILE; i++) {
                total += out.steps(i);
            }
            return total;
        }
    }

    /**
     * Lane-steps per second of the GD kernel on a workload with {@code threads} threads each running {@code tiles}
     * tiles of {@code steps} steps; the best of {@code reps} repetitions after one warm-up.
     */
    public static double throughput(Workload workload, int threads, int tiles, int steps, int reps) {
        return throughput(Kernel.GD, workload, threads, tiles, steps, reps);
    }

    /**
     * Lane-steps per second of a kernel on a workload with {@code threads} threads each running {@code tiles} tiles of
     * {@code steps} steps; the best of {@code reps} repetitions after one warm-up.
     */
    public static double throughput(Kernel which, Workload workload, int threads, int tiles, int steps, int reps) {
        return throughputs(new Kernel[] {which}, workload, threads, tiles, steps, reps)[0];
    }

    /**
     * Lane-steps per second of several kernels on one workload, measured in alternation (each repetition runs every
     * kernel once, so that a change of the machine's load reaches them alike): for each kernel the best of
     * {@code reps} repetitions after one warm-up.
     */
    public static double[] throughputs(Kernel[] kernels, Workload workload, int threads, int tiles, int steps,
                                       int reps) {
        double[] best = new double[kernels.length];
        for (int rep = 0; rep <= reps; rep++) {
            for (int i = 0; i < kernels.length; i++) {
                double v = once(kernels[i], workload, threads, tiles, steps);
                if (rep > 0) {
                    best[i] = Math.max(best[i], v);
                }
            }
        }
        return best;
    }

    private static double once(Kernel which, Workload workload, int threads, int tiles, int steps) {
        long[] work = new long[threads];
        long t0 = System.nanoTime();
        TileExecutor.run(threads, threads, () -> new TileExecutor.Worker() {
            private final Tile tile = new Tile(workload, which);

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
        return total / secs;
    }
}
