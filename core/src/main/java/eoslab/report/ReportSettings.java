package eoslab.report;

import eoslab.dynamics.StopRule;
import eoslab.plot.FigureSize;
import eoslab.spec.ProblemSpec;
import eoslab.spec.StartSpec;
import eoslab.theory.CheckGrid;

/**
 * The parameters of a report: the starts, step sizes and grid densities of every figure.
 *
 * @param quick         coarser grids (same figures)
 * @param sweepCount    step sizes of the η sweep behind F2, F3 and F6
 * @param catapultCount step sizes of the catapult sweep F7
 * @param checkEtaCount relative steps per start of the claim check
 * @param boundaryCells cells per side of the phase map F8
 * @param ladderColumns step sizes of the bifurcation ladder F9
 * @param ladderTransient steps discarded per column of F9
 * @param ladderKeep    iterates kept per column of F9
 * @param slowingSteps  steps of the run at η|Φ| = 1 in F10
 * @param threads       worker threads
 * @param size          figure size and PNG resolution
 */
public record ReportSettings(boolean quick, int sweepCount, int catapultCount, int checkEtaCount, int boundaryCells,
                             int ladderColumns, int ladderTransient, int ladderKeep, long slowingSteps, int threads,
                             FigureSize size) {
    /** Start of F1, F2, F3, F5, F6: Φ = 1, aᵀb = 0.1, ‖a‖² + ‖b‖² = 3 (λ_GF = 3.6). */
    public static final ProblemSpec MAIN = ProblemSpec.of(1.0, new StartSpec.Canonical(0.1, 3.0));
    /** Start of F4: Φ = 1, aᵀb = 0.95, ‖a‖² + ‖b‖² = 3: close to a GF minimum of sharpness λ_GF ≈ 3.064. */
    public static final ProblemSpec EDGE = ProblemSpec.of(1.0, new StartSpec.Canonical(0.95, 3.0));
    /** Start of F7: Φ = 0, aᵀb = 0.1, ‖a‖² + ‖b‖² = 1. */
    public static final ProblemSpec CATAPULT = ProblemSpec.of(0.0, new StartSpec.Canonical(0.1, 1.0));
    /** Relative steps of F1 and F5 (stable, edge); the third is η = {@value #NEAR_BEYOND}/|Φ|. */
    public static final double[] TRAJECTORY_ETA_RELS = {0.5, 1.3};
    /** The third F1/F5 step as a multiple of 1/|Φ|. */
    public static final double NEAR_BEYOND = 0.97;
    /** Relative step of F4. */
    public static final double EDGE_ETA_REL = 1.05;
    /** The η sweep: from this multiple of 1/|Φ| … */
    public static final double SWEEP_MIN = 0.004;
    /** … to this one (past 1/|Φ|, to show the beyond regime). */
    public static final double SWEEP_MAX = 1.15;
    /** The catapult sweep covers ηλ₀ from this … */
    public static final double CATAPULT_MIN = 0.02;
    /** … to this. */
    public static final double CATAPULT_MAX = 4.5;
    /** Stop rule of every GD run of the report. */
    public static final StopRule RULE = new StopRule(100_000, 1e-12);

    /** The default or the quick settings, figures of the default size. */
    public static ReportSettings of(boolean quick, int threads) {
        return of(quick, threads, FigureSize.DEFAULT);
    }

    /** The default or the quick settings. */
    public static ReportSettings of(boolean quick, int threads, FigureSize size) {
        return quick ? new ReportSettings(true, 300, 200, 60, 96, 200, 1000, 64, 100_000, threads, size)
                : new ReportSettings(false, 3000, 1000, CheckGrid.DEFAULT_ETA_COUNT, 200, 400, 3000, 80, 1_000_000,
                threads, size);
    }
}
