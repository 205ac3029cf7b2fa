package eoslab.sweep;

import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Cartesian product of the swept parameters, in a fixed order: the step ({@code eta} or {@code eta-rel}), then
 * {@code phi}, then the initialization ({@code m0}, {@code lambda0} for the canonical form; {@code scale} for the
 * Gaussian form, with fixed width, σ_b and seed). Each point is a {@link RunSpec}: the grid's {@link RunSettings} with the
 * point's model, start and step. Run i is the mixed-radix decomposition of i with the
 * last axis varying fastest.
 */
public final class ParameterGrid {
    private final Axis eta;
    private final boolean relative;
    private final Axis phi;
    private final Axis m0;
    private final Axis lambda0;
    private final Axis scale;
    private final Double scaleB;
    private final int width;
    private final long seed;
    private final RunSettings settings;
    private final List<Axis> axes;

    private ParameterGrid(Axis eta, boolean relative, Axis phi, Axis m0, Axis lambda0, Axis scale, Double scaleB,
                          int width, long seed, RunSettings settings) {
        this.eta = eta;
        this.relative = relative;
        this.phi = phi;
        this.m0 = m0;
        this.lambda0 = lambda0;
        this.scale = scale;
        this.scaleB = scaleB;
        this.width = width;
        this.seed = seed;
        this.settings = settings;
        List<Axis> list = new ArrayList<>(List.of(eta, phi));
        if (scale == null) {
            list.add(m0);
            list.add(lambda0);
        } else {
            list.add(scale);
        }
        this.axes = Collections.unmodifiableList(list);
        size();
        validate();
    }

    /**
     * Refuses, before any run, what {@code run} refuses at some point of the grid, with run's message: a target
     * |Φ| &gt; 1e100, an initial norm &gt; 1e100, a relative step where λ_GF = 0 (Φ = 0 with a balanced start).
     */
    private void validate() {
        boolean zeroPhi = false;
        for (double p : phi.values()) {
            Runs.checkTarget(p);
            zeroPhi |= p == 0;
        }
        if (scale == null) {
            Set<Double> balancedAt = new HashSet<>();
            for (double m : m0.values()) {
                balancedAt.add(2 * Math.abs(m));
            }
            for (double l : lambda0.values()) {
                Runs.checkNorm(l);
                if (relative && zeroPhi && balancedAt.contains(l)) {
                    throw new IllegalArgumentException(Runs.UNDEFINED_RELATIVE);
                }
            }
        } else {
            // the norm grows with σ (same draws, scaled): the largest scale bounds it; σ = σ_b = 0 is balanced
            RunSpec largest = at(new int[] {0, 0, scale.count() - 1});
            Runs.checkNorm(largest.start().point().norm());
            double smallest = Math.min(scale.start(), scale.stop());
            if (relative && zeroPhi && smallest == 0 && (scaleB == null || scaleB == 0)) {
                throw new IllegalArgumentException(Runs.UNDEFINED_RELATIVE);
            }
        }
    }

    /**
     * A grid with the canonical initialization (m₀, λ₀).
     *
     * @param settings how every point runs: method, stop rule, engine and arithmetic
     * @throws IllegalArgumentException if some λ₀ &lt; 2|m₀| or a step is not positive
     */
    public static ParameterGrid canonical(Axis eta, boolean relative, Axis phi, Axis m0, Axis lambda0,
                                          RunSettings settings) {
        double maxAbsM = 0;
        for (double v : m0.values()) {
            maxAbsM = Math.max(maxAbsM, Math.abs(v));
        }
        double minL = Double.POSITIVE_INFINITY;
        for (double v : lambda0.values()) {
            minL = Math.min(minL, v);
        }
        if (minL < 2 * maxAbsM) {
            throw new IllegalArgumentException("every lambda0 must be at least 2|m0| (smallest lambda0 " + minL
                    + ", largest |m0| " + maxAbsM + ")");
        }
        checkPositive(eta);
        return new ParameterGrid(eta, relative, phi, m0, lambda0, null, null, 1, 0, settings);
    }

    /**
     * A grid with the seeded Gaussian initialization.
     *
     * @param scaleB   σ_b, or null for σ_b = σ
     * @param settings how every point runs
     */
    public static ParameterGrid gaussian(Axis eta, boolean relative, Axis phi, Axis scale, Double scaleB, int width,
                                         long seed, RunSettings settings) {
        if (width < 1) {
            throw new IllegalArgumentException("--width must be at least 1, got " + width);
        }
        if (Math.min(scale.start(), scale.stop()) < 0 || (scaleB != null && !(scaleB >= 0))) {
            throw new IllegalArgumentException("--scale and --scale-b must be non-negative");
        }
        checkPositive(eta);
        return new ParameterGrid(eta, relative, phi, null, null, scale, scaleB, width, seed, settings);
    }

    private static void checkPositive(Axis eta) {
        if (!(Math.min(eta.start(), eta.stop()) > 0)) {
            throw new IllegalArgumentException("--" + eta.name() + " must be positive");
        }
    }

    /**
     * The same grid with the axis at position {@code index} of {@link #axes()} restricted to [lo, hi] (same count).
     *
     * @throws IllegalArgumentException as the factories do for the new ranges
     */
    public ParameterGrid zoom(int index, double lo, double hi) {
        Axis[] a = axes.toArray(new Axis[0]);
        a[index] = a[index].zoom(lo, hi);
        return scale == null ? canonical(a[0], relative, a[1], a[2], a[3], settings)
                : gaussian(a[0], relative, a[1], a[2], scaleB, width, seed, settings);
    }

    /** The same grid with every point run with another stop rule. */
    public ParameterGrid withStop(StopRule stop) {
        RunSettings s = new RunSettings(settings.method(), stop, settings.engine(), settings.precision());
        return new ParameterGrid(eta, relative, phi, m0, lambda0, scale, scaleB, width, seed, s);
    }

    /** How every point runs. */
    public RunSettings settings() {
        return settings;
    }

    /** The axes in grid order. */
    public List<Axis> axes() {
        return axes;
    }

    /** The axis with the given name (e.g. "eta", "lambda0"). */
    public Axis axis(String name) {
        for (Axis a : axes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no axis " + name);
    }

    /**
     * Number of runs.
     *
     * @throws IllegalArgumentException if it does not fit in a long (naming the counts)
     */
    public long size() {
        long n = 1;
        try {
            for (Axis a : axes) {
                n = Math.multiplyExact(n, a.count());
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the grid has more than 2^63 runs (" + counts() + ")");
        }
        return n;
    }

    /** The counts of the axes, for messages: {@code eta 1000000 × lambda0 1000000}. */
    public String counts() {
        StringBuilder sb = new StringBuilder();
        for (Axis a : axes) {
            if (a.count() > 1) {
                sb.append(sb.isEmpty() ? "" : " × ").append(a.name()).append(' ').append(a.count());
            }
        }
        return sb.isEmpty() ? "one point" : sb.toString();
    }

    /** The specification of run i. */
    public RunSpec at(long index) {
        int[] c = new int[axes.size()];
        for (int k = axes.size() - 1; k >= 0; k--) {
            int n = axes.get(k).count();
            c[k] = (int) (index % n);
            index /= n;
        }
        return at(c);
    }

    /** The specification at the given index per axis (in {@link #axes()} order). */
    public RunSpec at(int[] coords) {
        double s = eta.value(coords[0]);
        StartSpec start;
        if (scale == null) {
            start = new StartSpec.Canonical(m0.value(coords[2]), lambda0.value(coords[3]));
        } else {
            double sc = scale.value(coords[2]);
            start = new StartSpec.Gaussian(width, sc, scaleB == null ? sc : scaleB, seed);
        }
        return settings.run(ModelSpec.Shallow.ofPhi(phi.value(coords[1])), start,
                relative ? new EtaSpec.Relative(s) : new EtaSpec.Absolute(s));
    }

    /**
     * The row columns that identify a run beyond its summary: the relative step as set ({@code eta_rel_set}, for
     * relative sweeps) and the initialization's own parameters.
     */
    public static Map<String, Object> columns(RunSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spec.eta() instanceof EtaSpec.Relative r) {
            m.put("eta_rel_set", r.value());
        }
        if (spec.start() instanceof StartSpec.Canonical c) {
            m.put("m0", c.m0());
            m.put("lambda0", c.lambda0());
        } else if (spec.start() instanceof StartSpec.Gaussian g) {
            m.put("scale", g.scale());
            m.put("scale_b", g.scaleB());
            m.put("seed", g.seed());
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
        if (scale != null) {
            m.put("init", "gaussian");
            m.put("width", width);
            m.put("scale_b", scaleB);
            m.put("seed", seed);
        } else {
            m.put("init", "canonical");
        }
        return m;
    }
}
