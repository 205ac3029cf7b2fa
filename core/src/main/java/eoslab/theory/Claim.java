package eoslab.theory;

import java.util.List;

/**
 * One finding of docs/claims.md in eoslab's checkable form: hypotheses and a conclusion, judged case by case on exact GD
 * runs. A claim judges either single runs ({@link RunClaim}), the runs of one start across step sizes
 * ({@link SweepClaim}), or pairs of runs of one case with two schedules ({@link PairClaim}).
 */
public sealed interface Claim permits RunClaim, SweepClaim, PairClaim {
    /** Short identifier ("1" … "5", "gfs"). */
    String id();

    /** One-line title. */
    String title();

    /** The precise statement: hypotheses ⇒ conclusion, with every formula. */
    String statement();

    /** The hypotheses, each checkable on a case. */
    List<String> hypotheses();

    /** The six claims that {@code eoslab check} evaluates, in order. */
    static List<Claim> all() {
        return List.of(new LinearRateClaim(), new EdgeConvergenceClaim(), new FlatterClaim(), new TradeOffClaim(),
                new MonotoneStepClaim(), new GfsMonotoneClaim());
    }

    /** The three claims that {@code eoslab check --method …} evaluates for a method and a warm-up, in order. */
    static List<Claim> forMethods() {
        return List.of(new MethodFlatterClaim(), new MethodEdgeClaim(), new WarmupClaim());
    }
}
