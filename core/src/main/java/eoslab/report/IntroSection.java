package eoslab.report;

import java.util.List;

/** The opening paragraph: the model and its quantities (definitions: no measured numbers). */
final class IntroSection implements Section {
    @Override
    public Part build(ReportContext context) {
        List<Statement> s = List.of(
                Statement.of("intro.model", "eoslab studies gradient descent (GD) and gradient flow (GF) on the loss "
                        + "$L(a, b) = ½(a^⊤b − Φ)^2$ of a depth-2 linear network with one input and one output, "
                        + "$a, b ∈ ℝ^d$."),
                Statement.of("intro.quantities", "Its quantities: the residual $ε = a^⊤b − Φ$ (loss $ε^2/2$), the norm "
                        + "$λ = ‖a‖^2 + ‖b‖^2$, the imbalance $Q = ‖a+b‖·‖a−b‖$ and the sharpness $S$ (largest Hessian "
                        + "eigenvalue; $S = λ$ at a minimum)."),
                Statement.of("intro.exact", "GD on any width is exactly a two-variable map (docs/model.md §3), so "
                        + "every run below is exact and width-free."),
                Statement.of("intro.flatter", "GF conserves $Q$ and lands on the minimum of sharpness "
                        + "$λ_{GF} = \\sqrt{4Φ^2 + Q_0^2}$; GD multiplies $Q$ by $|1 − η^2ε_t^2|$ at each step and, "
                        + "when it converges, lands on the minimum of sharpness $λ_∞ = \\sqrt{4Φ^2 + Q_∞^2}$."),
                Statement.of("intro.regimes", "Step sizes are given absolutely and relative to $2/λ_{GF}$: stable "
                        + "below $2/λ_{GF}$, edge of stability from $2/λ_{GF}$ to $1/|Φ|$, and beyond $1/|Φ|$, where no "
                        + "minimum is stable."),
                Statement.of("intro.sentences", "Every other sentence of this report is generated from the numbers it "
                        + "describes and printed only when they bear it out; statements.json lists each with its "
                        + "numbers and the condition it asserts."));
        return new Part("intro", "", List.of(new Block.Paragraph(s)));
    }
}
