package eoslab.sweep;

import eoslab.grid.Axis;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cartesian product of the swept parameters, in a fixed order: the step ({@code eta} or {@code eta-rel}), then
 * {@code phi}, then the initialization ({@code m0}, {@code lambda0} for the canonical form; {@code scale} for the
 * Gaussian form, with fixed width, σ_b and seed). Run i is the mixed-radix decomposition of i with the last axis
 * varying fastest.
 */
public final class ParameterGrid {
    private final Axis step;
    private final boolean relative;
    private final Axis phi;
    private final Axis m0;
    private final Axis lambda0;
    private final Axis scale;
    private final Double scaleB;
    private final int width;
    private final long seed;
    private final List<Axis> axes;

    private ParameterGrid(Axis step, boolean relative, Axis phi, Axis m0, Axis lambda0, Axis scale, Double scaleB,
                          int width, long seed) {
        this.step = step;
        this.relative = relative;
        this.phi = phi;
        this.m0 = m0;
        this.lambda0 = lambda0;
        this.scale = scale;
        this.scaleB = scaleB;
        this.width = width;
        this.seed = seed;
        List<Axis> list = new ArrayList<>(List.of(step, phi));
        if (scale == null) {
            list.add(m0);
            list.add(lambda0);
        } else {
            list.add(scale);
        }
        this.axes = Collections.unmodifiableList(list);
    }

    /**
     * A grid with the canonical initialization (m₀, λ₀).
     *
     * @throws IllegalArgumentException if some λ₀ &lt; 2|m₀| or a step is not positive
     */
    public static ParameterGrid canonical(Axis step, boolean relative, Axis phi, Axis m0, Axis lambda0) {
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
        checkPositive(step);
        return new ParameterGrid(step, relative, phi, m0, lambda0, null, null, 1, 0);
    }

    /**
     * A grid with the seeded Gaussian initialization.
     *
     * @param scaleB σ_b, or null for σ_b = σ
     */
    public static ParameterGrid gaussian(Axis step, boolean relative, Axis phi, Axis scale, Double scaleB, int width,
                                         long seed) {
        if (width < 1) {
            throw new IllegalArgumentException("--width must be at least 1, got " + width);
        }
        if (Math.min(scale.start(), scale.stop()) < 0 || (scaleB != null && !(scaleB >= 0))) {
            throw new IllegalArgumentException("--scale and --scale-b must be non-negative");
        }
        checkPositive(step);
        return new ParameterGrid(step, relative, phi, null, null, scale, scaleB, width, seed);
    }

    private static void checkPositive(Axis step) {
        if (!(Math.min(step.start(), step.stop()) > 0)) {
            throw new IllegalArgumentException("--" + step.name() + " must be positive");
        }
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

    /** Number of runs. */
    public long size() {
        long n = 1;
        for (Axis a : axes) {
            n *= a.count();
        }
        return n;
    }

    /** The parameters of run i. */
    public RunParameters at(long index) {
        int[] c = new int[axes.size()];
        for (int k = axes.size() - 1; k >= 0; k--) {
            int n = axes.get(k).count();
            c[k] = (int) (index % n);
            index /= n;
        }
        return at(c);
    }

    /** The parameters at the given index per axis (in {@link #axes()} order). */
    public RunParameters at(int[] coords) {
        double s = step.value(coords[0]);
        double f = phi.value(coords[1]);
        StartSpec init;
        if (scale == null) {
            init = new StartSpec.Canonical(m0.value(coords[2]), lambda0.value(coords[3]));
        } else {
            double sc = scale.value(coords[2]);
            init = new StartSpec.Gaussian(width, sc, scaleB == null ? sc : scaleB, seed);
        }
        return relative ? new RunParameters(null, s, f, init) : new RunParameters(s, null, f, init);
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
