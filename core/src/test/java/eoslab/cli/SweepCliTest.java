package eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import eoslab.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class SweepCliTest extends EoslabTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result exec(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return new ArrayList<>(p.getRecords());
        }
    }

    /** Every sweep row equals the run --json summary of the same run, field by field, bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"canonical", "gaussian", "relative"})
    void rowsEqualIndividualRuns(String form) throws IOException {
        Path csv = dir.resolve(form + ".csv");
        List<String> args = new ArrayList<>(List.of("sweep", "--out", csv.toString(), "--steps", "5000"));
        switch (form) {
            case "canonical" -> args.addAll(List.of("--eta", "0.3:1.9:5", "--m0", "-0.3:0.3:2", "--lambda0", "1:6:3"));
            case "gaussian" -> args.addAll(List.of("--eta", "0.05:2:4", "--log", "eta", "--scale", "0.2:1.5:3",
                    "--width", "7", "--seed", "5", "--phi", "-0.7"));
            default -> args.addAll(List.of("--eta-rel", "0.5:1.8:4", "--lambda0", "0.5:4:3"));
        }
        Result r = exec(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("progress:");
        assertThat(Path.of(csv + ".manifest.json")).exists();
        List<CSVRecord> rows = read(csv);
        assertThat(rows).isNotEmpty();
        for (CSVRecord row : rows) {
            List<String> run = new ArrayList<>(List.of("run", "--json", "--steps", "5000", "--eta", row.get("eta"),
                    "--phi", row.get("phi")));
            if (form.equals("gaussian")) {
                run.addAll(List.of("--scale", row.get("scale"), "--width", row.get("width"), "--seed", row.get("seed")));
            } else {
                run.addAll(List.of("--m0", row.get("m0"), "--lambda0", row.get("lambda0")));
            }
            if (form.equals("relative")) {
                run.set(4, "--eta-rel");
                run.set(5, row.get("eta_rel_set"));
            }
            Result one = exec(run.toArray(new String[0]));
            assertThat(one.code()).as(one.err()).isZero();
            JsonNode json = Json.mapper().readTree(one.out());
            json.fieldNames().forEachRemaining(k -> {
                JsonNode v = json.get(k);
                String cell = row.get(k);
                if (v.isNull()) {
                    assertThat(cell).as(k).isEmpty();
                } else if (v.isNumber()) {
                    assertThat(Double.parseDouble(cell)).as(k).isEqualTo(v.asDouble());
                } else if (v.isTextual()) {
                    assertThat(cell).as(k).isEqualTo(v.asText());
                }
            });
        }
    }

    @Test
    void precisionDecimalMatchesDoubleOnAWellConditionedRun() throws IOException {
        Result d = exec("run", "--json", "--eta", "0.5", "--m0", "0.2", "--lambda0", "1.5");
        Result x = exec("run", "--json", "--eta", "0.5", "--m0", "0.2", "--lambda0", "1.5", "--precision",
                "decimal:50");
        assertThat(x.code()).as(x.err()).isZero();
        JsonNode a = Json.mapper().readTree(d.out());
        JsonNode b = Json.mapper().readTree(x.out());
        assertThat(b.get("outcome").asText()).isEqualTo("converged");
        assertThat(Math.abs(b.get("steps").asLong() - a.get("steps").asLong())).isLessThanOrEqualTo(1);
        assertThat(b.get("norm").asDouble()).isCloseTo(a.get("norm").asDouble(),
                org.assertj.core.data.Offset.offset(1e-12));
        Path csv = dir.resolve("dec.csv");
        Result s = exec("sweep", "--out", csv.toString(), "--eta", "0.5", "--m0", "0.2", "--lambda0", "1.5",
                "--precision", "decimal:50");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(Double.parseDouble(read(csv).get(0).get("norm"))).isEqualTo(b.get("norm").asDouble());
    }

    @Test
    void badInputIsOneErrorLine() {
        for (String[] args : List.of(
                new String[] {"sweep", "--out", dir.resolve("x.csv").toString(), "--eta", "1:2", "--lambda0", "1"},
                new String[] {"sweep", "--out", dir.resolve("x.csv").toString(), "--eta", "1", "--lambda0", "1",
                    "--log", "foo"},
                new String[] {"sweep", "--out", dir.resolve("x.csv").toString(), "--eta", "1", "--lambda0", "1",
                    "--precision", "decimal:5"},
                new String[] {"sweep", "--out", dir.resolve("x.csv").toString(), "--eta", "1", "--lambda0", "1",
                    "--resume"},
                new String[] {"sweep", "--out", dir.resolve("x.csv").toString(), "--eta", "1", "--lambda0", "1",
                    "--m0", "2"},
                new String[] {"run", "--eta", "1", "--m0", "0", "--lambda0", "1", "--precision", "quad"},
                new String[] {"phase", "--out", dir.resolve("p").toString(), "--eta", "1", "--lambda0", "1:2:3"},
                new String[] {"phase", "--out", dir.resolve("p").toString(), "--eta", "1:2:3", "--lambda0", "1:2:3",
                    "--m0", "0:0.1:2"},
                new String[] {"phase", "--out", dir.resolve("p").toString(), "--eta", "1:2:3", "--lambda0", "1:2:3",
                    "--zoom", "1:2"})) {
            Result r = exec(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("error: ").doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(dir.resolve("x.csv")).doesNotExist();
        assertThat(dir.resolve("p.png")).doesNotExist();
    }

    @Test
    void phaseWritesImageDataAndManifests() throws IOException {
        Path prefix = dir.resolve("map");
        Result r = exec("phase", "--out", prefix.toString(), "--eta", "0.2:1.6:40", "--lambda0", "0.5:8:30",
                "--steps", "2000", "--json", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = Json.mapper().readTree(r.out());
        assertThat(s.get("converged").asLong() + s.get("diverged").asLong() + s.get("periodic").asLong()
                + s.get("aperiodic").asLong() + s.get("slow").asLong()).isEqualTo(1200);
        for (String suffix : List.of(".png", ".npy", ".csv")) {
            assertThat(Path.of(prefix + suffix)).exists();
            assertThat(Path.of(prefix + suffix + ".manifest.json")).exists();
        }
        var img = javax.imageio.ImageIO.read(Path.of(prefix + ".png").toFile());
        assertThat(img.getWidth()).isGreaterThan(512);
        List<CSVRecord> rows = read(Path.of(prefix + ".csv"));
        assertThat(rows).hasSize(1200);
        assertThat(rows.get(0).get("outcome")).isEqualTo("converged");
        Path zoom = dir.resolve("zoom");
        Result z = exec("phase", "--out", zoom.toString(), "--eta", "0.2:1.6:40", "--lambda0", "0.5:8:30",
                "--steps", "2000", "--zoom", "0.9:1.1,2.5:3.5", "--json");
        assertThat(z.code()).as(z.err()).isZero();
        List<CSVRecord> zr = read(Path.of(zoom + ".csv"));
        assertThat(Double.parseDouble(zr.get(0).get("eta"))).isEqualTo(0.9);
        assertThat(Double.parseDouble(zr.get(zr.size() - 1).get("lambda0"))).isEqualTo(3.5);
    }
}
