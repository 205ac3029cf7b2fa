package eoslab.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid syntax of {@code eoslab check}: a comma-separated list of values and ranges {@code start:stop:count}
 * (count evenly spaced values from start to stop inclusive), for example {@code 0.5,1:2:3} = 0.5, 1, 1.5, 2.
 */
public final class Ranges {
    /** The help text of the syntax. */
    public static final String SYNTAX = "values and ranges start:stop:count (count evenly spaced values, ends included), "
            + "comma-separated";

    private Ranges() {
    }

    /** Parses one option's value: each range part with {@link Axis#parse}, so values equal sweep's bit for bit. */
    public static double[] parse(String option, String text) {
        List<Double> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            String[] f = p.split(":", -1);
            if (f.length == 1) {
                values.add(number(option, f[0]));
            } else if (f.length == 3) {
                number(option, f[0]);
                number(option, f[1]);
                int count;
                try {
                    count = Integer.parseInt(f[2].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + ": count must be an integer in '" + p + "'");
                }
                if (count < 1 || count > 1_000_000) {
                    throw new IllegalArgumentException(option + ": count must be between 1 and 1000000 in '" + p + "'");
                }
                for (double v : Axis.parse(option.replaceFirst("^--", ""), p.replace(" ", ""), false).values()) {
                    values.add(v);
                }
            } else {
                throw new IllegalArgumentException(option + ": expected a number or start:stop:count, got '" + p + "'");
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double number(String option, String s) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a finite number: '" + s.trim() + "'");
        }
    }
}
