package eoslab.service;

import eoslab.dynamics.Stepper;
import eoslab.io.DataSetCsv;
import eoslab.io.ThetaJson;
import eoslab.method.Method;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ScalarDataSet;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.EtaSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import eoslab.spec.StartSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Resolves specifications: the one place where a start is drawn and η is computed from what the user gave. */
public final class Runs {
    private Runs() {
    }

    /**
     * Resolves a problem and a start: reads the data set, draws the start, checks both against the divergence bound.
     *
     * @throws IllegalArgumentException with a one-line message (a target or start beyond the divergence bound, an
     *                                  unreadable data file)
     */
    public static ResolvedStart resolve(ModelSpec modelSpec, StartSpec startSpec) {
        ModelSpec.Shallow m = (ModelSpec.Shallow) modelSpec;
        ScalarDataSet data = m.data() == null ? null : DataSetCsv.read(Path.of(m.data()));
        double phi = data != null ? data.phi() : m.phi();
        checkTarget(phi);
        VectorPoint point = shallowPoint(startSpec);
        checkNorm(point.norm());
        return new ResolvedStart(modelSpec, startSpec, ShallowModel.of(phi, point.width()), point, data,
                Landmarks.of(phi, point));
    }

    /** The shallow model's start: the form's own point, or the vectors a and b of a parameter file. */
    static VectorPoint shallowPoint(StartSpec startSpec) {
        if (startSpec instanceof StartSpec.FromFile f) {
            double[][] ab = ThetaJson.readVectors(Path.of(f.file()), List.of("a", "b"));
            try {
                return VectorPoint.of(ab[0], ab[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter file " + f.file() + ": " + e.getMessage());
            }
        }
        return startSpec.point();
    }

    /**
     * Refuses a target beyond the divergence bound (every command refuses it with this message).
     *
     * @throws IllegalArgumentException if |Φ| &gt; 1e100
     */
    public static void checkTarget(double phi) {
        if (Math.abs(phi) > Stepper.DIVERGENCE_NORM) {
            throw new IllegalArgumentException("the target |Φ| = " + Math.abs(phi) + " exceeds the bound 1e100");
        }
    }

    /**
     * Refuses an initial norm ‖a‖² + ‖b‖² beyond the divergence bound (or not finite).
     *
     * @throws IllegalArgumentException if the norm is not at most 1e100
     */
    public static void checkNorm(double norm) {
        if (!(norm <= Stepper.DIVERGENCE_NORM)) {
            throw new IllegalArgumentException("the initial norm ‖a‖² + ‖b‖² = " + norm
                    + " exceeds the divergence bound 1e100");
        }
    }

    /** The message for a relative step where λ_GF = 0 (every command refuses it with this message). */
    public static final String UNDEFINED_RELATIVE = "--eta-rel is undefined here: λ_GF = 0 (Φ = 0 and a balanced "
            + "start)";

    /** The message for a step relative to η* where η* = ∞ (every command refuses it with this message). */
    public static final String UNDEFINED_CRITICAL = "--eta-crit is undefined here: η* = ∞ (Φ = 0 and a = b = 0)";

    /**
     * Resolves a run specification.
     *
     * @throws IllegalArgumentException as {@link #resolve(ModelSpec, StartSpec)}, for a relative step with
     *                                  λ_GF = 0, for a step relative to η* = ∞, and for a schedule that cannot be
     *                                  resolved (an unreadable file, or one that lists fewer step sizes than the run's
     *                                  budget)
     */
    public static ResolvedRun resolve(RunSpec spec) {
        return resolve(spec, resolve(spec.model(), spec.start()));
    }

    /**
     * Resolves a run specification whose problem and start are already resolved: for grids that run many step sizes
     * from one start.
     *
     * @throws IllegalArgumentException if the problem is not the specification's own
     */
    public static ResolvedRun resolve(RunSpec spec, ResolvedStart problem) {
        if (!spec.model().equals(problem.modelSpec()) || !spec.start().equals(problem.startSpec())) {
            throw new IllegalArgumentException("the resolved start is not the specification's");
        }
        DoubleUnaryOperator toModel;
        if (spec.eta() instanceof EtaSpec.Relative) {
            toModel = problem.landmarks()::absoluteEta;
        } else if (spec.eta() instanceof EtaSpec.Critical) {
            toModel = problem.landmarks()::absoluteEtaCritical;
        } else if (problem.data() != null) {
            toModel = problem.data()::modelEta;
        } else {
            toModel = x -> x;
        }
        double eta = toModel.applyAsDouble(spec.eta().value());
        if (spec.eta() instanceof EtaSpec.Relative && !Double.isFinite(eta)) {
            throw new IllegalArgumentException(UNDEFINED_RELATIVE);
        }
        if (spec.eta() instanceof EtaSpec.Critical && !Double.isFinite(eta)) {
            throw new IllegalArgumentException(UNDEFINED_CRITICAL);
        }
        Method method = spec.method().method(eta, toModel);
        long budget = spec.stop().maxSteps();
        if (method.schedule().length() < budget) {
            throw new IllegalArgumentException("--schedule " + spec.method().schedule().label() + " lists "
                    + method.schedule().length() + " step sizes, fewer than the run may take (--steps " + budget
                    + "): give --steps " + method.schedule().length() + " or a longer file");
        }
        return new ResolvedRun(spec, problem, eta, method);
    }
}
