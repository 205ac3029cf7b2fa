package eoslab.spec;

import java.util.List;

/** How specification values are written back as command-line option values. */
final class Args {
    private Args() {
    }

    /** Comma-separated values as Java prints them ({@code 0.1,2,3} for integers, {@code 0.5,1.0} for doubles). */
    static String join(List<? extends Number> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(values.get(i));
        }
        return sb.toString();
    }

    /** An immutable copy of the values, each checked finite. */
    static List<Double> finite(String option, List<Double> values) {
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException(option + " values must be finite numbers, got " + values);
            }
        }
        return List.copyOf(values);
    }
}
