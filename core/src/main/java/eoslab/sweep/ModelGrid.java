package eoslab.sweep;

import eoslab.grid.Axis;
import eoslab.spec.EtaSpec;
import eoslab.spec.LinearTarget;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of GD runs of a deep linear or diagonal network: a template run, the step axis ({@code eta} or
 * {@code eta-rel}) and the swept parameters of the model and start — {@code phi} (a linear network's scalar target),
 * {@code scale} (one σ for every layer of a Gaussian start), {@code imbalance} (of a balanced start), {@code alpha}
 * (a diagonal network's start u = v = α1) — in that order, the last varying fastest. Run i is the mixed-radix
 * decomposition of i.
 */
public final class ModelGrid {
    /** The names of the parameters that can be swept, in grid order after the step. */
    public static final List<String> PARAMETERS = List.of("phi", "scale", "imbalance", "alpha");

    private final RunSpec template;
    private final Axis eta;
    private final boolean relative;
    private final List<Axis> axes;

    /**
     * @param template   the run every point derives from (its step is replaced)
     * @param eta        the step axis
     * @param relative   whether the step is relative (η = c·2/λ_GF)
     * @param parameters the swept parameters, each named in {@link #PARAMETERS} and applicable to the template
     * @throws IllegalArgumentException for a parameter the template's model or start does not have, or a step axis
     *                                  that is not positive
     */
    public ModelGrid(RunSpec template, Axis eta, boolean relative, List<Axis> parameters) {
        if (!(Math.min(eta.start(), eta.stop()) > 0)) {
            throw new IllegalArgumentException("--" + eta.name() + " must be positive");
        }
        List<Axis> ordered = new ArrayList<>();
        for (String name : PARAMETERS) {
            for (Axis a : parameters) {
                if (a.name().equals(name)) {
                    ordered.add(a);
                }
            }
        }
        this.template = template;
        this.eta = eta;
        this.relative = relative;
        List<Axis> all = new ArrayList<>(List.of(eta));
        all.addAll(ordered);
        this.axes = Collections.unmodifiableList(all);
        for (Axis a : ordered) {
            at(a, a.start(), template);
        }
    }

    /** The axes in grid order (the step first). */
    public List<Axis> axes() {
        return axes;
    }

    /** Number of runs. */
    public long size() {
        long n = 1;
        for (Axis a : axes) {
            n *= a.count();
        }
        return n;
    }

    /** The specification of run i. */
    public RunSpec at(long index) {
        int[] c = new int[axes.size()];
        for (int k = axes.size() - 1; k >= 0; k--) {
            int n = axes.get(k).count();
            c[k] = (int) (index % n);
            index /= n;
        }
        double s = eta.value(c[0]);
        RunSpec spec = template.withEta(relative ? new EtaSpec.Relative(s) : new EtaSpec.Absolute(s));
        for (int k = 1; k < axes.size(); k++) {
            spec = at(axes.get(k), axes.get(k).value(c[k]), spec);
        }
        return spec;
    }

    /** The run with one parameter set. */
    private static RunSpec at(Axis axis, double v, RunSpec spec) {
        ModelSpec model = spec.model();
        StartSpec start = spec.start();
        switch (axis.name()) {
            case "phi" -> {
                if (!(model instanceof ModelSpec.Linear l) || !(l.target() instanceof LinearTarget.Scalar)) {
                    throw new IllegalArgumentException("--phi sweeps the scalar target of --model linear");
                }
                model = new ModelSpec.Linear(l.depth(), l.widths(), new LinearTarget.Scalar(v));
            }
            case "scale" -> {
                if (!(start instanceof StartSpec.Layers g)) {
                    throw new IllegalArgumentException("--scale sweeps a Gaussian start of --model linear");
                }
                start = new StartSpec.Layers(List.of(v), g.seed());
            }
            case "imbalance" -> {
                if (!(start instanceof StartSpec.Balanced b)) {
                    throw new IllegalArgumentException("--imbalance sweeps a --balanced start");
                }
                start = new StartSpec.Balanced(b.spectrum(), v, b.seed());
            }
            case "alpha" -> {
                if (!(start instanceof StartSpec.Uniform)) {
                    throw new IllegalArgumentException("--alpha sweeps the start of --model diagonal");
                }
                start = new StartSpec.Uniform(v);
            }
            default -> throw new IllegalArgumentException("cannot sweep " + axis.name());
        }
        return new RunSpec(model, start, spec.method(), spec.eta(), spec.stop(), spec.engine(), spec.precision(),
                spec.sharpness());
    }

    /** The row columns that identify a run beyond its summary: the relative step as set and the swept values. */
    public Map<String, Object> columns(long index) {
        int[] c = new int[axes.size()];
        long i = index;
        for (int k = axes.size() - 1; k >= 0; k--) {
            int n = axes.get(k).count();
            c[k] = (int) (i % n);
            i /= n;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (relative) {
            m.put("eta_rel_set", eta.value(c[0]));
        }
        for (int k = 1; k < axes.size(); k++) {
            m.put(axes.get(k).name() + "_set", axes.get(k).value(c[k]));
        }
        return m;
    }

    /** The grid's definition, for manifests. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Axis a : axes) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("start", a.start());
            d.put("stop", a.stop());
            d.put("count", a.count());
            d.put("log", a.log());
            m.put(a.name(), d);
        }
        m.put("template", template.describe());
        return m;
    }
}
