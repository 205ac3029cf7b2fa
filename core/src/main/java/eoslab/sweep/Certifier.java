package eoslab.sweep;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.Precision;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.measure.CellCheck.Certification;
import eoslab.measure.CellCheck;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.ShallowState;
import eoslab.service.ResolvedRun;
import eoslab.service.Runs;
import eoslab.spec.RunSpec;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Certifies a double-precision phase map: re-runs chosen cells with the decimal recursion in N digits,
 * classifies them the same way (including the period test on {@link Periodicity#SAMPLES} further iterates), and
 * compares class, step and period. The chosen cells are every boundary cell ({@link PhaseMap#boundary()}) plus K
 * cells drawn uniformly without replacement from a seeded generator.
 */
public final class Certifier {
    /** Seed of the cell sample. */
    public static final long SAMPLE_SEED = 20240601L;

    private Certifier() {
    }

    /** Classifies cell (ix, iy) of the spec in decimal arithmetic: {class, step, period}. */
    public static int[] decimalCell(PhaseSpec spec, int ix, int iy, int digits) {
        RunSpec cell = spec.cell(ix, iy);
        ResolvedRun run = Runs.resolve(new RunSpec(cell.model(), cell.start(), cell.method(), cell.eta(), cell.stop(),
                Engine.REDUCED, new Precision(digits)));
        ShallowStepper gd = run.stepper();
        RunResult<ShallowState> r = Runner.run(gd, run.stop(), List.of());
        if (r.outcome() == Outcome.CONVERGED) {
            return new int[] {CellClass.CONVERGED.ordinal(), (int) r.endStep(), 0};
        }
        if (r.outcome() == Outcome.DIVERGED) {
            return new int[] {CellClass.DIVERGED.ordinal(), (int) r.endStep(), 0};
        }
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        for (int j = 0; j < Periodicity.SAMPLES; j++) {
            if (Math.abs(gd.residual()) <= run.stop().tol()) {
                return new int[] {CellClass.SLOW.ordinal(), spec.maxSteps(), 1};
            }
            m[j] = gd.product();
            l[j] = gd.norm();
            if (!gd.step()) {
                return new int[] {CellClass.DIVERGED.ordinal(), spec.maxSteps() + j + 1, 0};
            }
        }
        int period = Periodicity.period(m, l, run.phi());
        return new int[] {Periodicity.classOf(period).ordinal(), spec.maxSteps(), period};
    }

    /**
     * Certifies every boundary cell and {@code sample} random other cells.
     *
     * @param threads  threads to use
     * @param progress receives one unit per checked cell (may be null)
     */
    public static Certification certify(PhaseSpec spec, PhaseMap map, int sample, int digits, int threads,
                                 Progress progress) {
        boolean[] boundary = map.boundary();
        TreeSet<Integer> cells = new TreeSet<>();
        int nb = 0;
        for (int i = 0; i < boundary.length; i++) {
            if (boundary[i]) {
                cells.add(i);
                nb++;
            }
        }
        int total = boundary.length;
        int want = Math.min(sample, total - nb);
        Random rng = new Random(SAMPLE_SEED);
        int drawn = 0;
        while (drawn < want) {
            if (cells.add(rng.nextInt(total))) {
                drawn++;
            }
        }
        Integer[] list = cells.toArray(new Integer[0]);
        CellCheck[] checks = new CellCheck[list.length];
        TileExecutor.run(list.length, threads, () -> t -> {
            int c = list[t];
            int ix = c % map.nx();
            int iy = c / map.nx();
            int[] d = decimalCell(spec, ix, iy, digits);
            checks[t] = new CellCheck(ix, iy, boundary[c], map.cls()[c], map.steps()[c], map.period()[c], d[0], d[1],
                    d[2]);
            if (progress != null) {
                progress.advance(1);
            }
        }, () -> false);
        return new Certification(digits, want, nb, List.of(checks));
    }
}
