package eoslab.service;

import eoslab.dynamics.Stepper;
import eoslab.io.DataSetCsv;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ScalarDataSet;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.EtaSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import eoslab.spec.StartSpec;
import java.nio.file.Path;

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
        VectorPoint point = startSpec.point();
        checkNorm(point.norm());
        return new ResolvedStart(modelSpec, startSpec, ShallowModel.of(phi, point.width()), point, data,
                Landmarks.of(phi, point.imbalance()));
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

    /**
     * Resolves a run specification.
     *
     * @throws IllegalArgumentException as {@link #resolve(ModelSpec, StartSpec)}, and for a relative step with
     *                                  λ_GF = 0
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
        double eta;
        if (spec.eta() instanceof EtaSpec.Relative r) {
            eta = problem.landmarks().absoluteEta(r.value());
            if (!Double.isFinite(eta)) {
                throw new IllegalArgumentException(UNDEFINED_RELATIVE);
            }
        } else {
            eta = problem.data() == null ? spec.eta().value() : problem.data().modelEta(spec.eta().value());
        }
        return new ResolvedRun(spec, problem, eta);
    }
}
