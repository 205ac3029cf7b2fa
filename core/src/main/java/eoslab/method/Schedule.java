package eoslab.method;

import java.util.Arrays;

/**
 * The step size η_k of iteration k (k = 0 takes θ₀ to θ₁), as a value in the units of the model (the CLI's
 * {@code spec.ScheduleSpec} resolves what the user gave into one). Every schedule is built around a nominal step η
 * ({@link #nominal()}), the step {@code --eta}/{@code --eta-rel} gave: the regime and the landmarks refer to it.
 */
public sealed interface Schedule permits Schedule.Constant, Schedule.Warmup, Schedule.Cosine, Schedule.StepDecay,
        Schedule.Exponential, Schedule.Listed {
    /** η_k. */
    double eta(long step);

    /** True when η_k is the same at every step (engines then skip the per-step lookup). */
    boolean isConstant();

    /** The nominal step η the schedule is built around. */
    double nominal();

    /** The number of steps the schedule defines: η_k exists for k &lt; length ({@link Long#MAX_VALUE}: all). */
    default long length() {
        return Long.MAX_VALUE;
    }

    /**
     * The first step at which a run may count as converged (0: from the start). A warm-up's runs are judged at the
     * target step only: an iterate that meets the tolerance while the step is still growing sits on a minimum of a
     * smaller step, which the target step may not hold (the warm-up's whole point). So a run with a warm-up of K steps
     * converges at the first k ≥ K with |ε_k| ≤ τ on a minimum the target step holds (the engines of the shallow model
     * check its sharpness against the method's stability edge, {@link eoslab.dynamics.Stepper#mayStop}).
     */
    default long convergenceFrom() {
        return 0;
    }

    /** The short form of {@code --schedule}, in model units ({@code constant}, {@code warmup:100}, …). */
    String label();

    /** Checks a step: finite and positive. */
    private static double positive(String what, double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException(what + " must be a finite positive number, got " + eta);
        }
        return eta;
    }

    /** Checks a step: finite and non-negative. */
    private static double nonNegative(String what, double eta) {
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException(what + " must be a finite non-negative number, got " + eta);
        }
        return eta;
    }

    private static long atLeastOne(String what, long n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + n);
        }
        return n;
    }

    private static double positiveFactor(String what, double g) {
        if (!(g > 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException(what + " must be a finite positive factor, got " + g);
        }
        return g;
    }

    /**
     * The same step η at every iteration.
     *
     * @param eta η &gt; 0
     */
    record Constant(double eta) implements Schedule {
        /** Validates η. */
        public Constant {
            positive("eta", eta);
        }

        @Override
        public double eta(long step) {
            return eta;
        }

        @Override
        public boolean isConstant() {
            return true;
        }

        @Override
        public double nominal() {
            return eta;
        }

        @Override
        public String label() {
            return "constant";
        }
    }

    /**
     * Linear warm-up over K steps: η_k = η·(k/K) + η_start·(1 − k/K) for k &lt; K (η_0 = η_start exactly), then η.
     *
     * @param eta   the target step η &gt; 0
     * @param start η_start ≥ 0
     * @param steps K ≥ 1
     */
    record Warmup(double eta, double start, long steps) implements Schedule {
        /** Validates the parameters. */
        public Warmup {
            positive("eta", eta);
            nonNegative("--eta-start", start);
            atLeastOne("warmup:K", steps);
        }

        @Override
        public double eta(long step) {
            if (step >= steps) {
                return eta;
            }
            double f = (double) step / steps;
            return eta * f + start * (1.0 - f);
        }

        @Override
        public boolean isConstant() {
            return false;
        }

        @Override
        public double nominal() {
            return eta;
        }

        @Override
        public long convergenceFrom() {
            return steps;
        }

        @Override
        public String label() {
            return "warmup:" + steps;
        }
    }

    /**
     * Cosine decay over T steps: η_k = η·w_k + η_min·(1 − w_k), w_k = (1 + cos(πk/T))/2, for k &lt; T (η_0 = η
     * exactly), then η_min.
     *
     * @param eta    the initial step η &gt; 0
     * @param min    η_min ≥ 0
     * @param period T ≥ 1
     */
    record Cosine(double eta, double min, long period) implements Schedule {
        /** Validates the parameters. */
        public Cosine {
            positive("eta", eta);
            nonNegative("cosine η_min", min);
            atLeastOne("cosine:T", period);
        }

        @Override
        public double eta(long step) {
            if (step >= period) {
                return min;
            }
            double w = 0.5 * (1.0 + Math.cos(Math.PI * ((double) step / period)));
            return eta * w + min * (1.0 - w);
        }

        @Override
        public boolean isConstant() {
            return false;
        }

        @Override
        public double nominal() {
            return eta;
        }

        @Override
        public String label() {
            return "cosine:" + period + ":" + min;
        }
    }

    /**
     * Step decay: η_k = η·γ^⌊k/K⌋.
     *
     * @param eta    η &gt; 0
     * @param every  K ≥ 1
     * @param factor γ &gt; 0
     */
    record StepDecay(double eta, long every, double factor) implements Schedule {
        /** Validates the parameters. */
        public StepDecay {
            positive("eta", eta);
            atLeastOne("step:K", every);
            positiveFactor("step:K:γ", factor);
        }

        @Override
        public double eta(long step) {
            return eta * Math.pow(factor, (double) (step / every));
        }

        @Override
        public boolean isConstant() {
            return factor == 1.0;
        }

        @Override
        public double nominal() {
            return eta;
        }

        @Override
        public String label() {
            return "step:" + every + ":" + factor;
        }
    }

    /**
     * Exponential schedule: η_k = η·γᵏ.
     *
     * @param eta    η &gt; 0
     * @param factor γ &gt; 0
     */
    record Exponential(double eta, double factor) implements Schedule {
        /** Validates the parameters. */
        public Exponential {
            positive("eta", eta);
            positiveFactor("exp:γ", factor);
        }

        @Override
        public double eta(long step) {
            return eta * Math.pow(factor, (double) step);
        }

        @Override
        public boolean isConstant() {
            return factor == 1.0;
        }

        @Override
        public double nominal() {
            return eta;
        }

        @Override
        public String label() {
            return "exp:" + factor;
        }
    }

    /**
     * Steps listed one by one (from a file): η_k = values[k]; there is no η_k past the list (a run that needs one is
     * refused before it starts, never silently repeated).
     *
     * @param eta    the nominal step η &gt; 0
     * @param values η_0, η_1, … (each finite and ≥ 0; copied)
     */
    record Listed(double eta, double[] values) implements Schedule {
        /** Validates and copies. */
        public Listed {
            positive("eta", eta);
            values = values.clone();
            if (values.length == 0) {
                throw new IllegalArgumentException("a listed schedule needs at least one step size");
            }
            for (double v : values) {
                nonNegative("a listed step size", v);
            }
        }

        @Override
        public double eta(long step) {
            if (step >= values.length) {
                throw new IllegalStateException("the schedule lists " + values.length + " step sizes; step "
                        + step + " has none");
            }
            return values[(int) step];
        }

        /** η_0, η_1, … (a copy). */
        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean isConstant() {
            return false;
        }

        @Override
        public double nominal() {
            return eta;
        }

        @Override
        public long length() {
            return values.length;
        }

        @Override
        public String label() {
            return "file";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Listed l && Double.compare(l.eta, eta) == 0 && Arrays.equals(l.values, values);
        }

        @Override
        public int hashCode() {
            return 31 * Double.hashCode(eta) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Listed[eta=" + eta + ", " + values.length + " values]";
        }
    }
}
