package eoslab.cli;

import eoslab.io.OutputSet;
import eoslab.service.CompareService;
import eoslab.service.ResolvedRun;
import eoslab.service.Runs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code eoslab compare}: GD against exact GF on one clock (GD step k ↔ GF time ηk). */
@Command(name = "compare", mixinStandardHelpOptions = true, header = "GD against GF on one clock (step k <-> time ηk).", sortOptions = false,
        description = {"Gradient descent against gradient flow from the same start, on one clock (step k <-> t = ηk).",
                "Reports both summaries, the regularization gain 1 − λ∞(GD)/λ_GF, the first step where GD's sharpness",
                "exceeds 2/η (the method's edge 2κ/η), and the largest distance between the two trajectories' (ε, λ).",
                "With momentum β the clock is t = ηk/(1 − β) (with a schedule, Σ_{j<k} η_j/(1 − β)): the small-step",
                "limit of heavy ball and Nesterov is GF on that clock (docs/models.md §2).",
                "--out writes both series aligned on time: step,time,gd_*,gf_* (loss, residual, product, norm, imbalance,",
                "sharpness, gf_sharpness)."})
final class CompareCommand extends BaseCommand {
    private static final List<String> TABLE_KEYS = List.of("outcome", "steps", "time_to_tol", "loss", "residual",
            "norm", "imbalance", "sharpness", "gf_sharpness", "max_loss", "regime");

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        ResolvedRun resolved = Runs.resolve(run.spec());
        warnTolerance(resolved);
        Map<String, Object> cmp;
        try (OutputSet set = run.outputs()) {
            if (set == null) {
                cmp = CompareService.compare(resolved, null, run.every);
            } else {
                Map<String, Object> parameters = resolved.parameters();
                parameters.put("every", run.every);
                cmp = writeResult(set, run.outFile, parameters, resolved.spec().describe(),
                        w -> CompareService.compare(resolved, w, run.every));
                set.commit();
            }
        }
        if (run.json) {
            print(cmp, true);
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> gd = (Map<String, Object>) cmp.get("gd");
            @SuppressWarnings("unchecked")
            Map<String, Object> gf = (Map<String, Object>) cmp.get("gf");
            out().println(Table.columns(TABLE_KEYS, List.of("GD", "GF (exact)"), List.of(gd, gf)));
            Map<String, Object> rest = new LinkedHashMap<>(cmp);
            rest.remove("gd");
            rest.remove("gf");
            rest.put("eta", resolved.eta());
            rest.put("eta_rel", gd.get("eta_rel"));
            rest.put("eta_crit", gd.get("eta_crit"));
            rest.put("eta_critical", gd.get("eta_critical"));
            rest.put("critical_bound", gd.get("critical_bound"));
            out().println();
            print(rest, false);
        }
        return 0;
    }
}
