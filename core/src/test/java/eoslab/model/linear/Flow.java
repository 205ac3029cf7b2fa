package eoslab.model.linear;

import eoslab.model.Model;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/** Gradient flow θ̇ = −∇L(θ) by Hipparchus' Dormand–Prince 8(5,3), relative tolerance 10⁻¹². */
public final class Flow {
    private Flow() {
    }

    /** θ(t) from θ(0) = theta0. */
    public static double[] integrate(Model model, double[] theta0, double t) {
        if (t == 0) {
            return theta0.clone();
        }
        Model m = model.copy();
        int n = m.dimension();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double time, double[] y) {
                double[] g = new double[n];
                m.gradient(y, g);
                for (int i = 0; i < n; i++) {
                    g[i] = -g[i];
                }
                return g;
            }
        };
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12, t, 1e-15, 1e-12);
        return dp.integrate(ode, new ODEState(0, theta0.clone()), t).getPrimaryState();
    }
}
