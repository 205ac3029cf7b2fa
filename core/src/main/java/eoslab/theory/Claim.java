package eoslab.theory;

import java.util.List;

/**
 * One finding of docs/claims.md in eoslab's checkable form: hypotheses and a conclusion, judged case by case on exact GD
 * runs. A claim judges either single runs ({@link RunClaim}), the runs of one start across step sizes
 * ({@link SweepClaim}), runs of its own design from the grid's targets ({@link ExperimentClaim}), or pairs of runs of
 * one case with two schedules ({@link PairClaim}).
 */
public sealed interface Claim permits RunClaim, SweepClaim, ExperimentClaim, PairClaim {
    /** Short identifier ("1" … "5", "gfs", "boundary", …). */
    String id();

    /** One-line title. */
    String title();

    /** The precise statement: hypotheses ⇒ conclusion, with every formula. */
    String statement();

    /** The hypotheses, each checkable on a case. */
    List<String> hypotheses();

    /**
     * The rounding allowance of the margin: a case whose margin is negative but at least −allowance held, the
     * shortfall being the rounding of the quantities the margin is made of (0: every held case has margin ≥ 0).
     */
    default double roundingAllowance() {
        return 0.0;
    }

    /** The claims that {@code eoslab check} evaluates, in order. */
    static List<Claim> all() {
        return List.of(new LinearRateClaim(), new EdgeConvergenceClaim(), new FlatterClaim(), new TradeOffClaim(),
                new MonotoneStepClaim(), new GfsMonotoneClaim(), new BoundaryClaim(), new TwoCycleClaim(),
                new CriticalSlowingClaim(), new KreislerClaim());
    }

    /** The three claims that {@code eoslab check --method …} evaluates for a method and a warm-up, in order. */
    static List<Claim> forMethods() {
        return List.of(new MethodFlatterClaim(), new MethodEdgeClaim(), new WarmupClaim());
    }
}
