package eoslab.sweep;

import eoslab.dynamics.CellClass;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.Landmarks;
import eoslab.plot.PhaseImage.Field;
import java.util.Locale;

/**
 * What the cells of a phase map image show ({@code phase --color}): the outcome, or one continuous per-cell quantity
 * where it applies (other cells are grey).
 */
public enum PhaseColoring {
    /** The outcome: hue by class, lightness by steps or period. */
    OUTCOME,
    /** Steps to converge (converged cells, log scale). */
    STEPS,
    /** The sharpness λ∞ of the minimum reached (converged cells). */
    SHARPNESS,
    /** The regularization gain 1 − λ∞/λ_GF (converged cells). */
    GAIN,
    /** The largest loss along the run (converged and bounded cells, log scale). */
    MAX_LOSS,
    /** The period (periodic cells, log scale). */
    PERIOD;

    /** The name of {@code --color}: outcome, steps, sharpness, gain, max-loss, period. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a label.
     *
     * @throws IllegalArgumentException for an unknown one
     */
    public static PhaseColoring parse(String text) {
        for (PhaseColoring c : values()) {
            if (c.label().equals(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--color must be outcome, steps, sharpness, gain, max-loss or period, got '"
                + text + "'");
    }

    /**
     * The per-cell values to colour, NaN where the quantity does not apply; null for {@link #OUTCOME}.
     *
     * @param rows the landmarks of each row (for the gain's λ_GF)
     */
    public Field field(PhaseMap map, Landmarks[] rows) {
        if (this == OUTCOME) {
            return null;
        }
        int nx = map.nx();
        double[] v = new double[nx * map.ny()];
        for (int c = 0; c < v.length; c++) {
            CellClass cls = CellClass.of(map.cls()[c]);
            boolean converged = cls == CellClass.CONVERGED;
            v[c] = switch (this) {
                case STEPS -> converged ? map.steps()[c] : Double.NaN;
                case SHARPNESS -> converged ? map.sharpness()[c] : Double.NaN;
                case GAIN -> converged ? 1.0 - map.sharpness()[c] / rows[c / nx].gfSharpness() : Double.NaN;
                case MAX_LOSS -> cls != CellClass.DIVERGED ? map.maxLoss()[c] : Double.NaN;
                case PERIOD -> cls == CellClass.PERIODIC ? map.period()[c] : Double.NaN;
                case OUTCOME -> throw new IllegalStateException();
            };
        }
        return switch (this) {
            case STEPS -> new Field("steps to converge", v, true, "not converged");
            case SHARPNESS -> new Field("sharpness λ∞ of the minimum reached", v, false, "not converged");
            case GAIN -> new Field("regularization gain 1 − λ∞/λ_GF", v, false, "not converged");
            case MAX_LOSS -> new Field("largest loss along the run", v, true, "no loss (at a minimum)");
            case PERIOD -> new Field("period of the orbit", v, true, "not periodic");
            case OUTCOME -> throw new IllegalStateException();
        };
    }
}
