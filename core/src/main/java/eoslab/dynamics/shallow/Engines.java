package eoslab.dynamics.shallow;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.method.GradientDescent;
import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * The factory of the shallow model's engines, so that callers never choose an implementation class. Plain gradient
 * descent with a constant step ({@link #isPlainGd}, which includes momentum β = 0) gets the exact 2-variable map
 * ({@link ReducedGd}), the fused vector pass ({@link VectorGd}) or the decimal recursion ({@link DecimalGd}); heavy
 * ball, Nesterov and any varying schedule get the exact 4-variable map ({@link ReducedMomentum}), the generic vector
 * engine ({@link VectorMethod}) or its decimal recursion ({@link DecimalMomentum}).
 */
public final class Engines {
    private Engines() {
    }

    /**
     * A stepper for the shallow model.
     *
     * @param model     the model
     * @param method    the method and its schedule
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
        validate(engine, precision);
        boolean plain = isPlainGd(method);
        if (precision.decimal()) {
            if (exact == null) {
                return plain ? DecimalGd.from(model, method, start, precision.digits())
                        : DecimalMomentum.from(model, method, start, precision.digits());
            }
            return plain ? DecimalGd.from(model, method, start, exact, precision.digits())
                    : DecimalMomentum.from(model, method, start, exact, precision.digits());
        }
        if (engine == Engine.VECTOR) {
            return plain ? VectorGd.from(model, method, start)
                    : VectorMethod.from(model, method, start);
        }
        return plain ? ReducedGd.from(model, method, start)
                : ReducedMomentum.from(model, method, start);
    }

    /** Gradient descent with constant step η on target Φ from the given vectors, on the requested engine. */
    public static ShallowStepper stepper(double phi, double eta, VectorPoint start, Engine engine) {
        return stepper(ShallowModel.of(phi, start.width()), GradientDescent.constant(eta), start, engine,
                Precision.DOUBLE);
    }

    /**
     * True for gradient descent with a constant step, and for heavy ball and Nesterov with β = 0 and a constant step
     * (which are gradient descent, operation for operation): the methods of the 2-variable engines.
     */
    public static boolean isPlainGd(Method method) {
        return method.schedule().isConstant() && (method instanceof GradientDescent || method.beta() == 0);
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
}
