package eoslab.web;

import eoslab.io.Columns;
import eoslab.plot.Chart;
import java.util.List;
import java.util.Map;

/**
 * The explorer's plots as {@link Chart}s, for the figure downloads: the same series the page draws, from the table of
 * a comparison ({@code eoslab compare --out}: GD step k against GF at time ηk).
 */
final class ViewCharts {
    /** The plots, in page order. */
    static final List<String> NAMES = List.of("loss", "sharpness", "imbalance", "clock", "orbit");

    private ViewCharts() {
    }

    /**
     * The chart of one plot.
     *
     * @param table   the comparison's rows
     * @param summary the comparison's summary ({@code compare --json})
     * @param region  the convergence region ({@link ConvergenceRegion}), for the orbit
     * @throws IllegalArgumentException for an unknown plot name
     */
    static Chart chart(String name, Columns table, Map<String, Object> summary, Map<String, Object> region) {
        @SuppressWarnings("unchecked")
        Map<String, Object> gd = (Map<String, Object>) summary.get("gd");
        double edge = ((Number) summary.get("edge_threshold")).doubleValue();
        double gf = ((Number) gd.get("gf_sharpness")).doubleValue();
        double[] step = table.column("step");
        double[] time = table.column("time");
        // a method with momentum (compare adds its clock factor): its edge is 2κ/η and its clock ηk/(1 − β)
        boolean momentum = summary.containsKey("clock_factor");
        String stepAxis = momentum ? "step k (GF at the method's clock t)" : "step k (GF at t = ηk)";
        return switch (name) {
            case "loss" -> Chart.builder().xAxis(stepAxis, false)
                    .yAxis("loss L", true)
                    .line("GD", step, table.column("gd_loss"))
                    .line("GF", step, table.column("gf_loss")).build();
            case "sharpness" -> Chart.builder().xAxis(stepAxis, false)
                    .yAxis("sharpness", false)
                    .line("GD sharpness S", step, table.column("gd_sharpness"))
                    .line("GFS sharpness √(4Φ² + Q²)", step, table.column("gd_gf_sharpness"))
                    .line("GF sharpness", step, table.column("gf_sharpness"))
                    .hline(edge, momentum ? "2κ/η" : "2/η").hline(gf, "λ_GF").build();
            case "imbalance" -> Chart.builder().xAxis(stepAxis, false)
                    .yAxis("imbalance Q", false)
                    .line("GD", step, table.column("gd_imbalance"))
                    .line("GF", step, table.column("gf_imbalance")).build();
            case "clock" -> Chart.builder().xAxis(momentum ? "time t = Σ η_k/(1 − β)" : "time t = ηk", false)
                    .yAxis("residual ε = aᵀb − Φ", false)
                    .line("GD", time, table.column("gd_residual"))
                    .line("GF", time, table.column("gf_residual")).build();
            case "orbit" -> orbit(table, region);
            default -> throw new IllegalArgumentException("chart must be one of " + String.join(", ", NAMES)
                    + " or phase, got '" + name + "'");
        };
    }

    /**
     * The chart of one plot of a network's comparison ({@code compare --model linear|diagonal --out}): loss, sharpness
     * (against the method's edge and the sharpness of GF's limit) and the residual √(2(L − L*)) on one clock; the
     * imbalance and the orbit are the shallow model's.
     *
     * @throws IllegalArgumentException for another plot name
     */
    static Chart networkChart(String name, Columns table, Map<String, Object> summary) {
        double[] step = table.column("step");
        String stepAxis = "step k (GF at the method's clock t)";
        return switch (name) {
            case "loss" -> Chart.builder().xAxis(stepAxis, false)
                    .yAxis("loss L", true)
                    .line("GD", step, table.column("gd_loss"))
                    .line("GF", step, table.column("gf_loss")).build();
            case "sharpness" -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> gf = (Map<String, Object>) summary.get("gf");
                Chart.Builder b = Chart.builder().xAxis(stepAxis, false)
                        .yAxis("sharpness", false)
                        .line("GD sharpness S", step, table.column("gd_sharpness"))
                        .hline(((Number) summary.get("edge_threshold")).doubleValue(), "stability edge");
                if (gf.get("sharpness") instanceof Number limit) {
                    b.hline(limit.doubleValue(), "sharpness of GF's limit");
                }
                yield b.build();
            }
            case "clock" -> Chart.builder().xAxis("time t", false)
                    .yAxis("residual √(2(L − L*))", true)
                    .line("GD", table.column("time"), table.column("gd_residual"))
                    .line("GF", table.column("time"), table.column("gf_residual")).build();
            default -> throw new IllegalArgumentException("a network's figures are loss, sharpness and clock (the "
                    + "imbalance and the orbit are the shallow model's), got '" + name + "'");
        };
    }

    private static Chart orbit(Columns table, Map<String, Object> region) {
        Chart.Builder b = Chart.builder().xAxis("product m = aᵀb", false)
                .yAxis("norm λ = ‖a‖² + ‖b‖²", false)
                .line("GD", table.column("gd_product"), table.column("gd_norm"))
                .line("GF", table.column("gf_product"), table.column("gf_norm"));
        @SuppressWarnings("unchecked")
        List<Double> ms = (List<Double>) region.get("m");
        @SuppressWarnings("unchecked")
        List<Double> top = (List<Double>) region.get("lambda_max");
        double[] m = ms.stream().mapToDouble(Double::doubleValue).toArray();
        double[] cone = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            cone[i] = 2 * Math.abs(m[i]);
        }
        b.line("λ = 2|m| (edge of the feasible cone)", m, cone);
        if (top != null) {
            b.line("λ_max(m): GD converges below", m, top.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return b.build();
    }
}
