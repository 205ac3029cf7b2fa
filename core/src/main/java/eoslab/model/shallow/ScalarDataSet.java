package eoslab.model.shallow;

/**
 * A scalar-input data set (xᵢ, yᵢ) with loss (1/2n) Σ (aᵀb·xᵢ − yᵢ)², reduced as in docs/model.md §8 to the single-target
 * problem with Φ = Σxᵢyᵢ / Σxᵢ² and step scale σ² = (1/n) Σxᵢ²: GD with step η on the data is GD with step ησ² on
 * ½(aᵀb − Φ)².
 *
 * @param n       number of samples
 * @param phi     the equivalent target Φ
 * @param sigma2  σ² = mean of xᵢ²
 * @param offset  the constant the data loss adds: (1/2n)Σyᵢ² − σ²Φ²/2
 */
public record ScalarDataSet(int n, double phi, double sigma2, double offset) {

    /**
     * Reduces the data (arrays are read, not modified).
     *
     * @throws IllegalArgumentException if the arrays are empty, of different lengths, not finite, or all x are zero,
     *                                  or if the sums overflow or underflow in double arithmetic (naming the row)
     */
    public static ScalarDataSet of(double[] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("data set must have at least one row with both x and y");
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("data set values must be finite (row " + (i + 1) + ")");
            }
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
            syy += y[i] * y[i];
            if (!Double.isFinite(sxx) || !Double.isFinite(sxy) || !Double.isFinite(syy)) {
                throw new IllegalArgumentException("Σx², Σxy or Σy² overflows double at row " + (i + 1) + " (x = "
                        + x[i] + ", y = " + y[i] + "): rescale the data");
            }
        }
        if (!(sxx > 0)) {
            for (int i = 0; i < x.length; i++) {
                if (x[i] != 0) {
                    throw new IllegalArgumentException("Σx² underflows to 0 in double (x = " + x[i] + " at row "
                            + (i + 1) + "): rescale the data");
                }
            }
            throw new IllegalArgumentException("data set needs at least one non-zero x");
        }
        int n = x.length;
        double phi = sxy / sxx;
        double sigma2 = sxx / n;
        double offset = syy / (2.0 * n) - 0.5 * sigma2 * phi * phi;
        if (!Double.isFinite(phi) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("the target Φ = Σxy/Σx² = " + phi + " or the loss offset overflows "
                    + "double: rescale the data");
        }
        return new ScalarDataSet(n, phi, sigma2, offset);
    }

    /** The step on the model equivalent to step η on the data: ησ². */
    public double modelEta(double dataEta) {
        return dataEta * sigma2;
    }
}
