package eoslab.sweep;

import eoslab.dynamics.shallow.LaneKernel;
import eoslab.dynamics.shallow.LaneResults;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.ReducedPoint;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.RunSpec;
import java.util.function.BooleanSupplier;

/**
 * Computes phase maps on the {@link LaneKernel}: {@link #tile} maps a tile number of a {@link PhaseSpec} to its
 * results with no shared mutable state (so tiles could run anywhere), and {@link #run} spreads the tiles over threads.
 */
public final class PhaseEngine {
    private PhaseEngine() {
    }

    /** The results of one tile: cells first … first+n−1 of the map (see {@link PhaseMap}). */
    public record TileResult(int first, byte[] cls, int[] steps, byte[] period, double[] sharpness, double[] maxLoss) {
        /** Writes these cells into the map. */
        public void copyInto(PhaseMap map) {
            int n = cls.length;
            System.arraycopy(cls, 0, map.cls(), first, n);
            System.arraycopy(steps, 0, map.steps(), first, n);
            System.arraycopy(period, 0, map.period(), first, n);
            System.arraycopy(sharpness, 0, map.sharpness(), first, n);
            System.arraycopy(maxLoss, 0, map.maxLoss(), first, n);
        }
    }

    /** Scratch memory of one thread. */
    public static final class Scratch {
        final LaneKernel kernel = new LaneKernel(PhaseSpec.TILE);
        final LaneResults out = new LaneResults(PhaseSpec.TILE);
        final double[] p = new double[PhaseSpec.TILE];
        final double[] q = new double[PhaseSpec.TILE];
        final double[] eta = new double[PhaseSpec.TILE];
    }

    /** Runs tile t of the spec. */
    public static TileResult tile(PhaseSpec spec, int t, Scratch s) {
        int iy = t / spec.tilesPerRow();
        int x0 = (t % spec.tilesPerRow()) * PhaseSpec.TILE;
        int n = Math.min(PhaseSpec.TILE, spec.nx() - x0);
        double phi = 0;
        double tol = 0;
        ResolvedStart problem = null;
        ReducedPoint r = null;
        for (int i = 0; i < n; i++) {
            // the cells of a tile share one row, so usually one start: resolve it once, as run would
            RunSpec cell = spec.cell(x0 + i, iy);
            if (problem == null || !cell.model().equals(problem.modelSpec())
                    || !cell.start().equals(problem.startSpec())) {
                problem = Runs.resolve(cell.model(), cell.start());
                r = problem.point().toReduced();
            }
            ResolvedRun run = Runs.resolve(cell, problem);
            phi = run.phi();
            tol = run.stop().tol();
            s.p[i] = r.p();
            s.q[i] = r.q();
            s.eta[i] = run.eta();
        }
        s.kernel.run(phi, tol, spec.maxSteps(), s.p, s.q, s.eta, n, s.out);
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
        return new TileResult(iy * spec.nx() + x0, cls, steps, period, sharpness, maxLoss);
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
