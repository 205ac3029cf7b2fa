package eoslab.spec;

import java.util.List;
import java.util.Map;

/**
 * The step size as the user gave it: absolute ({@code --eta}, on the data loss when the model has a data set),
 * relative to the stability edge of the gradient-flow solution ({@code --eta-rel c}: η = c·2/λ_GF), or relative to
 * the start's exact convergence boundary ({@code --eta-crit c}: η = c·η*, models.md §1.1). The service layer resolves
 * it into the step η on the model, once.
 */
public sealed interface EtaSpec {
    /** The value given. */
    double value();

    /** The JSON form: {@code {"eta": η}}, {@code {"eta_rel": c}} or {@code {"eta_crit": c}}. */
    Map<String, Object> describe();

    /** The option that recreates it. */
    List<String> toArgs();

    /**
     * Reads the form written by {@link #describe()}.
     *
     * @throws IllegalArgumentException on a malformed description
     */
    static EtaSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.eta");
        int forms = (f.has("eta") ? 1 : 0) + (f.has("eta_rel") ? 1 : 0) + (f.has("eta_crit") ? 1 : 0);
        if (forms != 1) {
            throw new IllegalArgumentException("spec.eta must have exactly one of eta, eta_rel and eta_crit");
        }
        if (f.has("eta")) {
            return new Absolute(f.number("eta"));
        }
        return f.has("eta_rel") ? new Relative(f.number("eta_rel")) : new Critical(f.number("eta_crit"));
    }

    /**
     * η as given.
     *
     * @param value η &gt; 0
     */
    record Absolute(double value) implements EtaSpec {
        /** Validates η. */
        public Absolute {
            requirePositive("--eta", value);
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("eta", value);
        }

        @Override
        public List<String> toArgs() {
            return List.of("--eta", Double.toString(value));
        }
    }

    /**
     * η = c·2/λ_GF.
     *
     * @param value c &gt; 0
     */
    record Relative(double value) implements EtaSpec {
        /** Validates c. */
        public Relative {
            requirePositive("--eta-rel", value);
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("eta_rel", value);
        }

        @Override
        public List<String> toArgs() {
            return List.of("--eta-rel", Double.toString(value));
        }
    }

    /**
     * η = c·η*, with η* the exact convergence boundary of the start (models.md §1.1): GD converges for c &lt; 1 and
     * not for c &gt; 1 (almost every start). Like {@link Relative}, a step on the model ½(aᵀb − Φ)².
     *
     * @param value c &gt; 0
     */
    record Critical(double value) implements EtaSpec {
        /** Validates c. */
        public Critical {
            requirePositive("--eta-crit", value);
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("eta_crit", value);
        }

        @Override
        public List<String> toArgs() {
            return List.of("--eta-crit", Double.toString(value));
        }
    }

    private static void requirePositive(String option, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(option + " must be a finite positive number, got " + v);
        }
    }
}
