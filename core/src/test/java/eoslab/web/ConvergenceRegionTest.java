package eoslab.web;

import eoslab.EoslabTest;
import eoslab.landscape.ConvergenceBoundary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shaded region of the orbit plot against the boundary η* in its other form: at a point just below λ_max(m) the
 * start's η* exceeds η, just above it η* is below η; and λ_max(m) = 4/η + ηΦ(m − Φ), the line where F(η) = 0.
 */
class ConvergenceRegionTest extends EoslabTest {
    @Test
    @SuppressWarnings("unchecked")
    void theBoundaryIsWhereEtaStarEqualsEta() {
        for (double phi : new double[] {1, -2, 0.5}) {
            for (double eta : new double[] {0.1, 0.45, 0.9 / Math.abs(phi)}) {
                Map<String, Object> r = ConvergenceRegion.of(phi, eta, -3, 3, 31, 0.1, 5);
                List<Double> m = (List<Double>) r.get("m");
                List<Double> top = (List<Double>) r.get("lambda_max");
                assertThat(m).hasSize(31);
                assertThat(m.get(0)).isEqualTo(-3.0);
                assertThat(m.get(30)).isEqualTo(3.0);
                for (int i = 0; i < m.size(); i++) {
                    double mi = m.get(i);
                    double l = top.get(i);
                    assertThat(l).isCloseTo(4 / eta + eta * phi * (mi - phi), within(1e-12 * Math.abs(4 / eta)));
                    if (l > 2 * Math.abs(mi) * (1 + 1e-6)) {
                        double below = Math.max(2 * Math.abs(mi), l * (1 - 1e-9));
                        assertThat(ConvergenceBoundary.of(phi, mi, below).eta()).isGreaterThanOrEqualTo(eta);
                        assertThat(ConvergenceBoundary.of(phi, mi, l * (1 + 1e-9)).eta()).isLessThan(eta);
                    }
                }
            }
        }
    }

    @Test
    void beyondOneOverPhiNoStartConverges() {
        Map<String, Object> r = ConvergenceRegion.of(1, 1.0, -1, 1, 5, 0.1, 5);
        assertThat(r.get("lambda_max")).isNull();
        assertThat((Double) r.get("eta_star")).isEqualTo(ConvergenceBoundary.of(1, 0.1, 5).eta());
        assertThat(r.get("eta_star_bound")).isEqualTo("norm");
    }
}
