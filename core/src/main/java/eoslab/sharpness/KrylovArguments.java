package eoslab.sharpness;

/** The argument checks the matrix-free estimators share (one message each, as their constructors document). */
final class KrylovArguments {
    private KrylovArguments() {
    }

    /**
     * @param k          number of top eigenvalues (≥ 1)
     * @param tol        relative tolerance (finite, ≥ 0)
     * @param budget     restarts or iterations (≥ 1)
     * @param budgetName its parameter name, for the message
     * @throws IllegalArgumentException naming the first argument out of range
     */
    static void check(int k, double tol, int budget, String budgetName) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and non-negative, got " + tol);
        }
        if (budget < 1) {
            throw new IllegalArgumentException(budgetName + " must be at least 1, got " + budget);
        }
    }
}
