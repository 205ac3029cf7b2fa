package eoslab.dynamics.shallow;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.method.GradientDescent;
import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * The factory of the shallow model's engines: picks the exact reduced map unless the vector engine is asked for, and
 * the decimal recursion for decimal arithmetic, so that callers never choose an implementation class.
 */
public final class Engines {
    private Engines() {
    }

    /**
     * A stepper for the shallow model.
     *
     * @param model     the model
     * @param method    the method (gradient descent with a constant step)
     * @param start     the initial vectors (not modified)
     * @param engine    {@code AUTO} or {@code REDUCED} for the reduced map, {@code VECTOR} for the vectors
     * @param precision double, or decimal (reduced recursion only)
     * @throws IllegalArgumentException for a combination no engine implements
     */
    public static ShallowStepper stepper(ShallowModel model, Method method, VectorPoint start, Engine engine,
                                         Precision precision) {
        return stepper(model, method, start, null, engine, precision);
    }

    /**
     * A stepper for the shallow model whose decimal arithmetic, if asked for, starts from the exact decimal inputs
     * {@code exact} (the start, target and step as the user gave them) instead of the doubles.
     *
     * @param exact the decimal inputs, or null for the exact values of the doubles
     * @throws IllegalArgumentException for a combination no engine implements
     */
    public static ShallowStepper stepper(ShallowModel model, Method method, VectorPoint start, DecimalStart exact,
                                         Engine engine, Precision precision) {
        GradientDescent gd = requireGradientDescent(method);
        validate(engine, precision);
        if (precision.decimal()) {
            return exact == null ? DecimalGd.from(model, gd, start, precision.digits())
                    : DecimalGd.from(model, gd, start, exact, precision.digits());
        }
        return engine == Engine.VECTOR ? VectorGd.from(model, gd, start) : ReducedGd.from(model, gd, start);
    }

    /** Gradient descent with constant step η on target Φ from the given vectors, on the requested engine. */
    public static ShallowStepper stepper(double phi, double eta, VectorPoint start, Engine engine) {
        return stepper(ShallowModel.of(phi, start.width()), GradientDescent.constant(eta), start, engine,
                Precision.DOUBLE);
    }

    /**
     * Checks that an engine and an arithmetic can run together.
     *
     * @throws IllegalArgumentException for decimal arithmetic on the vector engine (it exists for the reduced map)
     */
    public static void validate(Engine engine, Precision precision) {
        if (precision.decimal() && engine == Engine.VECTOR) {
            throw new IllegalArgumentException("--precision decimal:N runs the reduced recursion; it cannot be "
                    + "used with --engine vector");
        }
    }

    /** The engine {@link #stepper} runs for a request: {@code REDUCED} or {@code VECTOR}. */
    public static Engine resolve(Engine engine) {
        return engine == Engine.VECTOR ? Engine.VECTOR : Engine.REDUCED;
    }

    static GradientDescent requireGradientDescent(Method method) {
        if (method instanceof GradientDescent gd) {
            return gd;
        }
        throw new IllegalArgumentException("the shallow engines run gradient descent, not " + method.name());
    }
}
