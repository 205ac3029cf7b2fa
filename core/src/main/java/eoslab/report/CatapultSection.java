package eoslab.report;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.grid.Axis;
import eoslab.model.shallow.ShallowState;
import eoslab.plot.Chart;
import eoslab.plot.Panels;
import eoslab.spec.ProblemSpec;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.List;

/** F7: the catapult at Φ = 0: peak loss and final ηλ against ηλ₀. */
final class CatapultSection implements Section {
    @Override
    public Part build(ReportContext context) {
        context.progress("F7 catapult sweep (" + context.settings().catapultCount() + " step sizes)");
        return new Part("catapult", "The catapult", List.of(new Block.FigureBlock(figure(context.settings()))));
    }

    static Figure figure(ReportSettings s) {
        ProblemSpec start = ReportSettings.CATAPULT;
        double lambda0 = ReportRuns.resolve(start).point().norm();
        double m0 = ((StartSpec.Canonical) start.start()).m0();
        double l0 = 0.5 * m0 * m0;
        double[] etas = Axis.linspace(ReportSettings.CATAPULT_MIN / lambda0,
                ReportSettings.CATAPULT_MAX / lambda0, s.catapultCount());
        List<EtaSweep.Point> sweep = EtaSweep.run(start, etas, ReportSettings.RULE, s.threads());
        DataTable data = new DataTable("eta", "eta_lambda0", "outcome", "steps", "max_loss", "final_eta_lambda");
        List<double[]> peak = new ArrayList<>();
        List<double[]> fin = new ArrayList<>();
        int lazy = 0;
        int lazyRose = 0;
        int cat = 0;
        int catConverged = 0;
        double catPeak = 0;
        double catMaxFinal = 0;
        int over = 0;
        int overDiverged = 0;
        for (EtaSweep.Point p : sweep) {
            RunResult<ShallowState> r = p.result();
            double x = p.eta() * lambda0;
            boolean converged = r.outcome() == Outcome.CONVERGED;
            boolean diverged = r.outcome() == Outcome.DIVERGED;
            double finalEl = converged ? p.eta() * r.last().norm() : Double.NaN;
            double maxLoss = diverged ? Double.NaN : r.maxLoss();
            data.add(p.eta(), x, r.outcome().label(), r.endStep(), maxLoss, finalEl);
            if (!diverged) {
                peak.add(new double[] {x, maxLoss});
            }
            if (converged) {
                fin.add(new double[] {x, finalEl});
            }
            if (x < 2) {
                lazy++;
                lazyRose += diverged || maxLoss > l0 ? 1 : 0;
            } else if (x < 4) {
                cat++;
                if (!diverged) {
                    catPeak = Math.max(catPeak, maxLoss);
                }
                if (converged) {
                    catConverged++;
                    catMaxFinal = Math.max(catMaxFinal, finalEl);
                }
            } else if (x > 4) {
                over++;
                overDiverged += diverged ? 1 : 0;
            }
        }
        Chart chart = Chart.builder().xAxis("$ηλ_0$", false).yAxis("peak loss $\\max_t L_t$", true)
                .y2Axis("final $ηλ_∞$", true)
                .markers("peak loss (left; diverged runs omitted)", ReportRuns.col(peak, 0), ReportRuns.col(peak, 1), 0)
                .markersY2("final $ηλ_∞$ of converged runs (right)", ReportRuns.col(fin, 0), ReportRuns.col(fin, 1))
                .vline(2.0, "$ηλ_0 = 2$").vline(4.0, "$ηλ_0 = 4$")
                .build();
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("catapult.F7.shows", "The catapult (Lewkowycz et al. 2020) on the "
                + "zero target, " + ReportRuns.FROM + ", for {n} step sizes with $ηλ_0$ evenly spaced on [{x0}, {x1}]: "
                + "the largest loss along each run and the final $ηλ_∞$ of the runs that converge. Since "
                + "$λ^+ − λ = ηm^2(ηλ − 4)$ and $ε^+ = ε(1 − ηλ + η^2ε^2)$ (docs/model.md §6), the loss can first grow "
                + "only once $ηλ_0 > 2 + η^2m_0^2$."), start).count("n", etas.length)
                .value("x0", ReportSettings.CATAPULT_MIN, 3).value("x1", ReportSettings.CATAPULT_MAX, 3));
        caption.add(Statement.of("catapult.F7.lazy", "Lazy below $ηλ_0 = 2$: in all {n} runs there the loss never "
                + "exceeds its start $L_0$ = {l0}.").count("n", lazy).count("rose", lazyRose).value("l0", l0, 3)
                .asserts("n > 0 and no run rose", v -> v.get("n") > 0 && v.get("rose") == 0));
        caption.add(Statement.of("catapult.F7.catapult", "A catapult for $2 < ηλ_0 < 4$: the loss spikes to up to "
                + "{peak} ({ratio} × $L_0$), and each of the {conv} of {n} runs there that converges ends with "
                + "$ηλ_∞ ≤ 2$ (largest {max}).").value("peak", catPeak, 3).value("l0", l0, 6)
                .derive("ratio", v -> v.get("peak") / v.get("l0"), 2).count("conv", catConverged).count("n", cat)
                .value("max", catMaxFinal, 4)
                .asserts("conv > 0, peak > L0, max ηλ∞ ≤ 2", v -> v.get("conv") > 0 && v.get("peak") > v.get("l0")
                        && v.get("max") <= 2 + 1e-9));
        caption.add(Statement.of("catapult.F7.diverge", "Divergence above $ηλ_0 = 4$: all {n} runs there diverge.")
                .count("n", over).count("diverged", overDiverged)
                .asserts("n > 0 and all diverged", v -> v.get("n") > 0 && v.get("diverged") == v.get("n")));
        return new Figure("F7_catapult", "The catapult at $Φ = 0$", caption, Panels.of(chart), data,
                List.of(ReportRuns.sweep("F7", start, sweep, ReportSettings.RULE)));
    }
}
