package eoslab.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model a run trains, with its parameters, as the user gave them. */
public sealed interface ModelSpec permits ModelSpec.Shallow {
    /** The family name of {@code --model}. */
    String family();

    /** The JSON form. */
    Map<String, Object> describe();

    /** The options that recreate it. */
    List<String> toArgs();

    /**
     * Reads the form written by {@link #describe()}.
     *
     * @throws IllegalArgumentException on a malformed description
     */
    static ModelSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.model");
        String family = f.string("family");
        if (!family.equals("shallow")) {
            throw new IllegalArgumentException("spec.model.family: unknown model '" + family + "'");
        }
        if (f.has("data") && f.has("phi")) {
            throw new IllegalArgumentException("spec.model: give phi or data, not both");
        }
        return f.has("data") ? Shallow.ofData(f.string("data")) : Shallow.ofPhi(f.number("phi"));
    }

    /**
     * The shallow model ½(aᵀb − Φ)² (docs/model.md §1) on a target Φ or on a scalar data set (§8), which fixes Φ.
     *
     * @param phi  the target, or NaN when a data set gives it
     * @param data the data file (columns x, y), or null
     */
    record Shallow(double phi, String data) implements ModelSpec {
        /** Validates: exactly one of a finite Φ and a data file. */
        public Shallow {
            if ((data == null) == Double.isNaN(phi)) {
                throw new IllegalArgumentException("give --phi or --data, not both");
            }
            if (data == null && !Double.isFinite(phi)) {
                throw new IllegalArgumentException("--phi must be a finite number, got " + phi);
            }
        }

        /** On target Φ. */
        public static Shallow ofPhi(double phi) {
            return new Shallow(phi, null);
        }

        /** On a data file. */
        public static Shallow ofData(String file) {
            return new Shallow(Double.NaN, file);
        }

        @Override
        public String family() {
            return "shallow";
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", family());
            if (data == null) {
                m.put("phi", phi);
            } else {
                m.put("data", data);
            }
            return m;
        }

        @Override
        public List<String> toArgs() {
            return data == null ? List.of("--phi", Double.toString(phi)) : List.of("--data", data);
        }
    }
}
