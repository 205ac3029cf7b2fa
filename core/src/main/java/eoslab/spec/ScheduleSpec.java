package eoslab.spec;

import eoslab.io.StepSizeFile;
import eoslab.method.Schedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The step-size schedule as the user gave it ({@code --schedule}, {@code --eta-start}). Step sizes inside it
 * (η_start, η_min, a file's values) are in the units of the step option: absolute like {@code --eta} (on the data loss
 * with a data set), or relative like {@code --eta-rel}; {@link #resolve} converts them with the same map as η.
 */
public sealed interface ScheduleSpec {
    /** The constant schedule. */
    ScheduleSpec CONSTANT = new Constant();

    /** The {@code --schedule} text that recreates it. */
    String label();

    /** The JSON form. */
    Map<String, Object> describe();

    /** The options that recreate it (none for the constant schedule). */
    default List<String> toArgs() {
        return List.of("--schedule", label());
    }

    /**
     * The schedule in model units.
     *
     * @param eta     the resolved nominal step on the model
     * @param toModel converts a step in the user's units into the model's (the map that gave η)
     * @throws IllegalArgumentException for an unreadable or invalid schedule file
     */
    Schedule resolve(double eta, DoubleUnaryOperator toModel);

    /**
     * Parses {@code --schedule TEXT} with {@code --eta-start} (null when not given).
     *
     * @throws IllegalArgumentException with a one-line message for malformed text
     */
    static ScheduleSpec parse(String text, Double etaStart) {
        String[] f = text.split(":", -1);
        if (etaStart != null && !f[0].equals("warmup")) {
            throw new IllegalArgumentException("--eta-start applies only to --schedule warmup:K");
        }
        try {
            return switch (f[0]) {
                case "constant" -> {
                    arity(text, f, 1, 1);
                    yield CONSTANT;
                }
                case "warmup" -> {
                    arity(text, f, 2, 2);
                    yield new Warmup(Long.parseLong(f[1]), etaStart == null ? 0.0 : etaStart);
                }
                case "cosine" -> {
                    arity(text, f, 2, 3);
                    yield new Cosine(Long.parseLong(f[1]), f.length == 3 ? Double.parseDouble(f[2]) : 0.0);
                }
                case "step" -> {
                    arity(text, f, 3, 3);
                    yield new StepDecay(Long.parseLong(f[1]), Double.parseDouble(f[2]));
                }
                case "exp" -> {
                    arity(text, f, 2, 2);
                    yield new Exponential(Double.parseDouble(f[1]));
                }
                case "file" -> {
                    if (text.length() <= "file:".length()) {
                        throw new IllegalArgumentException("--schedule file:PATH needs a path");
                    }
                    yield new FromFile(text.substring("file:".length()));
                }
                default -> throw new IllegalArgumentException("--schedule: unknown schedule '" + text
                        + "' (expected constant, warmup:K, cosine:T[:eta_min], step:K:gamma, exp:gamma or file:PATH)");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--schedule: malformed number in '" + text + "'");
        }
    }

    private static void arity(String text, String[] fields, int min, int max) {
        if (fields.length < min || fields.length > max) {
            throw new IllegalArgumentException("--schedule: malformed '" + text + "'");
        }
    }

    /**
     * Reads the form written by {@link #describe()}.
     *
     * @throws IllegalArgumentException on a malformed description
     */
    static ScheduleSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.method.schedule");
        return switch (f.string("name")) {
            case "constant" -> CONSTANT;
            case "warmup" -> new Warmup(f.integer("steps"), f.number("eta_start"));
            case "cosine" -> new Cosine(f.integer("steps"), f.number("eta_min"));
            case "step" -> new StepDecay(f.integer("every"), f.number("factor"));
            case "exp" -> new Exponential(f.number("factor"));
            case "file" -> new FromFile(f.string("path"));
            default -> throw new IllegalArgumentException("spec.method.schedule.name: unknown schedule '"
                    + f.string("name") + "'");
        };
    }

    private static void requireCount(String what, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("--schedule " + what + " must be at least 1, got " + n);
        }
    }

    private static void requireStep(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + v);
        }
    }

    private static void requireFactor(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("--schedule " + what + " must be a finite positive factor, got " + v);
        }
    }

    /** η_k = η. */
    record Constant() implements ScheduleSpec {
        @Override
        public String label() {
            return "constant";
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("name", "constant");
        }

        @Override
        public List<String> toArgs() {
            return List.of();
        }

        @Override
        public Schedule resolve(double eta, DoubleUnaryOperator toModel) {
            return new Schedule.Constant(eta);
        }
    }

    /**
     * {@code warmup:K}: linear from η_start to η over K steps.
     *
     * @param steps    K ≥ 1
     * @param etaStart η_start ≥ 0, in the step option's units
     */
    record Warmup(long steps, double etaStart) implements ScheduleSpec {
        /** Validates the parameters. */
        public Warmup {
            requireCount("warmup:K", steps);
            requireStep("--eta-start", etaStart);
        }

        @Override
        public String label() {
            return "warmup:" + steps;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "warmup");
            m.put("steps", steps);
            m.put("eta_start", etaStart);
            return m;
        }

        @Override
        public List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of("--schedule", label()));
            if (etaStart != 0) {
                args.addAll(List.of("--eta-start", Double.toString(etaStart)));
            }
            return args;
        }

        @Override
        public Schedule resolve(double eta, DoubleUnaryOperator toModel) {
            return new Schedule.Warmup(eta, toModel.applyAsDouble(etaStart), steps);
        }
    }

    /**
     * {@code cosine:T[:η_min]}: from η down to η_min over T steps, then η_min.
     *
     * @param steps  T ≥ 1
     * @param etaMin η_min ≥ 0, in the step option's units
     */
    record Cosine(long steps, double etaMin) implements ScheduleSpec {
        /** Validates the parameters. */
        public Cosine {
            requireCount("cosine:T", steps);
            requireStep("--schedule cosine:T:eta_min", etaMin);
        }

        @Override
        public String label() {
            return "cosine:" + steps + (etaMin == 0 ? "" : ":" + etaMin);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "cosine");
            m.put("steps", steps);
            m.put("eta_min", etaMin);
            return m;
        }

        @Override
        public Schedule resolve(double eta, DoubleUnaryOperator toModel) {
            return new Schedule.Cosine(eta, toModel.applyAsDouble(etaMin), steps);
        }
    }

    /**
     * {@code step:K:γ}: η_k = η·γ^⌊k/K⌋.
     *
     * @param every  K ≥ 1
     * @param factor γ &gt; 0
     */
    record StepDecay(long every, double factor) implements ScheduleSpec {
        /** Validates the parameters. */
        public StepDecay {
            requireCount("step:K", every);
            requireFactor("step:K:gamma", factor);
        }

        @Override
        public String label() {
            return "step:" + every + ":" + factor;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "step");
            m.put("every", every);
            m.put("factor", factor);
            return m;
        }

        @Override
        public Schedule resolve(double eta, DoubleUnaryOperator toModel) {
            return new Schedule.StepDecay(eta, every, factor);
        }
    }

    /**
     * {@code exp:γ}: η_k = η·γᵏ.
     *
     * @param factor γ &gt; 0
     */
    record Exponential(double factor) implements ScheduleSpec {
        /** Validates γ. */
        public Exponential {
            requireFactor("exp:gamma", factor);
        }

        @Override
        public String label() {
            return "exp:" + factor;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "exp");
            m.put("factor", factor);
            return m;
        }

        @Override
        public Schedule resolve(double eta, DoubleUnaryOperator toModel) {
            return new Schedule.Exponential(eta, factor);
        }
    }

    /**
     * {@code file:PATH}: η_k from line k of a file (one step size per line, in the step option's units). The run's
     * budget must not exceed the number of lines: a short file is an error, never repeated.
     *
     * @param path the file
     */
    record FromFile(String path) implements ScheduleSpec {
        /** Validates the path. */
        public FromFile {
            if (path == null || path.isEmpty()) {
                throw new IllegalArgumentException("--schedule file:PATH needs a path");
            }
        }

        @Override
        public String label() {
            return "file:" + path;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "file");
            m.put("path", path);
            return m;
        }

        @Override
        public Schedule resolve(double eta, DoubleUnaryOperator toModel) {
            double[] v = StepSizeFile.read(Path.of(path));
            for (int i = 0; i < v.length; i++) {
                v[i] = toModel.applyAsDouble(v[i]);
            }
            return new Schedule.Listed(eta, v);
        }
    }
}
