package eoslab.sweep;

import eoslab.dynamics.shallow.LaneKernel;
import eoslab.dynamics.shallow.LaneResults;
import eoslab.dynamics.shallow.MomentumKernel;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.exec.TiledJob;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.ReducedPoint;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Computes phase maps on the {@link LaneKernel} (gradient descent) or the {@link MomentumKernel} (heavy ball, Nesterov):
 * {@link #tile} maps a tile number of a {@link PhaseSpec} to its results with no shared mutable state (so tiles could
 * run anywhere), and {@link #run} spreads the tiles over threads.
 */
public final class PhaseEngine {
    private PhaseEngine() {
    }

    /**
     * The results of one tile: cells first … first+n−1 of the map (class, step, period, and the run's final
     * sharpness and largest loss, see {@link PhaseMap}).
     */
    public record TileResult(int first, byte[] cls, int[] steps, byte[] period, double[] sharpness, double[] maxLoss) {
        /**
         * The result as bytes (little-endian): first, n, then n classes, n periods, n int32 steps, n float64
         * sharpnesses and n float64 largest losses.
         */
        public byte[] encode() {
            int n = cls.length;
            ByteBuffer b = ByteBuffer.allocate(8 + 22 * n).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(first).putInt(n).put(cls).put(period);
            for (int v : steps) {
                b.putInt(v);
            }
            for (double v : sharpness) {
                b.putDouble(v);
            }
            for (double v : maxLoss) {
                b.putDouble(v);
            }
            return b.array();
        }

        /** The result encoded by {@link #encode}. */
        public static TileResult decode(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int first = b.getInt();
            int n = b.getInt();
            if (n < 0 || bytes.length != 8 + 22L * n) {
                throw new IllegalArgumentException("malformed tile result");
            }
            byte[] cls = new byte[n];
            byte[] period = new byte[n];
            int[] steps = new int[n];
            double[] sharpness = new double[n];
            double[] maxLoss = new double[n];
            b.get(cls).get(period);
            for (int i = 0; i < n; i++) {
                steps[i] = b.getInt();
            }
            for (int i = 0; i < n; i++) {
                sharpness[i] = b.getDouble();
            }
            for (int i = 0; i < n; i++) {
                maxLoss[i] = b.getDouble();
            }
            return new TileResult(first, cls, steps, period, sharpness, maxLoss);
        }

        /** Writes these cells into their places of a map. */
        public void copyInto(PhaseMap map) {
            copyInto(map.cls(), map.steps(), map.period());
            int n = cls.length;
            System.arraycopy(sharpness, 0, map.sharpness(), first, n);
            System.arraycopy(maxLoss, 0, map.maxLoss(), first, n);
        }

        /** Copies the cells into their places (first … first+n−1) of the arrays of a map or volume. */
        public void copyInto(byte[] allCls, int[] allSteps, byte[] allPeriod) {
            int n = cls.length;
            System.arraycopy(cls, 0, allCls, first, n);
            System.arraycopy(steps, 0, allSteps, first, n);
            System.arraycopy(period, 0, allPeriod, first, n);
        }
    }

    /** Scratch memory of one thread. */
    public static final class Scratch {
        final LaneKernel kernel = new LaneKernel(PhaseSpec.TILE);
        final double[] p = new double[PhaseSpec.TILE];
        final double[] q = new double[PhaseSpec.TILE];
        final double[] eta = new double[PhaseSpec.TILE];
        final LaneResults out = new LaneResults(PhaseSpec.TILE);
        private MomentumKernel momentum;

        /** The momentum kernel, made on first use. */
        MomentumKernel momentum() {
            if (momentum == null) {
                momentum = new MomentumKernel(PhaseSpec.TILE);
            }
            return momentum;
        }
    }

    /** Runs tile t of the spec. */
    public static TileResult tile(PhaseSpec spec, int t, Scratch s) {
        int iy = t / spec.tilesPerRow();
        int x0 = (t % spec.tilesPerRow()) * PhaseSpec.TILE;
        int n = Math.min(PhaseSpec.TILE, spec.nx() - x0);
        return cells(iy * spec.nx() + x0, n, i -> spec.cell(x0 + i, iy), spec.maxSteps(), s);
    }

    /**
     * Runs n ≤ {@link PhaseSpec#TILE} cells that share one target Φ and one tolerance (resolved as {@code run} resolves
     * it: a relative tolerance times the cells' residual scale) on the kernel, each exactly as {@code run} would.
     *
     * @param first the number of the first cell (kept in the result)
     * @param cell  the specification of the i-th cell, 0 ≤ i &lt; n
     */
    static TileResult cells(int first, int n, IntFunction<RunSpec> cell, int maxSteps, Scratch s) {
        double phi = 0;
        double tol = 0;
        double beta = 0;
        MethodSpec method = null;
        ResolvedStart problem = null;
        ReducedPoint r = null;
        for (int i = 0; i < n; i++) {
            // the cells of a tile share one row, so usually one start: resolve it once, as run would
            RunSpec c = cell.apply(i);
            if (problem == null || !c.model().equals(problem.modelSpec())
                    || !c.start().equals(problem.startSpec())) {
                problem = Runs.resolve(c.model(), c.start());
                r = problem.point().toReduced();
            }
            ResolvedRun run = Runs.resolve(c, problem);
            if (i > 0 && (run.phi() != phi || run.stop().tol() != tol)) {
                throw new IllegalArgumentException("the cells of a tile must share one target Φ and one tolerance");
            }
            phi = run.phi();
            tol = run.stop().tol();
            s.p[i] = r.p();
            s.q[i] = r.q();
            s.eta[i] = run.eta();
            if (i > 0 && (run.method().beta() != beta || !c.method().name().equals(method.name()))) {
                throw new IllegalArgumentException("the cells of a tile must share one method and one β");
            }
            beta = run.method().beta();
            method = c.method();
        }
        if (method != null && method.hasMomentum()) {
            s.momentum().run(method.name().equals("nesterov"), beta, phi, tol, maxSteps, s.p, s.q, s.eta, n, s.out);
        } else {
            s.kernel.run(phi, tol, maxSteps, s.p, s.q, s.eta, n, s.out);
        }
        byte[] cls = new byte[n];
        int[] steps = new int[n];
        byte[] period = new byte[n];
        double[] sharpness = new double[n];
        double[] maxLoss = new double[n];
        for (int i = 0; i < n; i++) {
            cls[i] = s.out.cls(i);
            steps[i] = s.out.steps(i);
            period[i] = s.out.period(i);
            sharpness[i] = s.out.sharpness(i, phi);
            maxLoss[i] = s.out.maxLoss(i);
        }
        return new TileResult(first, cls, steps, period, sharpness, maxLoss);
    }

    /** The phase map as a {@link TiledJob}: tile t's result is {@link TileResult#encode} of {@link #tile}. */
    public static TiledJob job(PhaseSpec spec) {
        return new TiledJob() {
            @Override
            public int tiles() {
                return spec.tiles();
            }

            @Override
            public long units(int t) {
                int x0 = (t % spec.tilesPerRow()) * PhaseSpec.TILE;
                return Math.min(PhaseSpec.TILE, spec.nx() - x0);
            }

            @Override
            public Worker worker() {
                Scratch s = new Scratch();
                return t -> tile(spec, t, s).encode();
            }
        };
    }

    /** The map assembled from the encoded results of all its tiles (indexed by tile number). */
    public static PhaseMap assemble(PhaseSpec spec, byte[][] results) {
        PhaseMap map = PhaseMap.empty(spec.nx(), spec.ny());
        for (byte[] r : results) {
            TileResult.decode(r).copyInto(map);
        }
        return map;
    }

    /**
     * Computes the whole map.
     *
     * @param threads  number of threads
     * @param progress receives the number of cells of each finished tile (may be null)
     */
    public static PhaseMap run(PhaseSpec spec, int threads, Progress progress) {
        PhaseMap map = PhaseMap.empty(spec.nx(), spec.ny());
        BooleanSupplier never = () -> false;
        TileExecutor.run(spec.tiles(), threads, () -> {
            Scratch s = new Scratch();
            return t -> {
                TileResult r = tile(spec, t, s);
                r.copyInto(map);
                if (progress != null) {
                    progress.advance(r.cls().length);
                }
            };
        }, never);
        return map;
    }
}
