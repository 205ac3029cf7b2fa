package eoslab.spec;

import eoslab.EoslabTest;
import eoslab.model.shallow.VectorPoint;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The three initialization forms, their reproducibility and their provenance. */
class StartSpecTest extends EoslabTest {

    @Test
    void gaussianDrawsAllOfAThenAllOfBFromJavaUtilRandom() {
        StartSpec.Gaussian g = new StartSpec.Gaussian(5, 0.3, 2.0, 42);
        VectorPoint p = g.point();
        Random rng = new Random(42);
        for (int i = 0; i < 5; i++) {
            assertThat(p.a(i)).isEqualTo(0.3 * rng.nextGaussian());
        }
        for (int i = 0; i < 5; i++) {
            assertThat(p.b(i)).isEqualTo(2.0 * rng.nextGaussian());
        }
        assertThat(g.point()).isEqualTo(p);
        assertThat(g.describe()).containsEntry("init", "gaussian").containsEntry("seed", 42L)
                .containsEntry("scale_b", 2.0).containsEntry("width", 5);
        assertThat(StartSpec.DEFAULT_SEED).isEqualTo(42L);
    }

    @Test
    void gaussianFirstDrawOfSeed42IsPinned() {
        // java.util.Random's algorithm is fixed by the Java specification: this value is the same everywhere.
        assertThat(new StartSpec.Gaussian(1, 1.0, 1.0, 42).point().a(0)).isEqualTo(1.1419053154730547);
    }

    @Test
    void canonicalAndExplicit() {
        StartSpec.Canonical c = new StartSpec.Canonical(0.1, 5.0);
        assertThat(c.point().product()).isCloseTo(0.1, within(1e-15));
        assertThat(c.point().norm()).isCloseTo(5.0, within(1e-15));
        assertThat(c.describe()).containsEntry("init", "canonical").containsEntry("lambda0", 5.0);
        VectorPoint v = VectorPoint.of(new double[] {1, 2}, new double[] {3, 4});
        assertThat(new StartSpec.Explicit(v).point()).isEqualTo(v);
        assertThat(v.product()).isEqualTo(11.0);
        assertThat(v.norm()).isEqualTo(30.0);
    }

    @Test
    void rejectsInvalidForms() {
        assertThatThrownBy(() -> new StartSpec.Gaussian(0, 1, 1, 1)).hasMessageContaining("width");
        assertThatThrownBy(() -> new StartSpec.Gaussian(2, Double.NaN, 1, 1)).hasMessageContaining("scale");
        assertThatThrownBy(() -> new StartSpec.Canonical(1, 1.5)).hasMessageContaining("2|m0|");
        assertThatThrownBy(() -> VectorPoint.of(new double[] {1}, new double[] {1, 2})).hasMessageContaining("same length");
        assertThatThrownBy(() -> VectorPoint.of(new double[0], new double[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> VectorPoint.of(new double[] {Double.POSITIVE_INFINITY}, new double[] {1}))
                .hasMessageContaining("finite");
    }

    @Test
    void vectorPointIsImmutable() {
        double[] a = {1, 2};
        VectorPoint p = VectorPoint.of(a, new double[] {3, 4});
        a[0] = 100;
        p.a()[1] = 100;
        assertThat(p.a()).containsExactly(1, 2);
    }
}
