package eoslab.dynamics;

import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded shallow-model problems for the stepper contract: several widths, Φ of both signs, stable and edge steps. */
public final class ShallowProblems {
    /** The widths every engine is checked at. */
    public static final int[] WIDTHS = {1, 2, 7, 64, 257};

    private ShallowProblems() {
    }

    /**
     * Problems whose GD runs stay bounded: for each width, Φ of each sign and each of the stable regime
     * (η = c·2/λ_GF, c ∈ [0.1, 0.95]) and the edge regime (2/λ_GF ≤ η &lt; 1/|Φ|, away from both ends), from a
     * Gaussian start with Q₀ = O(|Φ|).
     */
    public static List<StepperContractTest.Problem> bounded(Random rng) {
        List<StepperContractTest.Problem> out = new ArrayList<>();
        for (int d : WIDTHS) {
            for (int sign : new int[] {1, -1}) {
                for (boolean edge : new boolean[] {false, true}) {
                    double phi = sign * (0.3 + 2.0 * rng.nextDouble());
                    double q = (0.3 + 1.7 * rng.nextDouble()) * Math.abs(phi);
                    double sigma = Math.sqrt(q / (2.0 * d));
                    VectorPoint start = new StartSpec.Gaussian(d, sigma, sigma * (0.5 + rng.nextDouble()),
                            rng.nextLong()).point();
                    Landmarks lm = Landmarks.of(phi, start);
                    double c = edge ? 1.0 + (lm.beyondEta() / lm.edgeEta() - 1.0) * (0.05 + 0.6 * rng.nextDouble())
                            : 0.1 + 0.85 * rng.nextDouble();
                    out.add(new StepperContractTest.Problem(
                            String.format("d=%d phi=%.3f %s c=%.3f", d, phi, edge ? "edge" : "stable", c),
                            ShallowModel.of(phi, d), ShallowModel.theta(start), lm.absoluteEta(c)));
                }
            }
        }
        return out;
    }

    /** Problems whose GD runs diverge within a few dozen steps: ηλ₀ = 6 from starts with λ₀ = O(d). */
    public static List<StepperContractTest.Problem> diverging(Random rng) {
        List<StepperContractTest.Problem> out = new ArrayList<>();
        for (int d : WIDTHS) {
            double phi = (d % 2 == 0 ? 1 : -1) * (0.5 + rng.nextDouble());
            VectorPoint start = new StartSpec.Gaussian(d, 1.0, 0.5 + rng.nextDouble(), rng.nextLong()).point();
            out.add(new StepperContractTest.Problem(String.format("d=%d phi=%.3f diverging", d, phi),
                    ShallowModel.of(phi, d), ShallowModel.theta(start), 6.0 / start.norm()));
        }
        return out;
    }
}
