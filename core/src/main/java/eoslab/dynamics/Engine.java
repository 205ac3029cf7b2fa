package eoslab.dynamics;

import java.util.Locale;

/** Which engine runs a method on a model: chosen by the model's engine factory ({@code AUTO}), or requested. */
public enum Engine {
    /** The fastest exact engine the model and method allow (the reduced map for the shallow model). */
    AUTO,
    /** The shallow model's exact width-independent map (docs/model.md §3). */
    REDUCED,
    /** The actual parameter vectors. */
    VECTOR;

    /** The lower-case name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name case-insensitively.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Engine parse(String text) {
        for (Engine e : values()) {
            if (e.label().equalsIgnoreCase(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + text + "' (expected auto, reduced or vector)");
    }
}
