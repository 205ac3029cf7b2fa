package eoslab.sweep;

import eoslab.dynamics.shallow.LaneKernel;
import eoslab.dynamics.shallow.MomentumKernel;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.ReducedPoint;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSpec;
import java.util.function.BooleanSupplier;

/**
 * Computes phase maps on the {@link LaneKernel} (gradient descent) or the {@link MomentumKernel} (heavy ball, Nesterov):
 * {@link #tile} maps a tile number of a {@link PhaseSpec} to its results with no shared mutable state (so tiles could
 * run anywhere), and {@link #run} spreads the tiles over threads.
 */
public final class PhaseEngine {
    private PhaseEngine() {
    }

    /** The results of one tile: cells first … first+n−1 of the map. */
    public record TileResult(int first, byte[] cls, int[] steps, byte[] period) {
    }

    /** Scratch memory of one thread. */
    public static final class Scratch {
        final LaneKernel kernel = new LaneKernel(PhaseSpec.TILE);
        final double[] p = new double[PhaseSpec.TILE];
        final double[] q = new double[PhaseSpec.TILE];
        final double[] eta = new double[PhaseSpec.TILE];
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
        double phi = 0;
        double beta = 0;
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
            s.p[i] = r.p();
            s.q[i] = r.q();
            s.eta[i] = run.eta();
            if (i > 0 && run.method().beta() != beta) {
                throw new IllegalStateException("the cells of a tile share one β");
            }
            beta = run.method().beta();
        }
        byte[] cls = new byte[n];
        int[] steps = new int[n];
        byte[] period = new byte[n];
        MethodSpec method = spec.grid().settings().method();
        if (method.hasMomentum()) {
            // x is the step, so a tile (a piece of one row) has one β
            s.momentum().run(method.name().equals("nesterov"), beta, phi, spec.tol(), spec.maxSteps(), s.p, s.q,
                    s.eta, n, cls, steps, period);
        } else {
            s.kernel.run(phi, spec.tol(), spec.maxSteps(), s.p, s.q, s.eta, n, cls, steps, period);
        }
        return new TileResult(iy * spec.nx() + x0, cls, steps, period);
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
                int n = r.cls().length;
                System.arraycopy(r.cls(), 0, map.cls(), r.first(), n);
                System.arraycopy(r.steps(), 0, map.steps(), r.first(), n);
                System.arraycopy(r.period(), 0, map.period(), r.first(), n);
                if (progress != null) {
                    progress.advance(n);
                }
            };
        }, never);
        return map;
    }
}
