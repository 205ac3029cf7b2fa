package eoslab.model.shallow;

import eoslab.EoslabTest;
import eoslab.dynamics.shallow.VectorGd;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The closed forms of docs/model.md §2 and §4 against the dense Hessian and direct sums. */
class QuantitiesTest extends EoslabTest {

    /** Seeded random points, d = 1…20, with scales and targets that put many of them far from any minimum. */
    static Stream<Arguments> points() {
        return IntStream.range(0, 120).mapToObj(i -> {
            Random rng = new Random(7000L + i);
            int d = 1 + i % 20;
            double scale = Math.pow(10, -1 + 2.5 * rng.nextDouble());
            double phi = (rng.nextDouble() - 0.5) * Math.pow(10, -1 + 3 * rng.nextDouble());
            double[] a = new double[d];
            double[] b = new double[d];
            for (int j = 0; j < d; j++) {
                a[j] = scale * rng.nextGaussian();
                b[j] = scale * (rng.nextDouble() < 0.2 ? 3 : 1) * rng.nextGaussian();
            }
            return Arguments.of(i, phi, VectorPoint.of(a, b));
        });
    }

    /** ∇²L = [[b bᵀ, εI + b aᵀ], [εI + a bᵀ, a aᵀ]] in the coordinates (a, b). */
    static double[] hessianEigenvalues(double phi, VectorPoint p) {
        int d = p.width();
        double eps = p.product() - phi;
        double[][] h = new double[2 * d][2 * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                h[i][j] = p.b(i) * p.b(j);
                h[d + i][d + j] = p.a(i) * p.a(j);
                h[i][d + j] = (i == j ? eps : 0) + p.b(i) * p.a(j);
                h[d + i][j] = (i == j ? eps : 0) + p.a(i) * p.b(j);
            }
        }
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false)).getEigenvalues().clone();
        Arrays.sort(ev);
        return ev;
    }

    @ParameterizedTest(name = "point {0}")
    @MethodSource("points")
    void closedFormSharpnessIsTheLargestHessianEigenvalue(int index, double phi, VectorPoint p) {
        double[] ev = hessianEigenvalues(phi, p);
        double top = ev[ev.length - 1];
        double eps = p.product() - phi;
        double tol = 1e-11 * (p.norm() + Math.abs(eps));
        assertThat(Quantities.sharpness(eps, p.norm(), p.product())).isCloseTo(top, within(tol));
        assertThat(ShallowSnapshot.of(VectorGd.from(phi, 0.1, p)).sharpness()).isCloseTo(top, within(tol));
    }

    @ParameterizedTest(name = "point {0}")
    @MethodSource("points")
    void hessianSpectrumIsPlusMinusEpsilonAndTheTwoRoots(int index, double phi, VectorPoint p) {
        int d = p.width();
        double eps = p.product() - phi;
        double lambda = p.norm();
        double m = p.product();
        double root = Math.sqrt(lambda * lambda + 4 * eps * (eps + 2 * m));
        double[] expected = new double[2 * d];
        for (int i = 0; i < d - 1; i++) {
            expected[i] = eps;
            expected[d - 1 + i] = -eps;
        }
        expected[2 * d - 2] = 0.5 * (lambda + root);
        expected[2 * d - 1] = 0.5 * (lambda - root);
        Arrays.sort(expected);
        double[] ev = hessianEigenvalues(phi, p);
        double tol = 1e-11 * (lambda + Math.abs(eps));
        for (int i = 0; i < ev.length; i++) {
            assertThat(ev[i]).as("eigenvalue %d of %d", i, ev.length).isCloseTo(expected[i], within(tol));
        }
        assertThat(expected[2 * d - 1]).as("the larger root is the top eigenvalue").isGreaterThanOrEqualTo(Math.abs(eps));
    }

    @ParameterizedTest(name = "point {0}")
    @MethodSource("points")
    void invariantsSatisfyTheirIdentities(int index, double phi, VectorPoint p) {
        double m = p.product();
        double lambda = p.norm();
        double q = p.imbalance();
        double[] a = p.a();
        double[] b = p.b();
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        double tol = 1e-12 * lambda * lambda;
        assertThat(lambda * lambda).as("λ² = Q² + 4m²").isCloseTo(q * q + 4 * m * m, within(tol));
        assertThat(q * q).as("Q² = (‖a‖²−‖b‖²)² + 4(‖a‖²‖b‖² − m²)")
                .isCloseTo((aa - bb) * (aa - bb) + 4 * (aa * bb - m * m), within(tol));
        ReducedPoint r = p.toReduced();
        assertThat(r.product()).isCloseTo(m, within(1e-12 * lambda));
        assertThat(r.norm()).isCloseTo(lambda, within(1e-12 * lambda));
        assertThat(r.imbalance()).isCloseTo(q, within(1e-12 * lambda));
        assertThat(Quantities.gfSharpness(phi, q)).isCloseTo(Math.sqrt(4 * phi * phi + q * q), within(1e-12 * lambda));
    }

    @Test
    void atAGlobalMinimumSharpnessIsTheNormAndTheBalancedMinimumIsFlattest() {
        double phi = 1.7;
        VectorPoint balanced = VectorPoint.of(new double[] {Math.sqrt(phi)}, new double[] {Math.sqrt(phi)});
        VectorPoint tilted = VectorPoint.of(new double[] {2.0}, new double[] {phi / 2.0});
        assertThat(Quantities.sharpness(0, balanced.norm(), phi)).isCloseTo(2 * phi, within(1e-14));
        assertThat(Quantities.sharpness(0, tilted.norm(), phi)).isEqualTo(tilted.norm());
        assertThat(tilted.norm()).isCloseTo(Quantities.gfSharpness(phi, tilted.imbalance()), within(1e-14));
        assertThat(tilted.norm()).isGreaterThan(2 * phi);
        assertThat(Quantities.loss(-3.0)).isEqualTo(4.5);
    }

    @Test
    void canonicalPointHasTheRequestedProductAndNorm() {
        ReducedPoint c = ReducedPoint.canonical(-0.3, 2.5);
        VectorPoint v = c.toVectors();
        assertThat(v.width()).isEqualTo(1);
        assertThat(v.product()).isCloseTo(-0.3, within(1e-15));
        assertThat(v.norm()).isCloseTo(2.5, within(1e-15));
        assertThat(ReducedPoint.canonical(1.0, 2.0).q()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReducedPoint.canonical(1.0, 1.99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda0");
    }
}
