package eoslab.plot;

import eoslab.landscape.BalancedMap;
import eoslab.landscape.Superstable;
import eoslab.measure.Orbit;
import eoslab.model.shallow.Landmarks;
import java.util.ArrayList;
import java.util.List;

/**
 * The drawing of a bifurcation diagram: the kept iterates against the step, the closed-form 2-cycle of the balanced
 * map (solid where stable, 1 &lt; η|Φ| &lt; √5 − 1, dashed beyond), the superstable parameters c₁ … c₅ where the
 * cycle of period 2ⁿ passes through the critical point, the landmarks 2/λ_GF, 1/|Φ| and √5 − 1, steps where GD
 * diverged shaded, and under it a panel with the largest Lyapunov exponent λ₁. The x axis spans exactly the range
 * asked for.
 */
public final class BifurcationChart {
    /** Superstable parameters marked: c₁ … c_{MAX_ORDER}. */
    public static final int MAX_ORDER = 5;

    private BifurcationChart() {
    }

    /**
     * The diagram on an absolute (η) or relative (η·λ_GF/2) step axis: {@link #of(double[], double, double, boolean,
     * String, Orbit[], Orbit.Observed, Landmarks)} with the axis {@code eta} or {@code eta-rel}.
     */
    public static Panels of(double[] xs, double lo, double hi, boolean log, boolean relative, Orbit[] orbits,
                            Orbit.Observed what, Landmarks l) {
        return of(xs, lo, hi, log, relative ? "eta-rel" : "eta", orbits, what, l);
    }

    /**
     * The diagram.
     *
     * @param xs       the x value of each column (η, η·λ_GF/2 or η/η*, by the axis)
     * @param lo       left end of the x range asked for
     * @param hi       right end
     * @param log      logarithmic x axis
     * @param axis     the step axis: {@code eta}, {@code eta-rel} (x = η·λ_GF/2) or {@code eta-crit} (x = η/η*)
     * @param orbits   one per column
     * @param what     the observed quantity
     * @param l        the start's landmarks
     */
    public static Panels of(double[] xs, double lo, double hi, boolean log, String axis, Orbit[] orbits,
                            Orbit.Observed what, Landmarks l) {
        double phi = l.phi();
        boolean relative = axis.equals("eta-rel");
        boolean critical = axis.equals("eta-crit");
        double scale = relative ? l.gfSharpness() / 2 : critical ? 1 / l.criticalEta() : 1;
        String xLabel = relative ? "relative step $ηλ_{GF}/2$" : critical ? "step relative to the boundary $η/η^*$"
                : "step size $η$";
        String yLabel = what == Orbit.Observed.RESIDUAL ? "residual $ε = a^⊤b − Φ$" : "norm $λ = ‖a‖^2 + ‖b‖^2$";
        Chart.Builder top = Chart.builder().xAxis(xLabel, log, Math.min(lo, hi), Math.max(lo, hi)).yAxis(yLabel, false);
        Chart.Builder bottom = Chart.builder().xAxis(xLabel, log, Math.min(lo, hi), Math.max(lo, hi))
                .yAxis("Lyapunov $λ_1$", false);
        divergenceBands(xs, orbits, top, bottom, "GD diverges");
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < orbits.length; i++) {
            for (double v : orbits[i].values()) {
                pts.add(new double[] {xs[i], v});
            }
        }
        top.dots("attractor (kept iterates)", col(pts, 0), col(pts, 1), 0);
        if (phi != 0) {
            twoCycle(top, phi, scale, Math.min(lo, hi), Math.max(lo, hi), what);
            superstable(top, phi, scale, Math.min(lo, hi), Math.max(lo, hi), what);
        }
        double[] lyap = new double[orbits.length];
        for (int i = 0; i < orbits.length; i++) {
            lyap[i] = orbits[i].diverged() ? Double.NaN : orbits[i].lyapunov();
        }
        bottom.line("largest Lyapunov exponent $λ_1$", xs, lyap, 0).hline(0, "");
        for (Chart.Builder b : List.of(top, bottom)) {
            double edge = relative ? 1.0 : scale * l.edgeEta();
            if (inside(edge, lo, hi)) {
                b.vline(edge, b == top ? "$2/λ_{GF}$" : "");
            }
            if (phi != 0) {
                double beyond = scale / Math.abs(phi);
                if (inside(beyond, lo, hi)) {
                    b.vline(beyond, b == top ? "$1/|Φ|$" : "");
                }
                double end = scale * BalancedMap.TWO_CYCLE_STABLE_END / Math.abs(phi);
                if (inside(end, lo, hi)) {
                    b.vline(end, b == top ? "$η|Φ| = \\sqrt{5} − 1$" : "");
                }
            }
        }
        if (phi != 0 && inside(scale * 2 / Math.abs(phi), lo, hi)) {
            bottom.hlineLabelLeft(Math.log(3), "$\\ln 3$, the exponent at $η|Φ| = 2$");
        }
        return Panels.stack(List.of(top.build(), bottom.build()), 2.6, 1);
    }

    private static boolean inside(double v, double lo, double hi) {
        return Double.isFinite(v) && v >= Math.min(lo, hi) && v <= Math.max(lo, hi);
    }

    /** Shades every run of consecutive diverged columns, half a column beyond its ends. */
    static void divergenceBands(double[] xs, Orbit[] orbits, Chart.Builder top, Chart.Builder bottom,
                                String name) {
        int i = 0;
        boolean labelled = false;
        while (i < orbits.length) {
            if (!orbits[i].diverged()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < orbits.length && orbits[j + 1].diverged()) {
                j++;
            }
            double left = i > 0 ? 0.5 * (xs[i - 1] + xs[i]) : xs[i];
            double right = j + 1 < orbits.length ? 0.5 * (xs[j] + xs[j + 1]) : xs[j];
            String label = labelled ? "" : name;
            top.band(left, right, label, 2);
            bottom.band(left, right, "", 2);
            labelled = true;
            i = j + 1;
        }
    }

    /** The observed value of the balanced state with z = η·|m| on the branch that reaches Φ. */
    private static double observed(double z, double eta, double phi, Orbit.Observed what) {
        double m = Math.signum(phi) * z / eta;
        return what == Orbit.Observed.RESIDUAL ? m - phi : 2 * Math.abs(m);
    }

    private static void twoCycle(Chart.Builder b, double phi, double scale, double lo, double hi,
                                 Orbit.Observed what) {
        double cEnd = BalancedMap.TWO_CYCLE_STABLE_END;
        double cMax = hi * Math.abs(phi) / scale;
        double cMin = Math.max(1, lo * Math.abs(phi) / scale);
        if (cMax <= cMin) {
            return;
        }
        int n = 400;
        double[][] stable = new double[3][n];
        double[][] unstable = new double[3][n];
        for (int i = 0; i < n; i++) {
            double cs = cMin + (Math.min(cEnd, cMax) - cMin) * i / (n - 1);
            double cu = Math.max(cEnd, cMin) + (cMax - Math.max(cEnd, cMin)) * i / (n - 1);
            fill(stable, i, cs, phi, scale, what, cs <= cEnd);
            fill(unstable, i, cu, phi, scale, what, cMax > cEnd);
        }
        String name = "closed-form 2-cycle $ε_±$" + (what == Orbit.Observed.NORM ? " (as $λ = 2|m|$)" : "");
        // one polyline per branch, joined through a break (NaN) so that one legend entry covers both
        b.line(name, join(stable[0], stable[0]), join(stable[1], stable[2]), 1);
        if (cMax > cEnd) {
            b.line("2-cycle, unstable", join(unstable[0], unstable[0]), join(unstable[1], unstable[2]), 7);
        }
    }

    private static void fill(double[][] out, int i, double c, double phi, double scale, Orbit.Observed what,
                             boolean ok) {
        double eta = c / Math.abs(phi);
        out[0][i] = eta * scale;
        if (!ok || c < 1) {
            out[1][i] = Double.NaN;
            out[2][i] = Double.NaN;
            return;
        }
        double[] z = new BalancedMap(c).twoCycle();
        out[1][i] = observed(z[0], eta, phi, what);
        out[2][i] = observed(z[1], eta, phi, what);
    }

    private static double[] join(double[] a, double[] b) {
        double[] out = new double[a.length + b.length + 1];
        System.arraycopy(a, 0, out, 0, a.length);
        out[a.length] = Double.NaN;
        System.arraycopy(b, 0, out, a.length + 1, b.length);
        return out;
    }

    private static void superstable(Chart.Builder b, double phi, double scale, double lo, double hi,
                                    Orbit.Observed what) {
        double[] c = Superstable.parameters(MAX_ORDER);
        List<double[]> pts = new ArrayList<>();
        for (int n = 1; n <= MAX_ORDER; n++) {
            double eta = c[n] / Math.abs(phi);
            double x = eta * scale;
            if (x < lo || x > hi) {
                continue;
            }
            double y = observed(new BalancedMap(c[n]).criticalPoint(), eta, phi, what);
            pts.add(new double[] {x, y});
            if (n <= 2) {
                b.note(x, y, "$c_" + n + "$");
            }
        }
        if (!pts.isEmpty()) {
            b.markers("superstable $c_n$: period $2^n$ through the critical point", col(pts, 0), col(pts, 1), 3);
        }
    }

    private static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }
}
