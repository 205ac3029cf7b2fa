package eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import eoslab.io.ThetaJson;
import eoslab.model.Layout;
import eoslab.model.diagonal.DiagonalModel;
import eoslab.model.linear.DeepLinearModel;
import eoslab.model.linear.ScalarChain;
import eoslab.sharpness.DenseSharpness;
import eoslab.spec.LinearTarget;
import eoslab.spec.ModelSpec;
import eoslab.spec.StartSpec;
import eoslab.service.ModelProblem;
import eoslab.service.ModelRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The commands on {@code --model linear} and {@code --model diagonal} as a user types them, checked against
 * independent computations: GD iterated here on the model, the dense Hessian, the chain's closed forms.
 */
class NetworkCliTest extends EoslabTest {
    private static final String[] FACTORIZATION = {"--model", "linear", "--depth", "2", "--widths", "3",
            "--target-spectrum", "2,1,0.5", "--target-size", "4x3", "--target-seed", "7", "--scale", "0.3", "--seed",
            "1"};

    @Test
    void runOnAFactorizationIsPlainGdWithTheDenseSharpnessAndWritesItsParameters(@TempDir Path dir) throws IOException {
        Path end = dir.resolve("end.json");
        Path start = dir.resolve("start.json");
        Path traj = dir.resolve("traj.csv");
        CliRun r = CliRun.of(concat(FACTORIZATION, "run", "--eta", "0.1", "--steps", "300", "--json", "--save-theta",
                end.toString(), "--save-start", start.toString(), "--out", traj.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = r.json();
        ModelProblem p = ModelRuns.resolve(new ModelSpec.Linear(2, List.of(3),
                new LinearTarget.Spectrum(List.of(2.0, 1.0, 0.5), 4, 3, 7)),
                new StartSpec.Layers(List.of(0.3), 1));
        DeepLinearModel model = (DeepLinearModel) p.model();
        double[] theta = p.start();
        double[] g = new double[theta.length];
        double maxLoss = model.loss(theta);
        for (int k = 0; k < 300; k++) {
            model.gradient(theta, g);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= 0.1 * g[i];
            }
            maxLoss = Math.max(maxLoss, model.loss(theta));
        }
        assertThat(s.get("model").asText()).isEqualTo("linear");
        assertThat(s.get("steps").asLong()).isLessThanOrEqualTo(300);
        assertThat(s.get("loss").asDouble()).isCloseTo(model.loss(theta), within(1e-12));
        assertThat(s.get("min_loss").asDouble()).isCloseTo(model.minimumLoss(), within(1e-15));
        assertThat(s.get("max_loss").asDouble()).isCloseTo(maxLoss, within(1e-12 * maxLoss));
        double dense = new DenseSharpness(1, false).estimate(model, theta).value();
        assertThat(s.get("sharpness").asDouble()).isCloseTo(dense, within(1e-8 * dense));
        assertThat(s.get("imbalance").asDouble()).isCloseTo(model.imbalance(theta), within(1e-9));
        Layout layout = model.layout();
        double[] saved = ThetaJson.read(end, layout);
        for (int i = 0; i < theta.length; i++) {
            assertThat(saved[i]).isCloseTo(theta[i], within(1e-13));
        }
        assertThat(ThetaJson.read(start, layout)).containsExactly(p.start());
        assertThat(Files.exists(dir.resolve("end.json.manifest.json"))).isTrue();
        assertThat(Files.exists(dir.resolve("traj.csv.manifest.json"))).isTrue();
        CliRun.Csv csv = CliRun.csv(traj);
        assertThat(csv.header()).startsWith("step", "time", "loss");
        assertThat(csv.value(0, "loss")).isCloseTo(model.loss(p.start()), within(1e-14));

        CliRun again = CliRun.of(concat(new String[] {"run", "--model", "linear", "--depth", "2", "--widths", "3",
                "--target-spectrum", "2,1,0.5", "--target-size", "4x3", "--target-seed", "7", "--theta", end.toString(),
                "--eta", "0.1", "--steps", "0", "--json"}));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.json().get("loss").asDouble()).isCloseTo(model.loss(theta), within(1e-13));
    }

    @Test
    void flowOnTheScalarChainReachesItsClosedFormLimitAndKeepsTheConservedQuantities() {
        CliRun ode = CliRun.of("flow", "--model", "linear", "--depth", "3", "--phi", "1.5", "--scale", "0.7",
                "--seed", "4", "--method", "ode", "--tol", "1e-10", "--json");
        CliRun exact = CliRun.of("flow", "--model", "linear", "--depth", "3", "--phi", "1.5", "--scale", "0.7",
                "--seed", "4", "--method", "exact", "--json");
        assertThat(ode.code()).as(ode.err()).isZero();
        assertThat(exact.code()).as(exact.err()).isZero();
        double[] w0 = ModelRuns.resolve(new ModelSpec.Linear(3, List.of(), new LinearTarget.Scalar(1.5)),
                new StartSpec.Layers(List.of(0.7), 4)).start();
        ScalarChain chain = new ScalarChain(3, 1.5);
        double[] limit = chain.gradientFlowLimit(w0).w();
        double closed = ScalarChain.sharpnessAtMinimum(limit);
        assertThat(exact.json().get("sharpness").asDouble()).isCloseTo(closed, within(1e-12 * closed));
        assertThat(ode.json().get("sharpness").asDouble()).isCloseTo(closed, within(1e-6 * closed));
        assertThat(ode.json().get("conserved_drift").asDouble()).isLessThan(1e-9);
        assertThat(ode.json().get("outcome").asText()).isEqualTo("converged");
    }

    @Test
    void compareReportsTheLimitsTheEdgeStepAndTheDistanceOnOneClock() {
        CliRun r = CliRun.of("compare", "--model", "diagonal", "--sparse", "20,40,3", "--seed", "2", "--alpha", "0.1",
                "--eta-rel", "1.2", "--sharpness-every", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode c = r.json();
        JsonNode gd = c.get("gd");
        JsonNode gf = c.get("gf");
        assertThat(gd.get("outcome").asText()).isEqualTo("converged");
        assertThat(gf.get("outcome").asText()).isEqualTo("converged");
        assertThat(gd.get("sharpness").asDouble()).isLessThan(gf.get("sharpness").asDouble());
        assertThat(gf.get("sharpness").asDouble()).isCloseTo(gd.get("gfs_sharpness").asDouble(), within(1e-6));
        double eta = c.has("eta") ? c.get("eta").asDouble() : gd.get("eta").asDouble();
        double edge = c.get("edge_threshold").asDouble();
        assertThat(edge).isCloseTo(2 / eta, within(1e-12 * edge));
        assertThat(c.get("first_step_above_edge").asLong()).isPositive();
        assertThat(c.get("max_distance").asDouble()).isGreaterThanOrEqualTo(c.get("final_distance").asDouble());
    }

    @Test
    void sweepRowsEqualSingleRunsAndDoNotDependOnThreads(@TempDir Path dir) {
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        String[] grid = {"sweep", "--model", "linear", "--depth", "3", "--phi", "1:2:2", "--scale", "0.4", "--seed",
                "3", "--eta-rel", "0.5:1.5:3", "--steps", "2000"};
        assertThat(CliRun.of(concat(grid, "--out", one.toString(), "--threads", "1")).code()).isZero();
        assertThat(CliRun.of(concat(grid, "--out", two.toString(), "--threads", "2")).code()).isZero();
        CliRun.Csv a = CliRun.csv(one);
        CliRun.Csv b = CliRun.csv(two);
        assertThat(a.rows()).hasSize(6);
        for (int i = 0; i < a.rows().size(); i++) {
            assertThat(a.rows().get(i).toList()).isEqualTo(b.rows().get(i).toList());
        }
        CliRun single = CliRun.of("run", "--model", "linear", "--depth", "3", "--phi", "2", "--scale", "0.4",
                "--seed", "3", "--eta-rel", "1.5", "--steps", "2000", "--json");
        assertThat(single.code()).as(single.err()).isZero();
        assertThat(a.value(5, "loss")).isEqualTo(single.json().get("loss").asDouble());
        assertThat(a.value(5, "sharpness")).isEqualTo(single.json().get("sharpness").asDouble());
    }

    @Test
    void checkJudgesTheFourClaimsOnAUserGrid(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("verdicts.json");
        CliRun r = CliRun.of("check", "--model", "linear", "--depth", "2:3:2", "--phi", "1", "--scale", "0.5",
                "--seed", "1", "--eta-rel", "0.5,1.5", "--json", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode claims = r.json().get("claims");
        List<String> ids = new ArrayList<>();
        claims.forEach(v -> ids.add(v.get("id").asText()));
        assertThat(ids).containsExactly("a", "b", "c", "d");
        JsonNode d = claims.get(3);
        assertThat(d.get("verdict").asText()).isEqualTo("held");
        assertThat(d.get("applicable").asInt()).isPositive();
        assertThat(claims.get(1).get("verdict").asText()).isEqualTo("held");
        assertThat(Files.exists(out)).isTrue();
        assertThat(Files.exists(dir.resolve("verdicts.json.manifest.json"))).isTrue();
    }

    @Test
    void diagonalRunReachesTheLeastSquaresLossWithinTheRelativeToleranceOrTheResolution() {
        CliRun r = CliRun.of("run", "--model", "diagonal", "--sparse", "30,10,3", "--noise", "0.1", "--seed", "2",
                "--alpha", "0.3", "--eta", "0.2", "--no-gfs", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = r.json();
        DiagonalModel m = (DiagonalModel) ModelRuns.resolve(ModelSpec.Diagonal.ofSparse(
                new ModelSpec.Sparse(30, 10, 3, 0.1, 2)), new StartSpec.Uniform(0.3)).model();
        double scale = Math.sqrt(2 * (m.loss(new double[m.dimension()]) - m.minimumLoss()));
        assertThat(s.get("outcome").asText()).isEqualTo("converged");
        assertThat(s.get("min_loss").asDouble()).isEqualTo(m.minimumLoss());
        assertThat(s.get("residual").asDouble()).isLessThanOrEqualTo(Math.max(1e-12 * scale,
                Math.sqrt(2 * 256 * Math.ulp(m.minimumLoss()))));
        assertThat(s.get("inputs").asInt()).isEqualTo(10);
    }

    @Test
    void aRelativeToleranceBelowWhatTheArithmeticResolvesIsRaisedAndAnAbsoluteOneWarns() {
        // noisy regression: L* ≈ 0.07, so L − L* resolves nothing below 256 ulps of L*, a residual of about 1.5e-8
        String[] noisy = {"run", "--model", "diagonal", "--sparse", "50,20,3", "--noise", "0.1", "--seed", "1",
                "--alpha", "0.1", "--eta", "0.01", "--no-gfs", "--json"};
        DiagonalModel m = (DiagonalModel) ModelRuns.resolve(ModelSpec.Diagonal.ofSparse(
                new ModelSpec.Sparse(50, 20, 3, 0.1, 1)), new StartSpec.Uniform(0.1)).model();
        double floor = Math.sqrt(2 * 256 * Math.ulp(m.minimumLoss()));
        assertThat(ModelRuns.resolution(m)).isEqualTo(floor);
        assertThat(ModelRuns.residualScale(m) * 1e-12).isLessThan(floor);
        CliRun byDefault = CliRun.of(concat(noisy, "--steps", "200000"));
        assertThat(byDefault.code()).as(byDefault.err()).isZero();
        assertThat(byDefault.err()).isEmpty();
        assertThat(byDefault.json().get("outcome").asText()).isEqualTo("converged");
        assertThat(byDefault.json().get("residual").asDouble()).isLessThanOrEqualTo(floor).isGreaterThan(floor / 4);
        CliRun absolute = CliRun.of(concat(noisy, "--tol", "1e-12", "--steps", "3000"));
        assertThat(absolute.code()).isZero();
        assertThat(absolute.err()).startsWith("warning: the tolerance").contains("1.00e-12").hasLineCount(1);
        assertThat(absolute.json().get("outcome").asText()).isEqualTo("max_steps");
        // a target problem (L* = 0) resolves down to one ulp of its residual scale: the default is far above it
        CliRun target = CliRun.of(concat(FACTORIZATION, "run", "--eta", "0.1", "--no-gfs", "--json"));
        assertThat(target.err()).isEmpty();
        CliRun tiny = CliRun.of(concat(FACTORIZATION, "run", "--eta", "0.1", "--no-gfs", "--tol", "1e-300",
                "--steps", "200"));
        assertThat(tiny.err()).startsWith("warning: the tolerance").hasLineCount(1);
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new ArrayList<>();
        boolean commandFirst = !head[0].startsWith("--");
        if (!commandFirst) {
            all.add(tail[0]);
            all.addAll(List.of(head));
            all.addAll(List.of(tail).subList(1, tail.length));
        } else {
            all.addAll(List.of(head));
            all.addAll(List.of(tail));
        }
        return all.toArray(String[]::new);
    }
}
