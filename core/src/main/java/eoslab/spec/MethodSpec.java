package eoslab.spec;

import eoslab.method.GradientDescent;
import eoslab.method.HeavyBall;
import eoslab.method.Method;
import eoslab.method.Nesterov;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The optimization method and its step-size schedule, as the user gave them ({@code --method}, {@code --beta},
 * {@code --schedule}, {@code --eta-start}); {@link #method} binds the resolved step η.
 */
public sealed interface MethodSpec permits MethodSpec.Gd, MethodSpec.HeavyBallSpec, MethodSpec.NesterovSpec {
    /** Plain gradient descent with a constant step. */
    MethodSpec GD = new Gd(ScheduleSpec.CONSTANT);

    /** The method's name ({@code gd}, {@code heavy-ball}, {@code nesterov}). */
    String name();

    /** The momentum β (0 for gradient descent). */
    double beta();

    /** The schedule. */
    ScheduleSpec schedule();

    /** True when the method keeps a previous iterate (heavy ball, Nesterov). */
    default boolean hasMomentum() {
        return false;
    }

    /** True for plain gradient descent with a constant step (the default, whose outputs carry no method fields). */
    default boolean isPlainGd() {
        return this instanceof Gd && schedule() instanceof ScheduleSpec.Constant;
    }

    /** The same method with another momentum. */
    MethodSpec withBeta(double newBeta);

    /** The same method with another schedule. */
    MethodSpec withSchedule(ScheduleSpec newSchedule);

    /**
     * The method with the resolved step η on the model.
     *
     * @param toModel converts a step in the user's units into the model's (the map that gave η), for the step sizes
     *                inside the schedule
     * @throws IllegalArgumentException for an invalid schedule (an unreadable file)
     */
    Method method(double eta, DoubleUnaryOperator toModel);

    /** The method with the resolved step η on the model, the schedule's own step sizes taken as model steps. */
    default Method method(double eta) {
        return method(eta, x -> x);
    }

    /** The JSON form: {@code {"name": …}} plus {@code beta} and a non-constant {@code schedule}. */
    default Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name());
        if (hasMomentum()) {
            m.put("beta", beta());
        }
        if (!(schedule() instanceof ScheduleSpec.Constant)) {
            m.put("schedule", schedule().describe());
        }
        return m;
    }

    /** The options that recreate it (none for the default). */
    default List<String> toArgs() {
        List<String> args = new ArrayList<>();
        if (!(this instanceof Gd)) {
            args.addAll(List.of("--method", name()));
        }
        if (hasMomentum()) {
            args.addAll(List.of("--beta", Double.toString(beta())));
        }
        args.addAll(schedule().toArgs());
        return args;
    }

    /**
     * The method of {@code --method NAME} with momentum β and a schedule.
     *
     * @throws IllegalArgumentException for an unknown name, β outside [0, 1), or a momentum given to plain GD
     */
    static MethodSpec of(String name, Double beta, ScheduleSpec schedule) {
        return switch (name) {
            case "gd" -> {
                if (beta != null && beta != 0) {
                    throw new IllegalArgumentException("--beta applies to --method heavy-ball or nesterov");
                }
                yield new Gd(schedule);
            }
            case "heavy-ball" -> new HeavyBallSpec(beta == null ? 0.0 : beta, schedule);
            case "nesterov" -> new NesterovSpec(beta == null ? 0.0 : beta, schedule);
            default -> throw new IllegalArgumentException("--method must be gd, heavy-ball or nesterov, got '"
                    + name + "'");
        };
    }

    /**
     * Reads the form written by {@link #describe()}.
     *
     * @throws IllegalArgumentException on a malformed description
     */
    static MethodSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.method");
        String name = f.string("name");
        ScheduleSpec schedule = f.has("schedule") ? ScheduleSpec.parse(f.require("schedule")) : ScheduleSpec.CONSTANT;
        if (!List.of("gd", "heavy-ball", "nesterov").contains(name)) {
            throw new IllegalArgumentException("spec.method.name: unknown method '" + name + "'");
        }
        return of(name, name.equals("gd") ? null : f.number("beta"), schedule);
    }

    private static void requireBeta(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("--beta must be in [0, 1), got " + beta);
        }
    }

    /**
     * Gradient descent.
     *
     * @param schedule the step sizes
     */
    record Gd(ScheduleSpec schedule) implements MethodSpec {
        @Override
        public String name() {
            return "gd";
        }

        @Override
        public double beta() {
            return 0.0;
        }

        @Override
        public MethodSpec withBeta(double newBeta) {
            throw new IllegalArgumentException("--beta applies to --method heavy-ball or nesterov");
        }

        @Override
        public MethodSpec withSchedule(ScheduleSpec newSchedule) {
            return new Gd(newSchedule);
        }

        @Override
        public Method method(double eta, DoubleUnaryOperator toModel) {
            return new GradientDescent(schedule.resolve(eta, toModel));
        }
    }

    /**
     * Heavy-ball momentum.
     *
     * @param beta     0 ≤ β &lt; 1
     * @param schedule the step sizes
     */
    record HeavyBallSpec(double beta, ScheduleSpec schedule) implements MethodSpec {
        /** Validates β. */
        public HeavyBallSpec {
            requireBeta(beta);
        }

        @Override
        public String name() {
            return "heavy-ball";
        }

        @Override
        public boolean hasMomentum() {
            return true;
        }

        @Override
        public MethodSpec withBeta(double newBeta) {
            return new HeavyBallSpec(newBeta, schedule);
        }

        @Override
        public MethodSpec withSchedule(ScheduleSpec newSchedule) {
            return new HeavyBallSpec(beta, newSchedule);
        }

        @Override
        public Method method(double eta, DoubleUnaryOperator toModel) {
            return new HeavyBall(beta, schedule.resolve(eta, toModel));
        }
    }

    /**
     * Nesterov momentum.
     *
     * @param beta     0 ≤ β &lt; 1
     * @param schedule the step sizes
     */
    record NesterovSpec(double beta, ScheduleSpec schedule) implements MethodSpec {
        /** Validates β. */
        public NesterovSpec {
            requireBeta(beta);
        }

        @Override
        public String name() {
            return "nesterov";
        }

        @Override
        public boolean hasMomentum() {
            return true;
        }

        @Override
        public MethodSpec withBeta(double newBeta) {
            return new NesterovSpec(newBeta, schedule);
        }

        @Override
        public MethodSpec withSchedule(ScheduleSpec newSchedule) {
            return new NesterovSpec(beta, newSchedule);
        }

        @Override
        public Method method(double eta, DoubleUnaryOperator toModel) {
            return new Nesterov(beta, schedule.resolve(eta, toModel));
        }
    }
}
