package eoslab.sharpness;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The thick-restart Lanczos estimator: the contract of every matrix-free estimator, and its memory-saving basis. */
class ThickRestartLanczosTest extends MatrixFreeEstimatorContract {
    @Override
    WarmStartedEstimator create(int k, double tol, int maxRestarts, boolean wantVectors) {
        return new ThickRestartLanczos(k, tol, maxRestarts, wantVectors);
    }

    @Test
    void keepsASmallBasisAboveTheLargeDimension() {
        ThickRestartLanczos one = new ThickRestartLanczos(1, 1e-10, 100, false);
        assertThat(one.ncv(20)).isZero();
        assertThat(one.ncv(21)).isEqualTo(20);
        assertThat(one.ncv(ThickRestartLanczos.LARGE_DIMENSION)).isEqualTo(20);
        assertThat(one.ncv(ThickRestartLanczos.LARGE_DIMENSION + 1)).isEqualTo(10);
        assertThat(new ThickRestartLanczos(6, 1e-10, 100, false).ncv(10_000_000)).isEqualTo(14);
        assertThat(new ThickRestartLanczos(12, 1e-10, 100, false).ncv(10_000_000)).isEqualTo(25);
    }
}
