package eoslab.service;

import eoslab.model.Layout;
import eoslab.model.Model;
import eoslab.model.diagonal.DiagonalModel;
import eoslab.model.linear.DeepLinearModel;
import eoslab.model.linear.ScalarChain;
import eoslab.spec.ModelSpec;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deep linear or diagonal network and its start, resolved once from their specifications: files read, targets
 * generated, the start drawn. Immutable; {@link #model()} is a prototype: every consumer (stepper, estimator, flow)
 * takes its own {@link Model#copy()}.
 *
 * @param modelSpec the model as given
 * @param startSpec the initialization as given
 * @param model     the model (prototype)
 * @param start     θ₀ (copied in and out)
 * @param dataRows  samples of the data set, or 0 without one
 * @param planted   the planted vector β* of a generated sparse problem, or null
 */
public record ModelProblem(ModelSpec modelSpec, StartSpec startSpec, Model model, double[] start, int dataRows,
                           double[] planted) {
    /** Copies. */
    public ModelProblem {
        start = start.clone();
        planted = planted == null ? null : planted.clone();
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] planted() {
        return planted == null ? null : planted.clone();
    }

    /** n = dim θ. */
    public int dimension() {
        return model.dimension();
    }

    /** The model's family name. */
    public String family() {
        return model.family();
    }

    /** The scalar chain when the model is one (all widths 1 and a scalar target Φ), else null. */
    public ScalarChain chain() {
        if (model instanceof DeepLinearModel d && d.rankBound() == 1 && d.inputs() == 1 && d.outputs() == 1
                && d.moments().isTarget() && d.layout().dimension() == d.depth()) {
            return new ScalarChain(d.depth(), d.moments().cross()[0][0]);
        }
        return null;
    }

    /** Whether θ files and saved parameters write blocks as matrices (deep linear networks). */
    public boolean matrixBlocks() {
        return model instanceof DeepLinearModel;
    }

    /** The length of the end-to-end map: q·p for a linear network (W = W_D ⋯ W_1), p for a diagonal one (β). */
    public int endToEndSize() {
        if (model instanceof DeepLinearModel d) {
            return d.inputs() * d.outputs();
        }
        return ((DiagonalModel) model).inputs();
    }

    /**
     * Writes the end-to-end map of θ (W = W_D ⋯ W_1 row-major, or β = u⊙u − v⊙v) into out.
     *
     * @param instance a model instance of this problem (its caches are used)
     */
    public static void endToEnd(Model instance, double[] theta, double[] out) {
        if (instance instanceof DeepLinearModel d) {
            d.endToEnd(theta, out);
        } else {
            ((DiagonalModel) instance).beta(theta, out);
        }
    }

    /** The problem and start, for manifests. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(modelSpec.describe());
        m.put("parameters", model.dimension());
        if (model instanceof DeepLinearModel d) {
            m.put("network_widths", widths(d));
        } else if (model instanceof DiagonalModel d) {
            m.put("inputs", d.inputs());
        }
        if (dataRows > 0) {
            m.put("data_rows", dataRows);
        }
        m.put("min_loss", model.minimumLoss());
        Map<String, Object> s = new LinkedHashMap<>(startSpec.describe());
        m.put("start", s);
        return m;
    }

    /**
     * The model-specific summary entries at θ: for a linear network its depth, widths {p, h_1, …, q}, the rank bound
     * and, for the scalar chain, the flattest sharpness D·|Φ|^{2−2/D}; for a diagonal network p, ‖β‖₁ and, for a
     * generated sparse problem, ‖β − β*‖₂.
     *
     * @param instance a model instance of this problem
     */
    public Map<String, Object> facts(Model instance, double[] theta) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (instance instanceof DeepLinearModel d) {
            m.put("depth", d.depth());
            m.put("widths", widths(d));
            m.put("rank_bound", d.rankBound());
            ScalarChain chain = chain();
            m.put("flattest_sharpness", chain == null ? null : chain.flattestSharpness());
        } else if (instance instanceof DiagonalModel d) {
            double[] beta = new double[d.inputs()];
            d.beta(theta, beta);
            double l1 = 0;
            for (double b : beta) {
                l1 += Math.abs(b);
            }
            m.put("inputs", d.inputs());
            m.put("beta_l1", l1);
            Double err = null;
            if (planted != null) {
                double s = 0;
                for (int i = 0; i < beta.length; i++) {
                    s += (beta[i] - planted[i]) * (beta[i] - planted[i]);
                }
                err = Math.sqrt(s);
            }
            m.put("beta_error", err);
        }
        if (dataRows > 0) {
            m.put("data_rows", dataRows);
        }
        return m;
    }

    /** ‖block‖² of every block of θ, keyed {@code norm_<name>}. */
    public Map<String, Object> blockNorms(double[] theta) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Layout.Block b : model.layout().blocks()) {
            m.put("norm_" + b.name(), b.normSquared(theta));
        }
        return m;
    }

    private static List<Integer> widths(DeepLinearModel d) {
        List<Integer> w = new ArrayList<>();
        for (int x : d.widths()) {
            w.add(x);
        }
        return w;
    }
}
