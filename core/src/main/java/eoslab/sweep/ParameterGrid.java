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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cartesian product of the swept parameters, in a fixed order: the step ({@code eta}, {@code eta-rel} or
 * {@code eta-crit}: the name of the step axis says which {@link EtaSpec} its values are), then the momentum
 * {@code beta} (only for a method with momentum), then {@code phi}, then the initialization ({@code m0},
 * {@code lambda0} for the canonical form; {@code scale} for the Gaussian form, with fixed width, σ_b and seed). Each
 * point is a {@link RunSpec}: the grid's {@link RunSettings} with the point's model, start, step and β. Run i is the
 * mixed-radix decomposition of i with the last axis varying fastest.
 */
public final class ParameterGrid {
    private final Axis eta;
    private final Axis beta;
    private final Axis phi;
    private final Axis m0;
    private final Axis lambda0;
    private final Axis scale;
    private final Double scaleB;
    private final int width;
    private final long seed;
    private final RunSettings settings;
    private final List<Axis> axes;

    /** The names of a step axis: absolute, relative to 2/λ_GF, relative to η*. */
    public static final List<String> ETA_AXES = List.of("eta", "eta-rel", "eta-crit");

    private ParameterGrid(Axis eta, Axis beta, Axis phi, Axis m0, Axis lambda0, Axis scale, Double scaleB,
                          int width, long seed, RunSettings settings) {
        if ((beta != null) != settings.method().hasMomentum()) {
            throw new IllegalArgumentException(beta == null ? "a grid of a method with momentum needs a beta axis"
                    : "--beta applies to --method heavy-ball or nesterov");
        }
        if (beta != null && !(beta.start() >= 0 && beta.stop() < 1)) {
            throw new IllegalArgumentException("--beta must be in [0, 1)");
        }
        this.eta = eta;
        this.beta = beta;
        this.phi = phi;
        this.m0 = m0;
        this.lambda0 = lambda0;
        this.scale = scale;
        this.scaleB = scaleB;
        this.width = width;
        this.seed = seed;
        this.settings = settings;
        List<Axis> list = new ArrayList<>(List.of(eta));
        if (beta != null) {
            list.add(beta);
        }
        list.add(phi);
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
     * |Φ| &gt; 1e100, an initial norm &gt; 1e100, a relative step where λ_GF = 0 (Φ = 0 with a balanced start), a step
     * relative to η* where η* = ∞ (Φ = 0 and a = b = 0).
     */
    private void validate() {
        boolean relative = eta.name().equals("eta-rel");
        boolean critical = eta.name().equals("eta-crit");
        // the axes increase from start to stop: |Φ| and the norm are largest at an end
        Runs.checkTarget(phi.start());
        Runs.checkTarget(phi.stop());
        boolean zeroPhi = phi.contains(0);
        if (scale == null) {
            Runs.checkNorm(lambda0.start());
            Runs.checkNorm(lambda0.stop());
            if (zeroPhi && relative) {
                // λ_GF = 0 needs a balanced start: λ0 = 2|m0|
                for (int i = 0; i < lambda0.count(); i++) {
                    double l = lambda0.value(i);
                    if (m0.contains(l / 2) || m0.contains(-l / 2)) {
                        throw new IllegalArgumentException(Runs.UNDEFINED_RELATIVE);
                    }
                }
            }
            if (zeroPhi && critical && lambda0.contains(0)) {
                throw new IllegalArgumentException(Runs.UNDEFINED_CRITICAL);
            }
        } else {
            // the norm grows with σ (the same draws, scaled): the largest scale bounds it; σ = σ_b = 0 is a = b = 0
            int[] largest = new int[axes.size()];
            largest[axes.indexOf(scale)] = scale.count() - 1;
            Runs.checkNorm(at(largest).start().point().norm());
            boolean zeroStart = scale.contains(0) && (scaleB == null || scaleB == 0);
            if (zeroPhi && zeroStart && (relative || critical)) {
                throw new IllegalArgumentException(relative ? Runs.UNDEFINED_RELATIVE : Runs.UNDEFINED_CRITICAL);
            }
        }
    }

    /**
     * A grid with the canonical initialization (m₀, λ₀).
     *
     * @param settings how every point runs: method, stop rule, engine and arithmetic
     * @throws IllegalArgumentException if some λ₀ &lt; 2|m₀| or a step is not positive
     */
    public static ParameterGrid canonical(Axis eta, Axis phi, Axis m0, Axis lambda0, RunSettings settings) {
        // the axes increase from start to stop: their extremes are at the ends
        double maxAbsM = Math.max(Math.abs(m0.start()), Math.abs(m0.stop()));
        double minL = Math.min(lambda0.start(), lambda0.stop());
        if (minL < 2 * maxAbsM) {
            throw new IllegalArgumentException("every lambda0 must be at least 2|m0| (smallest lambda0 " + minL
                    + ", largest |m0| " + maxAbsM + ")");
        }
        checkPositive(eta);
        return new ParameterGrid(eta, momentumAxis(settings), phi, m0, lambda0, null, null, 1, 0, settings);
    }

    /**
     * A grid with the seeded Gaussian initialization.
     *
     * @param scaleB   σ_b, or null for σ_b = σ
     * @param settings how every point runs
     */
    public static ParameterGrid gaussian(Axis eta, Axis phi, Axis scale, Double scaleB, int width, long seed,
                                         RunSettings settings) {
        if (width < 1) {
            throw new IllegalArgumentException("--width must be at least 1, got " + width);
        }
        if (Math.min(scale.start(), scale.stop()) < 0 || (scaleB != null && !(scaleB >= 0))) {
            throw new IllegalArgumentException("--scale and --scale-b must be non-negative");
        }
        checkPositive(eta);
        return new ParameterGrid(eta, momentumAxis(settings), phi, null, null, scale, scaleB, width, seed, settings);
    }

    /** The single-valued β axis of the settings' method, or null without momentum. */
    private static Axis momentumAxis(RunSettings settings) {
        return settings.method().hasMomentum() ? Axis.single("beta", settings.method().beta()) : null;
    }

    /**
     * The same grid with β swept over the given axis (named {@code beta}, values in [0, 1)).
     *
     * @throws IllegalArgumentException if the method has no momentum
     */
    public ParameterGrid withBeta(Axis betaAxis) {
        if (!betaAxis.name().equals("beta")) {
            throw new IllegalArgumentException("the momentum axis must be named beta");
        }
        return new ParameterGrid(eta, betaAxis, phi, m0, lambda0, scale, scaleB, width, seed, settings);
    }

    private static void checkPositive(Axis eta) {
        if (!ETA_AXES.contains(eta.name())) {
            throw new IllegalArgumentException("the step axis must be named one of " + ETA_AXES + ", got " + eta.name());
        }
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
        int k = 0;
        Axis e = a[k++];
        Axis b = beta == null ? null : a[k++];
        Axis f = a[k++];
        ParameterGrid g = scale == null ? canonical(e, f, a[k], a[k + 1], settings)
                : gaussian(e, f, a[k], scaleB, width, seed, settings);
        return b == null ? g : g.withBeta(b);
    }

    /**
     * How many runs of the grid have a tolerance below what their arithmetic resolves (it depends on the start only,
     * so each start is resolved once).
     */
    public long runsBelowResolution() {
        int perStart = eta.count();
        long starts = size() / perStart;
        long below = 0;
        for (long i = 0; i < starts; i++) {
            RunSpec spec = at(i);
            if (Runs.resolve(spec.model(), spec.start()).belowResolution(settings.stop(), settings.precision())) {
                below += perStart;
            }
        }
        return below;
    }

    /** The same grid with every point run with another stop rule. */
    public ParameterGrid withStop(StopRule stop) {
        RunSettings s = new RunSettings(settings.method(), stop, settings.engine(), settings.precision());
        return new ParameterGrid(eta, beta, phi, m0, lambda0, scale, scaleB, width, seed, s);
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
        int k = 0;
        double s = eta.value(coords[k++]);
        RunSettings point = beta == null ? settings : new RunSettings(settings.method().withBeta(
                beta.value(coords[k++])), settings.stop(), settings.engine(), settings.precision());
        double f = phi.value(coords[k++]);
        StartSpec start;
        if (scale == null) {
            start = new StartSpec.Canonical(m0.value(coords[k]), lambda0.value(coords[k + 1]));
        } else {
            double sc = scale.value(coords[k]);
            start = new StartSpec.Gaussian(width, sc, scaleB == null ? sc : scaleB, seed);
        }
        return point.run(ModelSpec.Shallow.ofPhi(f), start, etaSpec(eta.name(), s));
    }

    /** The step of a point on a step axis of the given name ({@link #ETA_AXES}). */
    public static EtaSpec etaSpec(String axisName, double value) {
        return switch (axisName) {
            case "eta-rel" -> new EtaSpec.Relative(value);
            case "eta-crit" -> new EtaSpec.Critical(value);
            default -> new EtaSpec.Absolute(value);
        };
    }

    /**
     * The row columns that identify a run beyond its summary: the relative step as set ({@code eta_rel_set} or
     * {@code eta_crit_set}, for relative sweeps) and the initialization's own parameters.
     */
    public static Map<String, Object> columns(RunSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (spec.eta() instanceof EtaSpec.Relative r) {
            m.put("eta_rel_set", r.value());
        } else if (spec.eta() instanceof EtaSpec.Critical c) {
            m.put("eta_crit_set", c.value());
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

    /** The grid's definition, for manifests: the axes, the initialization and a method other than plain GD. */
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
        if (!settings.method().isPlainGd()) {
            Map<String, Object> method = new LinkedHashMap<>(settings.method().describe());
            method.remove("beta");
            m.put("method", method);
        }
        return m;
    }
}
