package eoslab.report;

import eoslab.EoslabTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementTest extends EoslabTest {
    private static Statement sooner(double tGd, double tGf) {
        return Statement.of("x.sooner", "GD reaches it at $t$ = {t_gd}, {ratio} × sooner than GF ($t$ = {t_gf}).")
                .value("t_gd", tGd, 3).value("t_gf", tGf, 3).derive("ratio", v -> v.get("t_gf") / v.get("t_gd"), 2)
                .asserts("t_gd < t_gf", v -> v.get("t_gd") < v.get("t_gf"));
    }

    @Test
    void aSentenceIsFilledFromItsNumbersAndPrintedOnlyWhenItsPredicateHolds() {
        Statement s = sooner(2.7777, 9.2123);
        assertThat(s.holds()).isTrue();
        assertThat(s.markup()).isEqualTo("GD reaches it at $t$ = 2.78, 3.3 × sooner than GF ($t$ = 9.21).");
        assertThat(s.plain()).isEqualTo("GD reaches it at t = 2.78, 3.3 × sooner than GF (t = 9.21).");
        assertThat(s.values().get("ratio")).isEqualTo(9.2123 / 2.7777);
        Statement wrong = sooner(25, 7.7);
        assertThat(wrong.holds()).isFalse();
        assertThat(new Block.Paragraph(List.of(s, wrong)).statements()).containsExactly(s);
    }

    @Test
    void recomputedNumbersAreJudgedAndPrintedWithTheSameRule() {
        Statement s = sooner(2.7777, 9.2123);
        assertThat(s.holdsFor(Map.of("t_gd", 2.7777, "t_gf", 9.2123))).isTrue();
        assertThat(s.holdsFor(Map.of("t_gd", 10.0, "t_gf", 9.2123))).isFalse();
        assertThat(s.holdsFor(Map.of("t_gd", Double.NaN, "t_gf", 9.2123))).isFalse();
        assertThat(s.fill(Map.of("t_gd", 2.7779, "t_gf", 9.2123))).isEqualTo(s.markup());
        assertThat(s.fill(Map.of("t_gd", 2.9, "t_gf", 9.2123))).isNotEqualTo(s.markup());
    }

    @Test
    void powersOfTenAreSetAsMathsAndCountsAreGrouped() {
        Statement s = Statement.of("x.tol", "stops at {tol} after {n} steps").value("tol", 1e-12, 3).count("n", 44000);
        assertThat(s.markup()).isEqualTo("stops at $10^{−12}$ after 44\u202F000 steps");
        assertThat(s.plain()).isEqualTo("stops at 10⁻¹² after 44\u202F000 steps");
    }

    @Test
    void missingNumbersAndNonFiniteValuesAreBugs() {
        assertThatThrownBy(() -> Statement.of("x", "a {b}").markup()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Statement.of("x", "a {b}").value("b", Double.NaN, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mathsBecomesMathMlAndCodeStaysCode() {
        assertThat(MathMl.html("the $λ_{GF}$ of `./eoslab run --tol 1.0E-12` & **bold**")).isEqualTo(
                "the <math><msub><mi>λ</mi><mrow><mi>GF</mi></mrow></msub></math> of "
                        + "<code>./eoslab run --tol 1.0E-12</code> &amp; <b>bold</b>");
        assertThat(MathMl.html("$\\sqrt{4Φ^2 + Q_0^2}$")).isEqualTo("<math><msqrt><mrow><mn>4</mn><msup><mi>Φ</mi>"
                + "<mrow><mn>2</mn></mrow></msup><mo>+</mo><msub><mi>Q</mi><mrow><mn>0</mn></mrow></msub>"
                .replace("<msub><mi>Q</mi><mrow><mn>0</mn></mrow></msub>", "<msubsup><mi>Q</mi><mrow><mn>0</mn></mrow>"
                        + "<mrow><mn>2</mn></mrow></msubsup>") + "</mrow></msqrt></math>");
        assertThat(MathMl.html("$1.8×10^{−15}$")).isEqualTo("<math><mn>1.8</mn><mo>×</mo><msup><mn>10</mn><mrow>"
                + "<mo>−</mo><mn>15</mn></mrow></msup></math>");
    }

    @Test
    void foreignTextKeepsCommandsRunnableAndPrintsDoublesReadably() {
        String s = Labels.foreign("up to 1.7763568394002505E-15 relative rounding, Q ≥ 1.0E-250 {x}: "
                + "./eoslab run --tol 1.0E-12 --json");
        assertThat(eoslab.plot.MathText.plain(s)).isEqualTo("up to 1.78×10⁻¹⁵ relative rounding, Q ≥ 10⁻²⁵⁰ {x}: "
                + "`./eoslab run --tol 1.0E-12 --json`");
    }
}
