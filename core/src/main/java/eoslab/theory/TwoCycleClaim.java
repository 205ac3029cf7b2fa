package eoslab.theory;

import eoslab.dynamics.Outcome;
import eoslab.landscape.BalancedMap;
import eoslab.model.shallow.ShallowState;
import java.util.List;

/**
 * Beyond 1/|Φ|, GD settles on the balanced 2-cycle of the cubic map (models.md §1.2): for 1 &lt; c = η|Φ| &lt; √5 − 1
 * every bounded run ends on z± = [(1 + c) ± √((1 + c)² − 4)]/2 with its imbalance gone.
 */
public final class TwoCycleClaim implements RunClaim {
    /** How close to the cycle the last two iterates must be, relative to z₊ (and Q relative to λ). */
    public static final double RESOLUTION = 1e-6;
    /** Below this many e-foldings of the approach within the budget, a run that is not yet there is inconclusive. */
    public static final double E_FOLDINGS = 30;

    @Override
    public String id() {
        return "cycle";
    }

    @Override
    public String title() {
        return "For 1 < η|Φ| < √5 − 1 GD ends on the balanced 2-cycle z± of the cubic map";
    }

    @Override
    public String statement() {
        return "With c = η|Φ| and z = ηm·sign(Φ): if 1 < c < √5 − 1 and GD stays bounded, it converges to the 2-cycle "
                + "z± = [(1 + c) ± √((1 + c)² − 4)]/2 of the balanced map z ↦ z(1 + c − z)² (z₊z₋ = 1, multiplier "
                + "9 − 2(1 + c)²), and its imbalance vanishes (Q is multiplied by |3 − 2c| < 1 per period near the "
                + "cycle). Judged at the step budget: the last iterate and the next lie within " + RESOLUTION
                + "·z₊ of z₋ and z₊, and Q ≤ " + RESOLUTION + "·λ. A run whose slower rate (the cycle's multiplier or "
                + "the imbalance factor) allows fewer than " + (int) E_FOLDINGS + " e-foldings within the budget "
                + "and is not yet there is inconclusive (near the ends of the window). Margin: 1 − (distance to the "
                + "cycle)/(" + RESOLUTION + "·z₊).";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("1 < η|Φ| < √5 − 1", "GD stays bounded (does not diverge)",
                "not balanced opposite the target (Q0 = 0, Φm0 ≤ 0)");
    }

    @Override
    public Judgement judge(CaseRun run) {
        double phi = run.phi();
        double eta = run.eta();
        double c = eta * Math.abs(phi);
        if (phi == 0 || !(c > 1) || !(c < BalancedMap.TWO_CYCLE_STABLE_END)
                || run.result().outcome() == Outcome.DIVERGED
                || (run.imbalance0() == 0 && phi * run.landmarks().product0() <= 0)) {
            return Judgement.notApplicable();
        }
        if (run.converged()) {
            return Judgement.of(false, -1.0, run.command());
        }
        BalancedMap map = new BalancedMap(c);
        double[] cycle = map.twoCycle();
        ShallowState last = run.result().last();
        double sign = Math.signum(phi);
        double z = eta * last.product() * sign;
        double eps = last.residual();
        double nextEps = eps * (1 - eta * last.norm() + eta * eta * eps * last.product());
        double zNext = eta * (phi + nextEps) * sign;
        double gap = Math.min(Math.max(Math.abs(z - cycle[0]), Math.abs(zNext - cycle[1])),
                Math.max(Math.abs(z - cycle[1]), Math.abs(zNext - cycle[0])));
        double scale = RESOLUTION * cycle[1];
        double margin = Math.min(1 - gap / scale, 1 - last.imbalance() / (RESOLUTION * last.norm()));
        if (margin >= 0) {
            return Judgement.of(true, margin, null);
        }
        double rate = Math.min(-Math.log(Math.abs(map.twoCycleMultiplier())),
                -Math.log(Math.abs(map.imbalanceFactorPerCycle())));
        if (run.result().steps() / 2.0 * rate < E_FOLDINGS) {
            return Judgement.inconclusive();
        }
        return Judgement.of(false, margin, run.command());
    }
}
