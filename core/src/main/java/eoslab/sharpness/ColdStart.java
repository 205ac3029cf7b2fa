package eoslab.sharpness;

/**
 * The fixed pseudo-random start vectors of the matrix-free estimators (SplitMix64), so that a cold start, and every
 * fresh direction an estimator needs, is the same in every run and on every machine.
 */
final class ColdStart {
    /** The seed of a cold start; estimators offset it for further directions. */
    static final long SEED = 0x5EED_5EED_5EEDL;

    private ColdStart() {
    }

    /**
     * Fills x with entries in (−1, 1) from SplitMix64 started at the seed.
     *
     * @param x modified
     */
    static void fill(double[] x, long seed) {
        long s = seed;
        for (int i = 0; i < x.length; i++) {
            s += 0x9E3779B97F4A7C15L;
            long h = s;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
            x[i] = 2.0 * ((h >>> 11) * 0x1.0p-53) - 1.0;
        }
    }
}
