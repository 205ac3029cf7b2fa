package eoslab.theory;

import eoslab.model.shallow.Regime;
import java.util.List;
import java.util.Locale;

/**
 * How the decided cases of a claim split over the method's regimes (docs/models.md §2): "held/decided" per regime, for
 * the notes of the method claims.
 */
final class RegimeTally {
    private RegimeTally() {
    }

    /** "held H of D in the stable regime, … in the edge regime, …" over the decided judgements of the given runs. */
    static String of(List<CaseRun> runs, List<Judgement> judgements) {
        int n = Regime.values().length;
        long[] held = new long[n];
        long[] decided = new long[n];
        for (int i = 0; i < runs.size(); i++) {
            Judgement.Status s = judgements.get(i).status();
            if (s != Judgement.Status.HELD && s != Judgement.Status.FAILED) {
                continue;
            }
            CaseRun r = runs.get(i);
            int regime = r.landmarks().regime(r.eta(), r.run().method().edgeFactor()).ordinal();
            decided[regime]++;
            if (s == Judgement.Status.HELD) {
                held[regime]++;
            }
        }
        long total = 0;
        for (long d : decided) {
            total += d;
        }
        if (total == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder("held");
        String sep = " ";
        for (Regime g : Regime.values()) {
            if (decided[g.ordinal()] > 0) {
                sb.append(sep).append(String.format(Locale.ROOT, "%d of %d in the %s regime", held[g.ordinal()],
                        decided[g.ordinal()], g.label()));
                sep = ", ";
            }
        }
        return sb.append(" (regimes of the method's edge 2κ/η)").toString();
    }
}
