package eoslab.sharpness;

import eoslab.EoslabTest;
import eoslab.model.Model;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HessianOperatorTest extends EoslabTest {

    /** Hv against the central difference of the gradient: checks the test models' HVPs independently. */
    private static void assertMatchesFiniteDifference(Model model, double[] theta, double[] v) {
        int n = model.dimension();
        double h = 1e-5;
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int i = 0; i < n; i++) {
            plus[i] += h * v[i];
            minus[i] -= h * v[i];
        }
        double[] gp = new double[n];
        double[] gm = new double[n];
        model.gradient(plus, gp);
        model.gradient(minus, gm);
        double[] hv = new double[n];
        new HessianOperator(model, theta).apply(v, hv);
        double scale = Fixtures.norm(hv);
        for (int i = 0; i < n; i++) {
            assertThat(hv[i]).isCloseTo((gp[i] - gm[i]) / (2 * h), within(1e-7 * scale));
        }
    }

    @Test
    void appliesTheHessianOfTheTestModels() {
        Random rnd = new Random(11);
        ShallowTestModel shallow = new ShallowTestModel(7, 1.3);
        assertMatchesFiniteDifference(shallow, Fixtures.gaussian(14, 1.0, rnd), Fixtures.gaussian(14, 1.0, rnd));
        SpectralModel quartic = SpectralModel.quadratic(Fixtures.spectrum(30, -3, 5, rnd), 3, 5).withQuartic(0.7)
                .withLinear(Fixtures.gaussian(30, 1.0, rnd));
        assertMatchesFiniteDifference(quartic, Fixtures.gaussian(30, 1.0, rnd), Fixtures.gaussian(30, 1.0, rnd));
    }

    @Test
    void gradientOfTheTestModelsIsTheDerivativeOfTheLoss() {
        Random rnd = new Random(12);
        Model[] models = {new ShallowTestModel(5, -0.8),
            SpectralModel.quadratic(Fixtures.spectrum(20, -2, 4, rnd), 3, 6).withQuartic(0.3)
                    .withLinear(Fixtures.gaussian(20, 1.0, rnd))};
        for (Model model : models) {
            int n = model.dimension();
            double[] theta = Fixtures.gaussian(n, 1.0, rnd);
            double[] v = Fixtures.gaussian(n, 1.0, rnd);
            double[] grad = new double[n];
            double loss = model.gradient(theta, grad);
            assertThat(loss).isCloseTo(model.loss(theta), within(1e-12 * Math.abs(loss)));
            double h = 1e-5;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            for (int i = 0; i < n; i++) {
                plus[i] += h * v[i];
                minus[i] -= h * v[i];
            }
            double fd = (model.loss(plus) - model.loss(minus)) / (2 * h);
            assertThat(Fixtures.dot(grad, v)).isCloseTo(fd, within(1e-7 * Fixtures.norm(grad) * Fixtures.norm(v)));
        }
    }

    @Test
    void countsApplicationsAndKeepsItsOwnCopyOfThePoint() {
        ShallowTestModel model = new ShallowTestModel(3, 1);
        double[] theta = {1, 2, 3, -1, 0.5, 2};
        HessianOperator op = new HessianOperator(model, theta);
        double[] v = {1, 0, 0, 0, 1, 0};
        double[] first = new double[6];
        op.apply(v, first);
        theta[0] = 100;
        double[] second = new double[6];
        op.apply(v, second);
        assertThat(second).containsExactly(first);
        assertThat(op.applications()).isEqualTo(2);
        op.apply(v, 0, second, 0);
        assertThat(op.applications()).isEqualTo(3);
        op.resetApplications();
        assertThat(op.applications()).isZero();
        op.moveTo(theta);
        double[] moved = new double[6];
        op.apply(v, moved);
        double[] expected = new double[6];
        model.hessianVector(theta, v, expected);
        assertThat(moved).containsExactly(expected);
        assertThat(op.point()).containsExactly(theta);
    }

    @Test
    void offsetFormReadsAndWritesInsideOneArray() {
        ShallowTestModel model = new ShallowTestModel(2, 0.5);
        double[] theta = {0.3, -1.2, 0.7, 2.0};
        HessianOperator op = new HessianOperator(model, theta);
        double[] work = {9, 9, 1, 2, 3, 4, 9, 9};
        double[] expected = new double[4];
        op.apply(new double[]{1, 2, 3, 4}, expected);
        op.apply(work, 2, work, 1);
        assertThat(work[0]).isEqualTo(9);
        assertThat(new double[]{work[1], work[2], work[3], work[4]}).containsExactly(expected);
        assertThat(work[5]).isEqualTo(4);
    }

    @Test
    void rejectsAliasedOrMisSizedVectors() {
        HessianOperator op = new HessianOperator(new ShallowTestModel(2, 1), new double[4]);
        double[] v = new double[4];
        assertThatThrownBy(() -> op.apply(v, v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different");
        assertThatThrownBy(() -> op.apply(new double[3], new double[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HessianOperator(new ShallowTestModel(2, 1), new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 5");
        assertThatThrownBy(() -> op.moveTo(new ShallowTestModel(3, 1), new double[6]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    }
}
