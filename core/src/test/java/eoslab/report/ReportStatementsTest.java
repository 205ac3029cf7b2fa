package eoslab.report;

import eoslab.EoslabTest;
import eoslab.io.Json;
import eoslab.landscape.Superstable;
import eoslab.theory.LinearRateClaim;
import eoslab.theory.MonotoneStepClaim;
import eoslab.theory.TradeOffClaim;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Regenerates the quick report and checks every printed sentence against the data it describes: for each statement
 * the measured values are recomputed here, independently, from the files the report wrote (data/NAME.csv,
 * manifest.json) and from closed forms; the recomputed values must print the same sentence and satisfy the
 * statement's predicate. A printed sentence with numbers but no recomputation here fails the test.
 */
class ReportStatementsTest extends EoslabTest {
    static Path dir;
    static Report report;
    static Map<String, Object> manifest;
    static final Map<String, List<CSVRecord>> CSV = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void regenerate() throws Exception {
        QuickReport q = QuickReport.get();
        dir = q.dir;
        report = q.report;
        manifest = q.manifest;
    }

    static List<CSVRecord> csv(String name) {
        return CSV.computeIfAbsent(name, n -> {
            try (Reader r = Files.newBufferedReader(dir.resolve("data/" + n + ".csv"))) {
                return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static double num(CSVRecord r, String column) {
        String s = r.get(column);
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> run(String figure, int i) {
        for (Map<String, Object> f : (List<Map<String, Object>>) manifest.get("figures")) {
            if (f.get("name").equals(figure)) {
                return ((List<Map<String, Object>>) f.get("runs")).get(i);
            }
        }
        throw new IllegalArgumentException(figure);
    }

    static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    /** phi, m0, lambda0 of a figure's first run. */
    static Map<String, Double> from(String figure) {
        Map<String, Object> r = run(figure, 0);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("phi", d(r.get("phi")));
        m.put("m0", d(r.get("m0")));
        m.put("lambda0", d(r.get("lambda0")));
        return m;
    }

    /** The GD series of a trajectory figure, in order of appearance. */
    static Map<String, List<CSVRecord>> series(String figure) {
        Map<String, List<CSVRecord>> out = new LinkedHashMap<>();
        for (CSVRecord r : csv(figure)) {
            out.computeIfAbsent(r.get("series"), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    static List<List<CSVRecord>> gdRuns(String figure) {
        List<List<CSVRecord>> out = new ArrayList<>();
        series(figure).forEach((k, v) -> {
            if (!k.equals("GF")) {
                out.add(v);
            }
        });
        return out;
    }

    static CSVRecord last(List<CSVRecord> rows) {
        return rows.get(rows.size() - 1);
    }

    // ------------------------------------------------------------------ recomputations, by statement id

    static final Map<String, Function<String, Map<String, Double>>> RECOMPUTE = new LinkedHashMap<>();

    static void on(String prefix, Function<String, Map<String, Double>> f) {
        RECOMPUTE.put(prefix, f);
    }

    /** The index k (1-based) at the end of an id such as loss.F1.time.2.sooner. */
    static int index(String id, int part) {
        return Integer.parseInt(id.split("\\.")[part]);
    }

    static {
        // ---------------- F1
        on("loss.F1.shows", id -> {
            Map<String, Double> m = from("F1_loss_vs_time");
            List<List<CSVRecord>> gd = gdRuns("F1_loss_vs_time");
            double lgf = 0;
            for (int k = 0; k < 3; k++) {
                double eta = num(gd.get(k).get(0), "eta");
                double rel = num(gd.get(k).get(0), "eta_rel");
                m.put("eta" + (k + 1), eta);
                m.put("rel" + (k + 1), rel);
                lgf = 2 * rel / eta;
            }
            m.put("lgf", lgf);
            m.put("edge", 2 / lgf);
            m.put("beyond", 1 / Math.abs(m.get("phi")));
            m.put("tol", d(run("F1_loss_vs_time", 0).get("tol")));
            m.put("samples", (double) series("F1_loss_vs_time").get("GF").size());
            return m;
        });
        on("loss.F1.time.", id -> {
            List<CSVRecord> gd = gdRuns("F1_loss_vs_time").get(index(id, 3) - 1);
            double tol = d(run("F1_loss_vs_time", 0).get("tol"));
            double tGf = Double.POSITIVE_INFINITY;
            for (CSVRecord r : series("F1_loss_vs_time").get("GF")) {
                if (Math.sqrt(2 * num(r, "loss")) <= tol * (1 + 1e-6)) {
                    tGf = Math.min(tGf, num(r, "time"));
                }
            }
            assertThat(Math.sqrt(2 * num(last(gd), "loss"))).isLessThanOrEqualTo(tol);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("eta", num(gd.get(0), "eta"));
            m.put("t_gd", num(last(gd), "time"));
            m.put("steps", num(last(gd), "step"));
            m.put("t_gf", tGf);
            return m;
        });
        on("loss.F1.shape.", id -> {
            List<CSVRecord> gd = gdRuns("F1_loss_vs_time").get(index(id, 3) - 1);
            int rises = 0;
            for (int i = 1; i < gd.size(); i++) {
                rises += num(gd.get(i), "loss") > num(gd.get(i - 1), "loss") ? 1 : 0;
            }
            return Map.of("points", (double) gd.size(), "rises", (double) rises);
        });
        // ---------------- F2, F3
        on("sweep.F2.shows", id -> sweepShows("F2_sharpness_vs_eta"));
        on("sweep.F3.shows", id -> {
            Map<String, Double> m = sweepShows("F3_steps_vs_eta");
            m.put("tol", d(run("F3_steps_vs_eta", 0).get("tol")));
            return m;
        });
        on("sweep.F2.flatter", id -> {
            List<double[]> c = converged();
            double lgf = lgf("F2_sharpness_vs_eta");
            double max = c.stream().mapToDouble(r -> r[1] / lgf).max().orElse(Double.NaN);
            return Map.of("n", (double) c.size(), "max_ratio", max);
        });
        on("sweep.F2.floor", id -> Map.of("floor", 2 * Math.abs(from("F2_sharpness_vs_eta").get("phi")),
                "min", converged().stream().mapToDouble(r -> r[1]).min().orElse(Double.NaN)));
        on("sweep.F2.stable", id -> Map.of("max", converged().stream().mapToDouble(r -> r[0] * r[1] / 2).max()
                .orElse(Double.NaN)));
        on("sweep.F2.rises", id -> rises(true));
        on("sweep.F2.falls", id -> rises(false));
        on("sweep.F2.beyond", id -> {
            double beyond = 1 / Math.abs(from("F2_sharpness_vs_eta").get("phi"));
            int n = 0;
            int conv = 0;
            for (CSVRecord r : csv("F2_sharpness_vs_eta")) {
                if (num(r, "eta") >= beyond) {
                    n++;
                    conv += r.get("outcome").equals("converged") ? 1 : 0;
                }
            }
            return Map.of("n", (double) n, "converged", (double) conv);
        });
        on("sweep.F3.dip", id -> {
            List<double[]> p = f3();
            double lgf = lgf("F3_steps_vs_eta");
            int argmin = 0;
            for (int i = 0; i < p.size(); i++) {
                argmin = p.get(i)[1] < p.get(argmin)[1] ? i : argmin;
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("s_first", p.get(0)[1]);
            m.put("eta_first", p.get(0)[0]);
            m.put("s_min", p.get(argmin)[1]);
            m.put("eta_min", p.get(argmin)[0]);
            m.put("rel_min", p.get(argmin)[0] * lgf / 2);
            m.put("el_min", p.get(argmin)[0] * (1 - p.get(argmin)[2]) * lgf);
            m.put("s_last", lastRow(p)[1]);
            m.put("eta_last", lastRow(p)[0]);
            return m;
        });
        on("sweep.F3.gain", id -> {
            List<double[]> p = f3();
            double lgf = lgf("F3_steps_vs_eta");
            double phi = from("F3_steps_vs_eta").get("phi");
            double edge = 2 / lgf;
            int stable = 0;
            int decreases = 0;
            int argmax = 0;
            for (int i = 0; i < p.size(); i++) {
                if (p.get(i)[0] < edge) {
                    stable++;
                    decreases += i > 0 && p.get(i)[2] < p.get(i - 1)[2] ? 1 : 0;
                }
                argmax = p.get(i)[2] > p.get(argmax)[2] ? i : argmax;
            }
            double g = p.get(argmax)[2];
            int lo = argmax;
            int hi = argmax;
            while (lo > 0 && p.get(lo - 1)[2] >= 0.99 * g) {
                lo--;
            }
            while (hi < p.size() - 1 && p.get(hi + 1)[2] >= 0.99 * g) {
                hi++;
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("n", (double) stable);
            m.put("decreases", (double) decreases);
            m.put("pct", 1.0);
            m.put("gmax", g);
            m.put("p0", p.get(lo)[0]);
            m.put("p1", p.get(hi)[0]);
            m.put("ceiling", 1 - 2 * Math.abs(phi) / lgf);
            m.put("edge", edge);
            m.put("beyond", 1 / Math.abs(phi));
            return m;
        });
        on("sweep.F3.tradeoff", id -> {
            List<double[]> p = f3();
            double edge = 2 / lgf("F3_steps_vs_eta");
            int argmin = 0;
            for (int i = 0; i < p.size(); i++) {
                argmin = p.get(i)[1] < p.get(argmin)[1] ? i : argmin;
            }
            int slower = 0;
            for (int i = 1; i <= argmin; i++) {
                slower += p.get(i)[1] > p.get(i - 1)[1] ? 1 : 0;
            }
            int decreases = 0;
            for (int i = 1; i < p.size(); i++) {
                decreases += p.get(i)[0] < edge && p.get(i)[2] < p.get(i - 1)[2] ? 1 : 0;
            }
            return Map.of("eta_min", p.get(argmin)[0], "slower", (double) slower, "decreases", (double) decreases,
                    "edge", edge);
        });
        // ---------------- F4
        on("edge.F4.", id -> {
            List<CSVRecord> rows = csv("F4_edge_of_stability");
            double two = num(rows.get(0), "two_over_eta");
            double eta = 2 / two;
            double g0 = num(rows.get(0), "gf_sharpness");
            double g1 = num(last(rows), "gf_sharpness");
            int above = 0;
            int rises = 0;
            double max = 0;
            double maxEe = 0;
            for (int i = 0; i < rows.size(); i++) {
                double s = num(rows.get(i), "sharpness");
                above += s > two ? 1 : 0;
                max = Math.max(max, s);
                maxEe = Math.max(maxEe, eta * Math.sqrt(2 * num(rows.get(i), "loss")));
                if (i > 0) {
                    double before = num(rows.get(i - 1), "gf_sharpness");
                    rises += num(rows.get(i), "gf_sharpness") - before > 1e-14 * before ? 1 : 0;
                }
            }
            Map<String, Double> m = new LinkedHashMap<>();
            switch (id) {
                case "edge.F4.shows" -> {
                    m.putAll(from("F4_edge_of_stability"));
                    m.put("eta", eta);
                    m.put("rel", eta * g0 / 2);
                }
                case "edge.F4.unstable" -> {
                    m.put("lgf", g0);
                    m.put("two", two);
                }
                case "edge.F4.hover" -> {
                    m.put("above", (double) above);
                    m.put("points", (double) rows.size());
                    m.put("max", max);
                    m.put("two", two);
                }
                case "edge.F4.gfs" -> {
                    m.put("rises", (double) rises);
                    m.put("rounding", 1e-14);
                    m.put("max_ee", maxEe);
                    m.put("g0", g0);
                    m.put("g1", g1);
                    m.put("two", two);
                }
                case "edge.F4.converged" -> {
                    assertThat(Math.sqrt(2 * num(last(rows), "loss"))).isLessThanOrEqualTo(1e-12);
                    m.put("steps", num(last(rows), "step"));
                    m.put("g1", g1);
                    m.put("g0", g0);
                }
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        // ---------------- F5, F6
        on("imbalance.F5.", id -> {
            List<List<CSVRecord>> gd = gdRuns("F5_imbalance");
            double q0 = num(gd.get(0).get(0), "imbalance");
            double[] acc = new double[3];
            double[] q = new double[3];
            int[] rises = new int[3];
            int[] above = new int[3];
            double[] factor = new double[3];
            double law = 0;
            for (int k = 0; k < 3; k++) {
                List<CSVRecord> rows = gd.get(k);
                double eta = num(rows.get(0), "eta");
                for (int i = 0; i + 1 < rows.size(); i++) {
                    assertThat(num(rows.get(i + 1), "step")).isEqualTo(num(rows.get(i), "step") + 1);
                    double e = eta * num(rows.get(i), "residual");
                    acc[k] += e * e;
                    double predicted = Math.abs(1 - e * e) * num(rows.get(i), "imbalance");
                    law = Math.max(law, Math.abs(num(rows.get(i + 1), "imbalance") - predicted) / predicted);
                    double qi = num(rows.get(i), "imbalance");
                    rises[k] += num(rows.get(i + 1), "imbalance") - qi > 1e-12 * qi ? 1 : 0;
                    if (Math.abs(e) > Math.sqrt(2)) {
                        above[k]++;
                        factor[k] = Math.max(factor[k], Math.abs(1 - e * e));
                    }
                }
                q[k] = num(last(rows), "imbalance");
            }
            int most = acc[1] > acc[0] ? (acc[2] > acc[1] ? 2 : 1) : (acc[2] > acc[0] ? 2 : 0);
            int lowest = q[1] < q[0] ? (q[2] < q[1] ? 2 : 1) : (q[2] < q[0] ? 2 : 0);
            Map<String, Double> m = new LinkedHashMap<>();
            if (id.equals("imbalance.F5.shows")) {
                m.putAll(from("F5_imbalance"));
                m.put("q0", q0);
            } else if (id.equals("imbalance.F5.gf")) {
                double dev = 0;
                for (CSVRecord r : series("F5_imbalance").get("GF")) {
                    dev = Math.max(dev, Math.abs(num(r, "imbalance") - q0) / q0);
                }
                m.put("dev", dev);
                m.put("law", law);
            } else if (id.startsWith("imbalance.F5.end.")) {
                int k = index(id, 3) - 1;
                m.put("q", q[k]);
                m.put("q0", q0);
                m.put("acc", acc[k]);
            } else if (id.equals("imbalance.F5.order")) {
                m.put("most", (double) most);
                m.put("lowest", (double) lowest);
                m.put("grows", (double) rises[most]);
                m.put("factor", factor[most]);
                m.put("q_most", q[most]);
                m.put("q_low", q[lowest]);
                m.put("acc_most", acc[most]);
                m.put("acc_low", acc[lowest]);
            } else if (id.equals("imbalance.F5.ordered")) {
                m.put("most", (double) most);
                m.put("lowest", (double) lowest);
                m.put("q_most", q[most]);
            } else if (id.startsWith("imbalance.F5.growth.")) {
                int k = index(id, 3) - 1;
                m.put("rises", (double) rises[k]);
                m.put("above", (double) above[k]);
                m.put("rounding", 1e-12);
            } else {
                fail("unknown statement " + id);
            }
            return m;
        });
        on("imbalance.F6.", id -> {
            List<CSVRecord> rows = csv("F6_regularization");
            Map<String, Double> m = new LinkedHashMap<>();
            double rminSmall = Double.POSITIVE_INFINITY;
            double rminBig = Double.POSITIVE_INFINITY;
            double rmaxBig = 0;
            int small = 0;
            int big = 0;
            CSVRecord first = null;
            for (CSVRecord r : rows) {
                double acc = num(r, "accumulated");
                if (!(acc > 0)) {
                    continue;
                }
                first = first == null ? r : first;
                double ratio = num(r, "regularization") / acc;
                if (num(r, "max_eta_residual") < 1) {
                    small++;
                    rminSmall = Math.min(rminSmall, ratio);
                } else {
                    big++;
                    rminBig = Math.min(rminBig, ratio);
                    rmaxBig = Math.max(rmaxBig, ratio);
                }
            }
            switch (id) {
                case "imbalance.F6.shows" -> {
                    m.putAll(from("F6_regularization"));
                    m.put("n", (double) rows.size());
                }
                case "imbalance.F6.first_order" -> {
                    m.put("eta", num(first, "eta"));
                    m.put("ratio", num(first, "regularization") / num(first, "accumulated"));
                }
                case "imbalance.F6.bound" -> {
                    m.put("n", (double) small);
                    m.put("rmin", rminSmall);
                }
                case "imbalance.F6.large" -> {
                    m.put("n", (double) big);
                    m.put("rmin", rminBig);
                    m.put("rmax", rmaxBig);
                }
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        // ---------------- F7
        on("catapult.F7.", id -> {
            List<CSVRecord> rows = csv("F7_catapult");
            Map<String, Double> start = from("F7_catapult");
            double l0 = 0.5 * start.get("m0") * start.get("m0");
            int lazy = 0;
            int rose = 0;
            int cat = 0;
            int conv = 0;
            double peak = 0;
            double max = 0;
            int over = 0;
            int diverged = 0;
            for (CSVRecord r : rows) {
                double x = num(r, "eta_lambda0");
                boolean div = r.get("outcome").equals("diverged");
                if (x < 2) {
                    lazy++;
                    rose += div || num(r, "max_loss") > l0 ? 1 : 0;
                } else if (x < 4) {
                    cat++;
                    if (!div) {
                        peak = Math.max(peak, num(r, "max_loss"));
                    }
                    if (r.get("outcome").equals("converged")) {
                        conv++;
                        max = Math.max(max, num(r, "final_eta_lambda"));
                    }
                } else if (x > 4) {
                    over++;
                    diverged += div ? 1 : 0;
                }
            }
            Map<String, Double> m = new LinkedHashMap<>();
            switch (id) {
                case "catapult.F7.shows" -> {
                    m.putAll(start);
                    m.put("n", (double) rows.size());
                    m.put("x0", num(rows.get(0), "eta_lambda0"));
                    m.put("x1", num(last(rows), "eta_lambda0"));
                }
                case "catapult.F7.lazy" -> {
                    m.put("n", (double) lazy);
                    m.put("rose", (double) rose);
                    m.put("l0", l0);
                }
                case "catapult.F7.catapult" -> {
                    m.put("peak", peak);
                    m.put("l0", l0);
                    m.put("conv", (double) conv);
                    m.put("n", (double) cat);
                    m.put("max", max);
                }
                case "catapult.F7.diverge" -> {
                    m.put("n", (double) over);
                    m.put("diverged", (double) diverged);
                }
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        // ---------------- F8
        on("landscape.F8.", id -> {
            List<CSVRecord> rows = csv("F8_boundary");
            Map<String, Object> r0 = run("F8_boundary", 0);
            double phi = 1;
            double m0 = 0;
            int n = (int) Math.round(Math.sqrt(rows.size()));
            double e0 = num(rows.get(0), "eta");
            double dx = num(rows.get(1), "eta") - e0;
            int agree = 0;
            int exceptions = 0;
            int far = 0;
            int slow = 0;
            int edgeConverged = 0;
            for (CSVRecord r : rows) {
                double eta = num(r, "eta");
                double l0 = num(r, "lambda0");
                // the exact boundary, written out here (docs/models.md §1)
                double star = Math.min(1 / Math.abs(phi), 8 / (l0 + Math.sqrt(l0 * l0 - 16 * phi * (m0 - phi))));
                boolean converged = r.get("outcome").equals("converged");
                if (converged == (eta < star)) {
                    agree++;
                } else {
                    exceptions++;
                    far += Math.abs(eta - star) > dx ? 1 : 0;
                    slow += r.get("outcome").equals("slow") ? 1 : 0;
                }
                double edge = 2 / Math.sqrt(4 * phi * phi + l0 * l0 - 4 * m0 * m0);
                edgeConverged += converged && eta >= edge ? 1 : 0;
            }
            Map<String, Double> m = new LinkedHashMap<>();
            switch (id) {
                case "landscape.F8.shows" -> {
                    m.put("n", (double) n);
                    m.put("e0", e0);
                    m.put("e1", num(last(rows), "eta"));
                    m.put("m0", m0);
                    m.put("l0", num(rows.get(0), "lambda0"));
                    m.put("l1", num(last(rows), "lambda0"));
                    m.put("phi", phi);
                    m.put("steps", d(r0.get("steps")));
                }
                case "landscape.F8.exact", "landscape.F8.agree" -> {
                    m.put("agree", (double) agree);
                    m.put("cells", (double) rows.size());
                    m.put("exceptions", (double) exceptions);
                    if (id.endsWith("agree")) {
                        m.put("far", (double) far);
                        m.put("slow", (double) slow);
                    }
                }
                case "landscape.F8.edge_converges" -> m.put("n", (double) edgeConverged);
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        // ---------------- F9
        on("landscape.F9.", id -> {
            List<CSVRecord> rows = csv("F9_ladder");
            Map<String, Object> r0 = run("F9_ladder", 0);
            Map<String, List<CSVRecord>> cols = new LinkedHashMap<>();
            for (CSVRecord r : rows) {
                cols.computeIfAbsent(r.get("eta"), k -> new ArrayList<>()).add(r);
            }
            int below = 0;
            int other = 0;
            int window = 0;
            double dev = 0;
            double lmaxWindow = Double.NEGATIVE_INFINITY;
            double cChaos = Double.NaN;
            double lmax = Double.NEGATIVE_INFINITY;
            double cmax = Double.NaN;
            int diverged = 0;
            double end = Math.sqrt(5) - 1;
            for (List<CSVRecord> col : cols.values()) {
                CSVRecord h = col.get(0);
                double c = num(h, "c");
                double eta = num(h, "eta");
                if (h.get("status").equals("diverged")) {
                    diverged++;
                    continue;
                }
                double lyap = num(h, "lyapunov");
                if (c < 0.98) {
                    below++;
                    other += num(h, "period") == 1 ? 0 : 1;
                }
                if (c > 1.02 && c < end - 0.02) {
                    window++;
                    // the closed-form 2-cycle of z ↦ z(1 + c − z)², z = ηm, at Φ = 1
                    double s = 1 + c;
                    double zp = (s + Math.sqrt(s * s - 4)) / 2;
                    double zm = (s - Math.sqrt(s * s - 4)) / 2;
                    for (CSVRecord r : col) {
                        double v = num(r, "residual");
                        dev = Math.max(dev, Math.min(Math.abs(v - (zm / eta - 1)), Math.abs(v - (zp / eta - 1))));
                    }
                    lmaxWindow = Math.max(lmaxWindow, lyap);
                }
                if (Double.isNaN(cChaos) && lyap > 0.01) {
                    cChaos = c;
                }
                if (lyap > lmax) {
                    lmax = lyap;
                    cmax = c;
                }
            }
            double[] cs = Superstable.parameters(5);
            double[] ratios = Superstable.ratios(cs);
            Map<String, Double> m = new LinkedHashMap<>();
            switch (id) {
                case "landscape.F9.shows" -> {
                    m.putAll(from("F9_ladder"));
                    m.put("n", (double) cols.size());
                    m.put("keep", d(r0.get("keep")));
                    m.put("transient", d(r0.get("transient")));
                }
                case "landscape.F9.fixed" -> {
                    m.put("n", (double) below);
                    m.put("other", (double) other);
                    m.put("margin", 0.02);
                }
                case "landscape.F9.cycle" -> {
                    m.put("n", (double) window);
                    m.put("margin", 0.02);
                    m.put("dev", dev);
                    m.put("bound", 1e-12);
                    m.put("lmax", lmaxWindow);
                }
                case "landscape.F9.cascade" -> {
                    assertThat(cs[1]).isEqualTo(3 / Math.sqrt(2) - 1, org.assertj.core.api.Assertions.within(1e-15));
                    for (int k = 1; k <= 5; k++) {
                        m.put("c" + k, cs[k]);
                    }
                    for (int k = 1; k <= 3; k++) {
                        m.put("d" + k, ratios[k]);
                    }
                    m.put("cinf", Superstable.accumulation(cs));
                }
                case "landscape.F9.chaos" -> {
                    m.put("c", cChaos);
                    m.put("cinf", Superstable.accumulation(cs));
                    m.put("lmax", lmax);
                    m.put("cmax", cmax);
                    m.put("ln3", Math.log(3));
                }
                case "landscape.F9.diverged" -> m.put("n", (double) diverged);
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        // ---------------- F10
        on("landscape.F10.", id -> {
            Map<String, List<CSVRecord>> s = series("F10_critical_slowing");
            List<CSVRecord> one = s.get("c = 1");
            Map<String, Double> m = new LinkedHashMap<>();
            double[] deltas = {0.1, 0.01, 0.001};
            switch (id) {
                case "landscape.F10.shows" -> {
                    m.putAll(from("F10_critical_slowing"));
                    m.put("steps", num(last(one), "step"));
                    for (int k = 0; k < 3; k++) {
                        m.put("d" + (k + 1), deltas[k]);
                    }
                    m.put("tol", 1e-12);
                }
                case "landscape.F10.limit" -> {
                    CSVRecord l = last(one);
                    m.put("v", num(l, "abs_residual") * Math.sqrt(num(l, "step")));
                    m.put("t", num(l, "step"));
                    m.put("limit", 0.5);
                    // least squares on ln|ε| against ln t over t ≥ 1000
                    double sx = 0;
                    double sy = 0;
                    int n = 0;
                    for (CSVRecord r : one) {
                        if (num(r, "step") >= 1000) {
                            sx += Math.log(num(r, "step"));
                            sy += Math.log(num(r, "abs_residual"));
                            n++;
                        }
                    }
                    double mx = sx / n;
                    double my = sy / n;
                    double sxx = 0;
                    double sxy = 0;
                    for (CSVRecord r : one) {
                        if (num(r, "step") >= 1000) {
                            double dx = Math.log(num(r, "step")) - mx;
                            sxx += dx * dx;
                            sxy += dx * (Math.log(num(r, "abs_residual")) - my);
                        }
                    }
                    m.put("exp", sxy / sxx);
                }
                case "landscape.F10.below" -> {
                    double x0 = 0.7;
                    double tol = 1e-12;
                    int k = 0;
                    for (Map.Entry<String, List<CSVRecord>> e : s.entrySet()) {
                        if (e.getKey().equals("c = 1")) {
                            continue;
                        }
                        CSVRecord l = last(e.getValue());
                        assertThat(num(l, "abs_residual")).isLessThanOrEqualTo(tol);
                        double c = num(l, "c");
                        double delta = deltas[k];
                        assertThat(c).isEqualTo(1 - delta);
                        m.put("n" + (k + 1), num(l, "step"));
                        m.put("d" + (k + 1), delta);
                        // leading order (docs/models.md §1): [ln(1 + δ/x²) − ln(1 + δ/x0²)]/(4δ), x = η|ε|
                        double u = Math.pow(c * tol, 2);
                        double u0 = Math.pow(c * x0, 2);
                        m.put("q" + (k + 1), (double) Math.round((Math.log1p(delta / u) - Math.log1p(delta / u0))
                                / (4 * delta)));
                        k++;
                    }
                }
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        // ---------------- F11–F13 (momentum; κ = 1 + β for heavy ball, (1 + β)/(1 + 2β) for Nesterov)
        on("momentum.F11.", id -> {
            List<CSVRecord> rows = csv("F11_momentum_sharpness");
            Map<String, Double> from = from("F11_momentum_sharpness");
            double phi = Math.abs(from.get("phi"));
            double lgf = lambdaGf(from);
            Map<String, Double> largest = new LinkedHashMap<>();
            List<Double> betas = new ArrayList<>();
            int converged = 0;
            double maxEdge = 0;
            int sharper = 0;
            int hb = 0;
            double ratio = 0;
            int n = 0;
            for (CSVRecord r : rows) {
                String method = r.get("method");
                double beta = num(r, "beta");
                if (!betas.contains(beta)) {
                    betas.add(beta);
                }
                if (method.equals("heavy-ball") && beta == 0) {
                    n++;
                }
                if (!r.get("outcome").equals("converged")) {
                    continue;
                }
                double eta = num(r, "eta");
                double lam = num(r, "lambda_inf");
                double kappa = method.equals("nesterov") ? (1 + beta) / (1 + 2 * beta) : 1 + beta;
                converged++;
                maxEdge = Math.max(maxEdge, eta * lam / (2 * kappa));
                largest.merge(method + beta, eta, Math::max);
                if (method.equals("heavy-ball") && beta > 0) {
                    hb++;
                    sharper += lam > lgf ? 1 : 0;
                    ratio = Math.max(ratio, lam / lgf);
                }
            }
            double b1 = betas.get(1);
            double b2 = betas.get(2);
            Map<String, Double> m = new LinkedHashMap<>();
            switch (id) {
                case "momentum.F11.shows" -> {
                    m.putAll(from);
                    m.put("b1", b1);
                    m.put("b2", b2);
                    m.put("n", (double) n);
                    m.put("eta_min", num(rows.get(0), "eta"));
                    m.put("eta_max", num(rows.get(n - 1), "eta"));
                    m.put("lgf", lgf);
                }
                case "momentum.F11.below_edge" -> {
                    m.put("n", (double) converged);
                    m.put("max", maxEdge);
                }
                case "momentum.F11.reach", "momentum.F11.basin" -> {
                    m.put("g", largest.get("heavy-ball0.0"));
                    m.put("h1", largest.get("heavy-ball" + b1));
                    m.put("h2", largest.get("heavy-ball" + b2));
                    m.put("n1", largest.get("nesterov" + b1));
                    m.put("n2", largest.get("nesterov" + b2));
                    m.put("b1", b1);
                    m.put("b2", b2);
                    m.put("k1", (1 + b1) / phi);
                    m.put("k2", (1 + b2) / phi);
                    if (id.endsWith("reach")) {
                        m.put("m1", (1 + b1) / (1 + 2 * b1) / phi);
                        m.put("m2", (1 + b2) / (1 + 2 * b2) / phi);
                    }
                    m.put("beyond", 1 / phi);
                }
                case "momentum.F11.sharper", "momentum.F11.flatter" -> {
                    m.put("k", (double) sharper);
                    m.put("n", (double) hb);
                    m.put("ratio", ratio);
                }
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        on("momentum.F12.", id -> {
            List<CSVRecord> rows = csv("F12_momentum_phase");
            Map<String, Double> from = from("F12_momentum_phase");
            double phi = Math.abs(from.get("phi"));
            int n = (int) Math.round(Math.sqrt(rows.size()));
            double dx = num(rows.get(1), "eta") - num(rows.get(0), "eta");
            int beyondCells = 0;
            int beyondConverged = 0;
            int edge = 0;
            int gd = 0;
            Map<Double, Double> largest = new LinkedHashMap<>();
            for (CSVRecord r : rows) {
                double eta = num(r, "eta");
                double beta = num(r, "beta");
                // the lines, written out here (docs/models.md §2)
                double edgeEta = 2 * (1 + beta) / lambdaGf(from);
                double beyondEta = (1 + beta) / phi;
                boolean converged = r.get("outcome").equals("converged");
                if (eta >= beyondEta + dx) {
                    beyondCells++;
                    beyondConverged += converged ? 1 : 0;
                }
                edge += converged && eta >= edgeEta && eta < beyondEta ? 1 : 0;
                gd += converged && eta > 1 / phi ? 1 : 0;
                largest.putIfAbsent(beta, Double.NaN);
                if (converged) {
                    largest.put(beta, eta);
                }
            }
            int reachRows = 0;
            double gap = 0;
            for (Map.Entry<Double, Double> e : largest.entrySet()) {
                if (e.getKey() <= 0.3) {
                    reachRows++;
                    gap = Math.max(gap, Math.abs((1 + e.getKey()) / phi - e.getValue()) / dx);
                }
            }
            Map<String, Double> m = new LinkedHashMap<>();
            switch (id) {
                case "momentum.F12.shows" -> {
                    m.putAll(from);
                    m.put("n", (double) n);
                    m.put("e0", num(rows.get(0), "eta"));
                    m.put("e1", num(last(rows), "eta"));
                    m.put("b0", num(rows.get(0), "beta"));
                    m.put("b1", num(last(rows), "beta"));
                    m.put("steps", d(run("F12_momentum_phase", 0).get("steps")));
                }
                case "momentum.F12.beyond" -> {
                    m.put("cells", (double) beyondCells);
                    m.put("converged", (double) beyondConverged);
                }
                case "momentum.F12.reach" -> {
                    m.put("rows", (double) reachRows);
                    m.put("bmax", 0.3);
                    m.put("gap", gap);
                }
                case "momentum.F12.edge" -> {
                    m.put("n", (double) edge);
                    m.put("gd", (double) gd);
                }
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        on("momentum.F13.", id -> {
            List<CSVRecord> rows = csv("F13_warmup");
            Map<String, Double> from = from("F13_warmup");
            double lgf = lambdaGf(from);
            double beta = d(((Map<?, ?>) run("F13_warmup", 2).get("method")).get("beta"));
            long k = ((Number) ((Map<?, ?>) ((Map<?, ?>) run("F13_warmup", 1).get("method")).get("schedule"))
                    .get("steps")).longValue();
            Map<String, CSVRecord> constant = new LinkedHashMap<>();
            double[] both = new double[2];
            double[] flatter = new double[2];
            double[] staysOf = new double[2];
            double stays = Double.POSITIVE_INFINITY;
            int stuck = 0;
            int n = 0;
            for (CSVRecord r : rows) {
                int mi = r.get("method").equals("gd") ? 0 : 1;
                String key = r.get("method") + r.get("eta");
                if (r.get("schedule").equals("constant")) {
                    constant.put(key, r);
                    n += mi == 0 ? 1 : 0;
                    continue;
                }
                stuck += r.get("stuck").equals("true") ? 1 : 0;
                CSVRecord c = constant.get(key);
                boolean cw = r.get("outcome").equals("converged");
                if (cw && c.get("outcome").equals("converged")) {
                    both[mi]++;
                    flatter[mi] += num(r, "lambda_inf") <= num(c, "lambda_inf") * (1 + 1e-9) ? 1 : 0;
                }
                double holds = 2 * (mi == 0 ? 1 : 1 + beta) / lgf;
                if (cw && num(r, "eta") < holds) {
                    staysOf[mi]++;
                    stays = Math.min(stays, num(r, "lambda_inf") / lgf);
                }
            }
            Map<String, Double> m = new LinkedHashMap<>();
            switch (id) {
                case "momentum.F13.shows" -> {
                    m.putAll(from);
                    m.put("k", (double) k);
                    m.put("beta", beta);
                    m.put("n", (double) n);
                    m.put("eta_min", num(rows.get(0), "eta"));
                    m.put("eta_max", num(rows.get(2 * n - 1), "eta"));
                }
                case "momentum.F13.flatter", "momentum.F13.helps" -> {
                    m.put("fg", flatter[0]);
                    m.put("ng", both[0]);
                    m.put("fh", flatter[1]);
                    m.put("nh", both[1]);
                }
                case "momentum.F13.stays" -> {
                    m.put("eg", 2 / lgf);
                    m.put("eh", 2 * (1 + beta) / lgf);
                    m.put("ng", staysOf[0]);
                    m.put("nh", staysOf[1]);
                    m.put("pct", 100 * (1 - stays));
                }
                case "momentum.F13.stuck" -> m.put("s", (double) stuck);
                default -> fail("unknown statement " + id);
            }
            return m;
        });
        // ---------------- claims (from manifest.json)
        on("claims.grid", id -> {
            Map<String, Object> c = check();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("runs", d(c.get("runs")));
            m.put("starts", (double) ((List<?>) c.get("starts")).size());
            m.put("etas", d(c.get("eta_rel_count")));
            m.put("c0", d(c.get("eta_rel_min")));
            m.put("c1", d(c.get("eta_rel_max")));
            m.put("budget", d(c.get("steps")));
            m.put("tol", d(c.get("tol")));
            return m;
        });
        on("claims.margin", id -> Map.of("tau_rate", LinearRateClaim.TOLERANCE, "tau_trade", TradeOffClaim.TOLERANCE,
                "tau_mono", MonotoneStepClaim.TOLERANCE, "rounding", 1e-12));
        on("claims.", id -> {
            String[] p = id.split("\\.");
            Map<String, Object> v = verdict(p[1]);
            double margin = v.get("worst_margin") == null ? 0 : d(v.get("worst_margin"));
            Map<String, Double> m = new LinkedHashMap<>();
            if (p[2].equals("failed")) {
                m.put("failed", d(v.get("failed")));
                m.put("n", d(v.get("applicable")));
                m.put("margin", margin);
            } else {
                m.put("n", d(v.get("held")));
                m.put("failed", d(v.get("failed")));
                m.put("margin", margin);
                m.put("inconclusive", d(v.get("inconclusive")));
                m.put("rounding", 1e-12);
            }
            return m;
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> check() {
        return (Map<String, Object>) manifest.get("check");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> verdict(String claim) {
        for (Map<String, Object> v : (List<Map<String, Object>>) check().get("claims")) {
            if (v.get("id").equals(claim)) {
                return v;
            }
        }
        throw new IllegalArgumentException(claim);
    }

    /** λ_GF = √(4Φ² + Q₀²), Q₀² = λ₀² − 4m₀², of a figure's start (docs/model.md §5). */
    static double lambdaGf(Map<String, Double> from) {
        double phi = from.get("phi");
        double l0 = from.get("lambda0");
        double m0 = from.get("m0");
        return Math.sqrt(4 * phi * phi + l0 * l0 - 4 * m0 * m0);
    }

    static double lgf(String figure) {
        CSVRecord r = csv(figure).get(0);
        return 2 * num(r, "eta_rel") / num(r, "eta");
    }

    static Map<String, Double> sweepShows(String figure) {
        List<CSVRecord> rows = csv(figure);
        Map<String, Double> m = from(figure);
        double lgf = lgf(figure);
        m.put("n", (double) rows.size());
        m.put("eta_min", num(rows.get(0), "eta"));
        m.put("eta_max", num(last(rows), "eta"));
        m.put("lgf", lgf);
        m.put("edge", 2 / lgf);
        m.put("beyond", 1 / Math.abs(m.get("phi")));
        return m;
    }

    /** (eta, λ∞) of the converged rows of F2. */
    static List<double[]> converged() {
        List<double[]> out = new ArrayList<>();
        for (CSVRecord r : csv("F2_sharpness_vs_eta")) {
            if (r.get("outcome").equals("converged")) {
                out.add(new double[] {num(r, "eta"), num(r, "lambda_inf")});
            }
        }
        return out;
    }

    static Map<String, Double> rises(boolean withSize) {
        List<double[]> c = converged();
        int rises = 0;
        double max = 0;
        double at = 0;
        for (int i = 1; i < c.size(); i++) {
            double rise = (c.get(i)[1] - c.get(i - 1)[1]) / c.get(i - 1)[1];
            if (rise > 0) {
                rises++;
                if (rise > max) {
                    max = rise;
                    at = c.get(i)[0];
                }
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rises", (double) rises);
        m.put("pairs", (double) (c.size() - 1));
        if (withSize) {
            m.put("pct", 100 * max);
            m.put("eta", at);
        }
        return m;
    }

    /** (eta, steps, gain) of the converged rows of F3. */
    static List<double[]> f3() {
        List<double[]> out = new ArrayList<>();
        for (CSVRecord r : csv("F3_steps_vs_eta")) {
            if (r.get("outcome").equals("converged")) {
                out.add(new double[] {num(r, "eta"), num(r, "steps"), num(r, "gain")});
            }
        }
        return out;
    }

    static double[] lastRow(List<double[]> rows) {
        return rows.get(rows.size() - 1);
    }

    // ------------------------------------------------------------------ the tests

    /** Sentences without measured numbers: definitions of the model and texts quoted from the claims. */
    static boolean definition(String id) {
        return id.startsWith("intro.") || id.equals("landscape.intro") || id.equals("momentum.intro")
                || id.endsWith(".statement")
                || id.endsWith(".counterexample") || id.endsWith(".note");
    }

    static Function<String, Map<String, Double>> recomputation(String id) {
        Function<String, Map<String, Double>> best = null;
        int len = -1;
        for (Map.Entry<String, Function<String, Map<String, Double>>> e : RECOMPUTE.entrySet()) {
            if (id.startsWith(e.getKey()) && e.getKey().length() > len) {
                best = e.getValue();
                len = e.getKey().length();
            }
        }
        return best;
    }

    @Test
    void everyPrintedSentenceIsRecomputedFromTheDataAndHolds() {
        List<Statement> printed = report.statements();
        assertThat(printed).hasSizeGreaterThan(60);
        Set<String> ids = new LinkedHashSet<>();
        for (Statement s : printed) {
            assertThat(ids.add(s.id())).as("duplicate statement id " + s.id()).isTrue();
            assertThat(s.holds()).as(s.id()).isTrue();
            if (definition(s.id())) {
                assertThat(s.measured()).as(s.id() + " is a definition").isEmpty();
                continue;
            }
            var f = recomputation(s.id());
            assertThat(f).as("no recomputation for the printed sentence " + s.id()).isNotNull();
            Map<String, Double> again = f.apply(s.id());
            assertThat(again.keySet()).as(s.id()).containsExactlyInAnyOrderElementsOf(s.measured().keySet());
            for (Map.Entry<String, Double> e : s.measured().entrySet()) {
                double want = e.getValue();
                double got = again.get(e.getKey());
                assertThat(Math.abs(got - want)).as(s.id() + ": " + e.getKey() + " = " + want + ", recomputed " + got)
                        .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(want)));
            }
            assertThat(s.holdsFor(again)).as(s.id() + " asserts " + s.assertion() + " for " + again).isTrue();
            assertThat(s.fill(again)).as(s.id()).isEqualTo(s.markup());
        }
    }

    @Test
    void alternativeSentencesPrintExactlyOneOfEachPair() {
        Set<String> ids = new LinkedHashSet<>();
        report.statements().forEach(s -> ids.add(s.id()));
        for (int k = 1; k <= 3; k++) {
            assertThat(ids.contains("loss.F1.time." + k + ".sooner") ^ ids.contains("loss.F1.time." + k + ".later"))
                    .as("F1 run " + k).isTrue();
            assertThat(ids.contains("loss.F1.shape." + k + ".monotone") ^ ids.contains("loss.F1.shape." + k + ".rises"))
                    .isTrue();
        }
        assertThat(ids.contains("sweep.F2.rises") ^ ids.contains("sweep.F2.falls")).isTrue();
        assertThat(ids.contains("momentum.F11.sharper") ^ ids.contains("momentum.F11.flatter")).isTrue();
        assertThat(ids.contains("momentum.F13.flatter") ^ ids.contains("momentum.F13.helps")).isTrue();
        assertThat(ids).contains("momentum.F11.below_edge", "momentum.F12.beyond", "momentum.F12.reach",
                "momentum.F13.stays");
        assertThat(ids.contains("imbalance.F5.order") || ids.contains("imbalance.F5.ordered")).isTrue();
        // the three contradictions of the old captions are gone and their measured forms are printed
        assertThat(ids).contains("loss.F1.time.1.sooner", "sweep.F3.dip", "sweep.F3.gain", "imbalance.F5.order");
    }

    @Test
    void theReportsPrintEveryStatementAndNothingElse() throws Exception {
        String md = Files.readString(dir.resolve("report.md"));
        String html = Files.readString(dir.resolve("report.html"));
        for (Statement s : report.statements()) {
            assertThat(md.contains(s.plain())).as("report.md prints " + s.id()).isTrue();
            assertThat(html.contains(MathMl.html(s.markup()))).as("report.html prints " + s.id()).isTrue();
        }
        // outside code spans (commands keep Java's notation, which the CLI reads back)
        String prose = md.replaceAll("`[^`]*`", "");
        assertThat(prose).doesNotContainPattern("\\d\\.\\d+E-?\\d").doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(html).contains("<math>").contains("<msub>").contains("<msqrt>");
        List<Map<String, Object>> json = Json.mapper().readValue(dir.resolve("statements.json").toFile(), List.class);
        assertThat(json).hasSize(report.statements().size());
    }
}
