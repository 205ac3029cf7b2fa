package eoslab.theory;

import java.util.List;
import java.util.Locale;

/**
 * Where the failures of a network claim lie: stable throughout (ηS₀ &lt; 2 and ηλ_GF &lt; 2, S₀ the sharpness at the
 * start), a sharp start with a stable GF solution (ηλ_GF &lt; 2 ≤ ηS₀), or at the edge (ηλ_GF ≥ 2).
 */
final class Regimes {
    private Regimes() {
    }

    /** "failures: N stable (ηS₀ < 2, ηλ_GF < 2), M with a sharp start (ηλ_GF < 2 ≤ ηS₀), K at the edge (ηλ_GF ≥ 2)". */
    static String failures(List<ModelCaseRun> runs, List<Judgement> judgements) {
        long stable = 0;
        long sharpStart = 0;
        long edge = 0;
        for (int i = 0; i < runs.size(); i++) {
            if (judgements.get(i).status() != Judgement.Status.FAILED) {
                continue;
            }
            ModelCaseRun r = runs.get(i);
            if (r.gfs() == null || r.eta() * r.gfs().value() >= 2) {
                edge++;
            } else if (r.eta() * r.report().sharpness().initial().value() >= 2) {
                sharpStart++;
            } else {
                stable++;
            }
        }
        return String.format(Locale.ROOT, "failures: %d stable (ηS₀ < 2, ηλ_GF < 2), %d with a sharp start "
                + "(ηλ_GF < 2 ≤ ηS₀), %d at the edge (ηλ_GF ≥ 2)", stable, sharpStart, edge);
    }
}
