package eoslab.plot;

import eoslab.measure.Orbit;
import java.util.ArrayList;
import java.util.List;

/**
 * The drawing of a bifurcation diagram of heavy ball or Nesterov (docs/models.md §2): the kept iterates against the
 * step η or the momentum β, the method's landmarks as vertical lines, the columns where the method diverged shaded,
 * and under it a panel with the largest Lyapunov exponent λ₁ of the 4-variable map. The closed forms that
 * {@link BifurcationChart} draws for gradient descent (the balanced 2-cycle, the superstable ladder) are GD's and are
 * not drawn. The x axis spans exactly the range asked for.
 */
public final class MomentumBifurcationChart {
    private MomentumBifurcationChart() {
    }

    /**
     * A landmark line.
     *
     * @param x     where
     * @param label its label (math markup)
     */
    public record Landmark(double x, String label) {
    }

    /**
     * The diagram.
     *
     * @param xs        the x value of each column
     * @param lo        left end of the x range asked for
     * @param hi        right end
     * @param log       logarithmic x axis
     * @param xLabel    the x axis label (math markup)
     * @param orbits    one per column
     * @param what      the observed quantity
     * @param landmarks the lines to draw (those outside [lo, hi] are left out)
     * @param method    the method's name, for the legend
     */
    public static Panels of(double[] xs, double lo, double hi, boolean log, String xLabel, Orbit[] orbits,
                            Orbit.Observed what, List<Landmark> landmarks, String method) {
        String yLabel = what == Orbit.Observed.RESIDUAL ? "residual $ε = a^⊤b − Φ$" : "norm $λ = ‖a‖^2 + ‖b‖^2$";
        double min = Math.min(lo, hi);
        double max = Math.max(lo, hi);
        Chart.Builder top = Chart.builder().xAxis(xLabel, log, min, max).yAxis(yLabel, false);
        Chart.Builder bottom = Chart.builder().xAxis(xLabel, log, min, max).yAxis("Lyapunov $λ_1$", false);
        BifurcationChart.divergenceBands(xs, orbits, top, bottom, method + " diverges");
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < orbits.length; i++) {
            for (double v : orbits[i].values()) {
                pts.add(new double[] {xs[i], v});
            }
        }
        double[] px = new double[pts.size()];
        double[] py = new double[pts.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = pts.get(i)[0];
            py[i] = pts.get(i)[1];
        }
        top.dots("attractor (kept iterates)", px, py, 0);
        double[] lyap = new double[orbits.length];
        for (int i = 0; i < orbits.length; i++) {
            lyap[i] = orbits[i].diverged() ? Double.NaN : orbits[i].lyapunov();
        }
        bottom.line("largest Lyapunov exponent $λ_1$", xs, lyap, 0).hline(0, "");
        for (Landmark m : landmarks) {
            if (Double.isFinite(m.x()) && m.x() >= min && m.x() <= max) {
                top.vline(m.x(), m.label());
                bottom.vline(m.x(), "");
            }
        }
        return Panels.stack(List.of(top.build(), bottom.build()), 2.6, 1);
    }
}
