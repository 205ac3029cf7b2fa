package eoslab.method;

/** The step size η_k of iteration k (k = 0 takes θ₀ to θ₁), as a value. */
public sealed interface Schedule permits Schedule.Constant {
    /** η_k. */
    double eta(long step);

    /** True when η_k is the same at every step (engines then skip the per-step lookup). */
    boolean isConstant();

    /** The largest η_k over all steps: what the stability landmarks compare against. */
    double peak();

    /**
     * The same step η at every iteration.
     *
     * @param eta η &gt; 0
     */
    record Constant(double eta) implements Schedule {
        /** Validates η. */
        public Constant {
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("eta must be a finite positive number, got " + eta);
            }
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
        public double peak() {
            return eta;
        }
    }
}
