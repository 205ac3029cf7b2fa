package eoslab.web;

import eoslab.landscape.ConvergenceBoundary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The starts (m, λ) from which GD with step η converges on ½(aᵀb − Φ)², for the orbit plot: by
 * {@link ConvergenceBoundary#converges} (η|Φ| &lt; 1 and F(m, λ, η) &lt; 0, with F linear in λ of slope 1) they are the
 * points 2|m| ≤ λ &lt; λ_max(m) = −F(m, 0, η) of the cone, and no point at all when η|Φ| ≥ 1.
 */
final class ConvergenceRegion {
    private ConvergenceRegion() {
    }

    /**
     * The region over m ∈ [lo, hi], sampled at n points: {@code m}, {@code lambda_max} (null when η|Φ| ≥ 1) and the
     * boundary η* of the start (m₀, λ₀) with the term that binds.
     */
    static Map<String, Object> of(double phi, double eta, double lo, double hi, int n, double m0, double lambda0) {
        List<Double> ms = new ArrayList<>();
        List<Double> top = new ArrayList<>();
        boolean any = eta * Math.abs(phi) < 1.0;
        for (int i = 0; i < n; i++) {
            double m = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
            ms.add(m);
            top.add(-ConvergenceBoundary.f(phi, m, 0.0, eta));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("m", ms);
        r.put("lambda_max", any ? top : null);
        ConvergenceBoundary b = ConvergenceBoundary.of(phi, m0, lambda0);
        r.put("eta_star", Double.isFinite(b.eta()) ? b.eta() : null);
        r.put("eta_star_bound", b.bound().name().toLowerCase(Locale.ROOT));
        return r;
    }
}
