package eoslab.plot;

import eoslab.EoslabTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MathTextTest extends EoslabTest {
    @Test
    void plainTextUsesUnicodeScriptsWhereTheyExist() {
        assertThat(MathText.plain("$λ_{GF} = \\sqrt{4Φ^2 + Q_0^2}$")).isEqualTo("λ_GF = √(4Φ² + Q₀²)");
        assertThat(MathText.plain("$|ε_t| ≤ 10^{−12}$ at $η^*$")).isEqualTo("|εₜ| ≤ 10⁻¹² at η*");
        assertThat(MathText.plain("$λ_∞$, $a^⊤b$, $\\ln 3$, $\\max_k x$")).isEqualTo("λ∞, aᵀb, ln 3, maxₖ x");
        assertThat(MathText.plain("costs \\$5, file F1_loss {braces}\\{")).isEqualTo("costs $5, file F1_loss {braces}{");
        assertThat(MathText.plain(MathText.literal("a $b$ {c} \\d"))).isEqualTo("a $b$ {c} \\d");
    }

    @Test
    void scriptsTakeTheTokenBeforeThemAsBase() {
        List<MathText.Node> n = MathText.parse("$10^{−3}$");
        assertThat(n).hasSize(1);
        MathText.Script s = (MathText.Script) n.get(0);
        assertThat(s.base().text()).isEqualTo("10");
        MathText.Script q = (MathText.Script) MathText.parse("$Q_0^2$").get(0);
        assertThat(q.base().text()).isEqualTo("Q");
        assertThat(q.sub()).isNotNull();
        assertThat(q.sup()).isNotNull();
        MathText.Script m = (MathText.Script) MathText.parse("$2\\max_t x$").get(1);
        assertThat(m.base().text()).isEqualTo("max");
    }

    @Test
    void layoutLowersAndShrinksSubscriptsAndRaisesSuperscripts() {
        MathText.Layout l = MathText.layout("$λ_{GF}^2$", 10);
        assertThat(l.runs()).extracting(MathText.Run::text).containsExactly("λ", "GF", "2");
        MathText.Run base = l.runs().get(0);
        MathText.Run sub = l.runs().get(1);
        MathText.Run sup = l.runs().get(2);
        assertThat(sub.size()).isEqualTo(7.0);
        assertThat(sub.dy()).isPositive();
        assertThat(sup.dy()).isNegative();
        assertThat(sub.dx()).isEqualTo(sup.dx()).isGreaterThan(base.dx());
        assertThat(l.width()).isGreaterThan(Fonts.width("λGF", 7));
        assertThat(MathText.layout("$\\sqrt{x}$", 10).bars()).hasSize(1);
    }

    @Test
    void malformedMarkupIsRejected() {
        assertThatThrownBy(() -> MathText.parse("$x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MathText.parse("$x_{1$")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MathText.parse("$x}$")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersArePrintedWithSensiblePrecision() {
        assertThat(Numbers.sig(1.7763568394002505E-15, 3)).isEqualTo("1.78×10^{−15}");
        assertThat(Numbers.sig(1e-12, 3)).isEqualTo("10^{−12}");
        assertThat(Numbers.sig(0.6000000000000001, 4)).isEqualTo("0.6");
        assertThat(Numbers.sig(-0.0275, 3)).isEqualTo("−0.0275");
        assertThat(Numbers.sig(0.00123, 2)).isEqualTo("0.0012");
        assertThat(Numbers.sig(0.000123, 2)).isEqualTo("1.2×10^{−4}");
        assertThat(Numbers.sig(3.6, 4)).isEqualTo("3.6");
        assertThat(Numbers.sig(2.5e7, 3)).isEqualTo("2.5×10^{7}");
        assertThat(Numbers.sig(999.96, 4)).isEqualTo("1000");
        assertThat(Numbers.count(44000)).isEqualTo("44\u202F000");
        assertThat(Numbers.count(1916)).isEqualTo("1916");
        assertThat(Numbers.count(-1234567)).isEqualTo("−1\u202F234\u202F567");
        assertThatThrownBy(() -> Numbers.sig(Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
