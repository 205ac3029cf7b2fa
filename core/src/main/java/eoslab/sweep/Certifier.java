package eoslab.sweep;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.GdResult;
import eoslab.dynamics.GdRunner;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.DecimalGd;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.VectorPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Certifies a double-precision phase map: re-runs chosen cells with the {@link DecimalGd} recursion in N digits,
 * classifies them the same way (including the period test on {@link Periodicity#SAMPLES} further iterates), and
 * compares class, step and period. The chosen cells are every boundary cell ({@link PhaseMap#boundary()}) plus K
 * cells drawn uniformly without replacement from a seeded generator.
 */
public final class Certifier {
    /** Seed of the cell sample. */
    public static final long SAMPLE_SEED = 20240601L;

    private Certifier() {
    }

    /** The decimal verdict on one cell. */
    public record Check(int ix, int iy, boolean boundary, int cls, int steps, int period, int decimalCls,
                        int decimalSteps, int decimalPeriod) {
        /** Same class, step and period in both arithmetics. */
        public boolean confirmed() {
            return cls == decimalCls && steps == decimalSteps && period == decimalPeriod;
        }

        /** The check as a table row, with the cell's parameters. */
        public Map<String, Object> row(PhaseSpec spec) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ix", ix);
            m.put("iy", iy);
            m.put(spec.x().name(), spec.x().value(ix));
            m.put(spec.y().name(), spec.y().value(iy));
            m.put("boundary", boundary);
            m.put("double", CellClass.of(cls).label());
            m.put("double_steps", steps);
            m.put("double_period", period);
            m.put("decimal", CellClass.of(decimalCls).label());
            m.put("decimal_steps", decimalSteps);
            m.put("decimal_period", decimalPeriod);
            return m;
        }
    }

    /** The verdicts on all checked cells, in cell order. */
    public record Report(int digits, int sampled, int boundaryCells, List<Check> checks) {
        /** Number of confirmed cells. */
        public long confirmed() {
            return checks.stream().filter(Check::confirmed).count();
        }

        /** Cells whose class differs between the arithmetics. */
        public long classChanged() {
            return checks.stream().filter(c -> c.cls() != c.decimalCls()).count();
        }

        /** The checks that were not confirmed. */
        public List<Check> mismatches() {
            return checks.stream().filter(c -> !c.confirmed()).toList();
        }
    }

    /** Classifies cell (ix, iy) of the spec in decimal arithmetic: {class, step, period}. */
    public static int[] decimalCell(PhaseSpec spec, int ix, int iy, int digits) {
        RunParameters rp = spec.cell(ix, iy);
        VectorPoint point = rp.init().point();
        DecimalGd gd = DecimalGd.from(rp.phi(), rp.modelStep(point), point, digits);
        GdResult r = GdRunner.run(gd, new StopRule(spec.maxSteps(), spec.tol()), List.of());
        if (r.outcome() == Outcome.CONVERGED) {
            return new int[] {CellClass.CONVERGED.ordinal(), (int) r.endStep(), 0};
        }
        if (r.outcome() == Outcome.DIVERGED) {
            return new int[] {CellClass.DIVERGED.ordinal(), (int) r.endStep(), 0};
        }
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        int period = -1;
        for (int j = 0; j < Periodicity.SAMPLES && period < 0; j++) {
            if (Math.abs(gd.residual()) <= spec.tol()) {
                period = 1;
            } else {
                m[j] = gd.product();
                l[j] = gd.norm();
                if (!gd.step()) {
                    period = 0;
                }
            }
        }
        if (period < 0) {
            period = Periodicity.period(m, l);
        }
        return new int[] {Periodicity.classOf(period).ordinal(), spec.maxSteps(), period};
    }

    /**
     * Certifies every boundary cell and {@code sample} random other cells.
     *
     * @param threads  threads to use
     * @param progress receives one unit per checked cell (may be null)
     */
    public static Report certify(PhaseSpec spec, PhaseMap map, int sample, int digits, int threads,
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
        Check[] checks = new Check[list.length];
        TileExecutor.run(list.length, threads, () -> t -> {
            int c = list[t];
            int ix = c % map.nx();
            int iy = c / map.nx();
            int[] d = decimalCell(spec, ix, iy, digits);
            checks[t] = new Check(ix, iy, boundary[c], map.cls()[c], map.steps()[c], map.period()[c], d[0], d[1],
                    d[2]);
            if (progress != null) {
                progress.advance(1);
            }
        }, () -> false);
        return new Report(digits, want, nb, new ArrayList<>(List.of(checks)));
    }
}
