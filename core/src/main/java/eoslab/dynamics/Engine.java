package eoslab.dynamics;

import eoslab.dynamics.shallow.ReducedGd;
import eoslab.dynamics.shallow.VectorGd;
import eoslab.model.shallow.VectorPoint;
import java.util.Locale;

/** The GD implementations selectable by name. */
public enum Engine {
    /** The exact 2-variable map of model.md §3 ({@link ReducedGd}). */
    REDUCED {
        @Override
        public GdStepper create(double phi, double eta, VectorPoint initial) {
            return ReducedGd.from(phi, eta, initial);
        }
    },
    /** The full vectors ({@link VectorGd}). */
    VECTOR {
        @Override
        public GdStepper create(double phi, double eta, VectorPoint initial) {
            return VectorGd.from(phi, eta, initial);
        }
    };

    /** A fresh stepper with step η on target Φ from the given point (not modified). */
    public abstract GdStepper create(double phi, double eta, VectorPoint initial);

    /** The lower-case name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
