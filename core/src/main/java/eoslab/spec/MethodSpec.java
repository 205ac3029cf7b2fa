package eoslab.spec;

import eoslab.method.GradientDescent;
import eoslab.method.Method;
import eoslab.method.Schedule;
import java.util.List;
import java.util.Map;

/** The optimization method and its step-size schedule, as the user gave them; {@link #method} binds η. */
public sealed interface MethodSpec permits MethodSpec.Gd {
    /** Plain gradient descent with a constant step. */
    MethodSpec GD = new Gd();

    /** The method's name. */
    String name();

    /** The method with the resolved step η on the model. */
    Method method(double eta);

    /** The JSON form. */
    Map<String, Object> describe();

    /** The options that recreate it (none for the default). */
    List<String> toArgs();

    /**
     * Reads the form written by {@link #describe()}.
     *
     * @throws IllegalArgumentException on a malformed description
     */
    static MethodSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.method");
        String name = f.string("name");
        if (!name.equals("gd")) {
            throw new IllegalArgumentException("spec.method.name: unknown method '" + name + "'");
        }
        return GD;
    }

    /** Gradient descent, constant step. */
    record Gd() implements MethodSpec {
        @Override
        public String name() {
            return "gd";
        }

        @Override
        public Method method(double eta) {
            return new GradientDescent(new Schedule.Constant(eta));
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("name", name());
        }

        @Override
        public List<String> toArgs() {
            return List.of();
        }
    }
}
