package eoslab.sweep;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.landscape.Superstable;
import eoslab.measure.Orbit;
import eoslab.measure.SuperstablePoint;
import eoslab.method.GradientDescent;
import eoslab.model.shallow.ReducedPoint;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The superstable parameters of the period-doubling cascade, found on the GD dynamics of a bifurcation scan
 * (models.md §1.2). A 2ⁿ-cycle is superstable where its multiplier along the balanced direction passes through 0;
 * since the transverse multiplier does not vanish there, the signed product D(η) = Π det J(x_t) of the Jacobians of
 * the 2-variable map over one period changes sign at that step size. For each n = 1 … {@link #MAX_ORDER}, the search
 * takes the first two neighbouring step sizes of the scan (in increasing η, above the previous order's point) whose
 * orbits are periodic with period 2ⁿ and whose D differ in sign, and bisects between them on the real GD orbit from the
 * scan's start (the transient, then one period) until the bracket is two adjacent doubles. The found steps give
 * c_n = η_n|Φ|, compared with the exact values of {@link Superstable#parameters}, and the Feigenbaum ratios
 * (c_n − c_{n−1})/(c_{n+1} − c_n) of consecutive found parameters. A 2ⁿ window narrower than the scan's spacing is
 * not resolved (a finer scan over it finds it).
 */
public final class SuperstableSearch {
    /** The highest order searched: periods 2 … 2⁵ = 32. */
    public static final int MAX_ORDER = 5;

    private SuperstableSearch() {
    }

    /**
     * Searches a scan: one orbit per step size of the grid, in increasing η, all from one start.
     *
     * @param discard the transient of the scan (also used by the bisection)
     */
    public static List<SuperstablePoint> find(ParameterGrid grid, ResolvedStart start, Orbit[] orbits, int discard) {
        double[] exact = Superstable.parameters(MAX_ORDER);
        List<SuperstablePoint> out = new ArrayList<>();
        double phi = start.phi();
        double after = 0;
        for (int n = 1; n <= MAX_ORDER; n++) {
            if (phi == 0) {
                out.add(new SuperstablePoint(n, null, null, exact[n], "Φ = 0: no period-doubling cascade"));
                continue;
            }
            int period = 1 << n;
            Double found = null;
            String note = "not resolved: no two neighbouring step sizes of period " + period
                    + " with a sign change of the period's Jacobian determinant";
            for (int i = 0; i + 1 < orbits.length && found == null; i++) {
                if (orbits[i].eta() <= after || !hasPeriod(orbits[i], period) || !hasPeriod(orbits[i + 1], period)) {
                    continue;
                }
                RunSpec template = grid.at(i);
                double lo = orbits[i].eta();
                double hi = orbits[i + 1].eta();
                int sLo = sign(template, start, lo, discard, period);
                int sHi = sign(template, start, hi, discard, period);
                if (sLo * sHi < 0) {
                    found = bisect(template, start, lo, hi, sLo, discard, period);
                    note = "bisected between η = " + lo + " and " + hi + " on the GD orbit";
                }
            }
            if (found != null) {
                after = found;
                out.add(new SuperstablePoint(n, found, found * Math.abs(phi), exact[n], note));
            } else {
                out.add(new SuperstablePoint(n, null, null, exact[n], note));
            }
        }
        return out;
    }

    /**
     * The Feigenbaum ratios (c_{n} − c_{n−1})/(c_{n+1} − c_n) of consecutive found orders (n − 1, n, n + 1 all
     * found), in increasing n; the last is the best estimate of δ.
     */
    public static List<Double> ratios(List<SuperstablePoint> found) {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k + 1 < found.size(); k++) {
            Double a = found.get(k - 1).c();
            Double b = found.get(k).c();
            Double c = found.get(k + 1).c();
            if (a != null && b != null && c != null) {
                out.add((b - a) / (c - b));
            }
        }
        return out;
    }

    private static boolean hasPeriod(Orbit o, int period) {
        return o.status() == CellClass.PERIODIC && o.period() == period;
    }

    private static double bisect(RunSpec template, ResolvedStart start, double lo, double hi, int sLo, int discard,
                                 int period) {
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return lo;
            }
            int s = sign(template, start, mid, discard, period);
            if (s == 0) {
                return mid;
            }
            if (s == sLo) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    /** The sign of D(η) = Π det J over one period after the transient, on GD from the scan's start with step η. */
    private static int sign(RunSpec template, ResolvedStart start, double eta, int discard, int period) {
        ResolvedRun run = Runs.resolve(template.withEta(new EtaSpec.Absolute(eta)), start);
        ReducedGd gd = ReducedGd.from(run.model(), (GradientDescent) run.method(), run.start());
        for (int k = 0; k < discard; k++) {
            if (!gd.step()) {
                return 0;
            }
        }
        int sign = 1;
        for (int t = 0; t < period; t++) {
            ReducedPoint r = gd.reduced();
            double[] j = Lyapunov.jacobian(run.phi(), run.eta(), r.p(), r.q());
            double det = j[0] * j[3] - j[1] * j[2];
            if (det == 0) {
                return 0;
            }
            sign *= det < 0 ? -1 : 1;
            if (!gd.step()) {
                return 0;
            }
        }
        return sign;
    }
}
