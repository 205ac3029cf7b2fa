package eoslab.sharpness;

import eoslab.EoslabTest;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharpnessRecordTest extends EoslabTest {

    @Test
    void isImmutable() {
        double[] values = {3, 1};
        double[][] vectors = {{1, 0}, {0, 1}};
        double[] residuals = {1e-9, 2e-9};
        Sharpness s = new Sharpness(values, vectors, residuals, 4, 30, true, Sharpness.LANCZOS);
        values[0] = 99;
        vectors[0][0] = 99;
        residuals[0] = 99;
        s.eigenvalues()[1] = 99;
        s.eigenvectors()[1][1] = 99;
        s.eigenvector(0)[0] = 99;
        s.residuals()[1] = 99;
        assertThat(s.eigenvalues()).containsExactly(3, 1);
        assertThat(s.eigenvectors()[0]).containsExactly(1, 0);
        assertThat(s.eigenvectors()[1]).containsExactly(0, 1);
        assertThat(s.residuals()).containsExactly(1e-9, 2e-9);
        assertThat(s.value()).isEqualTo(3);
        assertThat(s.errorBound(1)).isEqualTo(2e-9);
        assertThat(s.k()).isEqualTo(2);
        assertThat(s).isEqualTo(new Sharpness(new double[]{3, 1}, new double[][]{{1, 0}, {0, 1}},
                new double[]{1e-9, 2e-9}, 4, 30, true, Sharpness.LANCZOS));
        assertThat(s.hashCode()).isEqualTo(new Sharpness(new double[]{3, 1}, new double[][]{{1, 0}, {0, 1}},
                new double[]{1e-9, 2e-9}, 4, 30, true, Sharpness.LANCZOS).hashCode());
    }

    @Test
    void closedFormSortsDescendingWithZeroErrorBars() {
        Sharpness s = Sharpness.closedForm(-1, 5, 2);
        assertThat(s.eigenvalues()).containsExactly(5, 2, -1);
        assertThat(s.errorBound(0)).isZero();
        assertThat(s.method()).isEqualTo("closed-form");
        assertThat(s.hasEigenvectors()).isFalse();
        assertThatThrownBy(() -> s.eigenvector(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsInconsistentContents() {
        assertThatThrownBy(() -> new Sharpness(new double[]{1, 2}, new double[0][], new double[2], 0, 0, true, "dense"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("descending");
        assertThatThrownBy(() -> new Sharpness(new double[]{2, 1}, new double[0][], new double[1], 0, 0, true, "dense"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sharpness(new double[]{2}, new double[2][], new double[1], 0, 0, true, "dense"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sharpness(new double[0], new double[0][], new double[0], 0, 0, true, "dense"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
