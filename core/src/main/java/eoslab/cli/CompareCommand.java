package eoslab.cli;

import eoslab.io.OutputSet;
import eoslab.service.CompareService;
import eoslab.service.ModelCompareService;
import eoslab.service.ModelRun;
import eoslab.service.ModelRuns;
import eoslab.service.ResolvedRun;
import eoslab.service.Runs;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
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
                "sharpness, gf_sharpness).",
                "For --model linear|diagonal: GF is integrated by DP853, GD's sharpness is sampled every "
                        + "--sharpness-every steps (default 1), the distance is between the end-to-end maps "
                        + "(W_D⋯W_1, or β = u⊙u − v⊙v) at every step, and --out writes step,time,gd_loss,gd_residual,"
                        + "gd_norm,gd_imbalance,gd_sharpness,gf_loss,gf_residual,gf_norm,gf_imbalance,distance."})
final class CompareCommand extends BaseCommand {
    private static final List<String> TABLE_KEYS = List.of("outcome", "steps", "time_to_tol", "loss", "residual",
            "norm", "imbalance", "sharpness", "gf_sharpness", "max_loss", "regime");
    private static final List<String> NETWORK_KEYS = List.of("outcome", "steps", "time_to_tol", "loss", "min_loss",
            "residual", "norm", "imbalance", "sharpness", "sharpness_residual", "gfs_sharpness", "max_loss", "regime");

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        RunSpec spec = run.spec(1);
        if (run.saveTheta != null || run.saveStart != null) {
            throw new UsageException("compare writes no parameters: use run --save-theta/--save-start");
        }
        if (!(spec.model() instanceof ModelSpec.Shallow)) {
            return network(spec);
        }
        ResolvedRun resolved = Runs.resolve(spec);
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
        print(cmp, TABLE_KEYS, "GF (exact)", resolved.eta(), SHALLOW_STEP_KEYS);
        return 0;
    }

    private int network(RunSpec spec) {
        Map<String, Object> cmp;
        try (OutputSet set = run.outputs()) {
            ModelRun resolved = ModelRuns.resolve(spec);
            warnTolerance(resolved);
            if (set == null) {
                cmp = ModelCompareService.compare(resolved, null, run.every);
            } else {
                Map<String, Object> parameters = resolved.parameters();
                parameters.put("every", run.every);
                cmp = writeResult(set, run.outFile, parameters, spec.describe(),
                        w -> ModelCompareService.compare(resolved, w, run.every));
                set.commit();
            }
            print(cmp, NETWORK_KEYS, "GF (DP853)", resolved.eta(), List.of());
        }
        return 0;
    }

    /** GD's keys of the shallow model's step printed below its table: the exact convergence boundary. */
    private static final List<String> SHALLOW_STEP_KEYS = List.of("eta_crit", "eta_critical", "critical_bound");

    private void print(Map<String, Object> cmp, List<String> keys, String gfHeader, double eta, List<String> stepKeys) {
        if (run.json) {
            print(cmp, true);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> gd = (Map<String, Object>) cmp.get("gd");
        @SuppressWarnings("unchecked")
        Map<String, Object> gf = (Map<String, Object>) cmp.get("gf");
        out().println(Table.columns(keys, List.of("GD", gfHeader), List.of(gd, gf)));
        Map<String, Object> rest = new LinkedHashMap<>(cmp);
        rest.remove("gd");
        rest.remove("gf");
        rest.put("eta", eta);
        rest.put("eta_rel", gd.get("eta_rel"));
        for (String key : stepKeys) {
            rest.put(key, gd.get(key));
        }
        out().println();
        print(rest, false);
    }
}
