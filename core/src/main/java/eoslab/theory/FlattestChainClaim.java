package eoslab.theory;

import eoslab.model.linear.DeepLinearModel;
import eoslab.model.linear.ScalarChain;
import eoslab.sharpness.DenseSharpness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Claim (d): the depth-D scalar chain's flattest minimum has sharpness D·|Φ|^{2−2/D}. */
public final class FlattestChainClaim implements ModelClaim {
    @Override
    public String id() {
        return "d";
    }

    @Override
    public String title() {
        return "the scalar chain's flattest minimum has sharpness D·|Φ|^(2−2/D)";
    }

    @Override
    public String statement() {
        return "For the depth-D scalar chain f = w_1⋯w_D on target Φ ≠ 0, every global minimum has sharpness "
                + "Φ²Σ1/w_i² ≥ D·|Φ|^(2−2/D) (AM–GM), with equality exactly at the balanced minima |w_i| = |Φ|^(1/D) "
                + "(docs/models.md §3): both GD's converged limit and GF's limit λ_GF are at least D·|Φ|^(2−2/D) (up to "
                + "error bars and a relative " + FlatterLimitClaim.SLACK + "). Margin: min(S∞, λ_GF)/(D|Φ|^(2−2/D)) − 1; "
                + "the note gives the dense sharpness at the balanced minimum.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("the model is a scalar chain (all widths 1, scalar target Φ ≠ 0)", "GD converges",
                "λ_GF known");
    }

    @Override
    public Judgement judge(ModelCaseRun run) {
        ScalarChain chain = run.chain();
        if (chain == null || chain.phi() == 0 || !run.converged() || run.gfs() == null) {
            return Judgement.notApplicable();
        }
        double flattest = chain.flattestSharpness();
        double s = run.limit().value();
        double gf = run.gfs().value();
        double slack = FlatterLimitClaim.SLACK * flattest;
        boolean held = s >= flattest - run.limit().errorBound(0) - slack
                && gf >= flattest - run.gfs().errorBound() - slack;
        return Judgement.of(held, Math.min(s, gf) / flattest - 1, run.command());
    }

    @Override
    public String note(List<ModelCaseRun> runs, List<Judgement> judgements) {
        Map<String, double[]> seen = new LinkedHashMap<>();
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < runs.size(); i++) {
            ScalarChain chain = runs.get(i).chain();
            if (chain == null || chain.phi() == 0) {
                continue;
            }
            if (!Double.isNaN(judgements.get(i).margin())) {
                closest = Math.min(closest, judgements.get(i).margin());
            }
            String key = chain.depth() + "," + chain.phi();
            if (!seen.containsKey(key)) {
                DeepLinearModel m = chain.model();
                double dense = new DenseSharpness().estimate(m, chain.flattestMinimum()).value();
                seen.put(key, new double[] {chain.depth(), chain.phi(), dense, chain.flattestSharpness()});
            }
        }
        if (seen.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("at the balanced minimum |w_i| = |Φ|^(1/D), dense sharpness vs "
                + "D·|Φ|^(2−2/D):");
        for (double[] v : seen.values()) {
            sb.append(String.format(Locale.ROOT, " D=%d Φ=%s: %.15g vs %.15g;", (int) v[0], v[1], v[2], v[3]));
        }
        if (Double.isFinite(closest)) {
            sb.append(String.format(Locale.ROOT, " closest converged case: %.3g above", closest));
        }
        return sb.toString();
    }
}
