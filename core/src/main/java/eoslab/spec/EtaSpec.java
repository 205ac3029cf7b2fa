package eoslab.spec;

import java.util.List;
import java.util.Map;

/**
 * The step size as the user gave it: absolute ({@code --eta}, on the data loss when the model has a data set) or
 * relative to the stability edge of the gradient-flow solution ({@code --eta-rel c}: η = c·2/λ_GF). The service layer
 * resolves it into the step η on the model, once.
 */
public sealed interface EtaSpec {
    /** The value given. */
    double value();

    /** The JSON form: {@code {"eta": η}} or {@code {"eta_rel": c}}. */
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
        if (f.has("eta") == f.has("eta_rel")) {
            throw new IllegalArgumentException("spec.eta must have exactly one of eta and eta_rel");
        }
        return f.has("eta") ? new Absolute(f.number("eta")) : new Relative(f.number("eta_rel"));
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

    private static void requirePositive(String option, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(option + " must be a finite positive number, got " + v);
        }
    }
}
