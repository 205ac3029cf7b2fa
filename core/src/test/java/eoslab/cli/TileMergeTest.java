package eoslab.cli;

import eoslab.EoslabTest;
import eoslab.exec.TileShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --tile i/N} and {@code merge}: for every N from 1 to 17 (more parts than tiles and than rows included), the
 * parts of sweep, phase and atlas merge into files byte-identical to a single run's; merge refuses incomplete,
 * duplicated, foreign and corrupt parts with one line naming them, and writes nothing then.
 */
class TileMergeTest extends EoslabTest {
    /** 600 runs: 3 tiles of at most 256. */
    private static final String[] SWEEP = {"sweep", "--eta", "0.2:1.4:20", "--lambda0", "1:5:30", "--steps", "2000"};
    /** 600 × 5 cells: 2 tiles per row, 10 tiles, 5 rows. */
    private static final String[] PHASE = {"phase", "--eta", "0.2:1.6:600", "--lambda0", "0.5:8:5", "--steps", "500",
        "--box-dimension", "--json"};
    /** 520 × 2 × 3 cells: 2 tiles per x row, 12 tiles. */
    private static final String[] ATLAS = {"atlas", "--eta", "0.2:1.6:520", "--m0", "-0.2:0.3:2", "--lambda0", "1:6:3",
        "--steps", "300", "--slices", "1", "--gif-frames", "2", "--json"};

    @TempDir
    Path dir;

    @Test
    void sweepPartsMergeIntoTheSingleRunForEveryCount() throws IOException {
        everyCountMatches(SWEEP, "sweep.csv", 3);
    }

    @Test
    void phasePartsMergeIntoTheSingleRunForEveryCount() throws IOException {
        everyCountMatches(PHASE, "map", 10);
    }

    @Test
    void atlasPartsMergeIntoTheSingleRunForEveryCount() throws IOException {
        everyCountMatches(ATLAS, "atlas", 12);
    }

    private void everyCountMatches(String[] command, String out, int tiles) throws IOException {
        Path single = Files.createDirectory(dir.resolve("single"));
        CliRun one = CliRun.of(with(command, "--out", single.resolve(out).toString()));
        assertThat(one.code()).as(one.err()).isZero();
        Map<String, byte[]> expected = results(single);
        assertThat(expected).isNotEmpty();
        for (int n = 1; n <= 17; n++) {
            Path parts = Files.createDirectory(dir.resolve("parts" + n));
            List<String> partFiles = new ArrayList<>(List.of("merge"));
            int held = 0;
            for (int i = 0; i < n; i++) {
                CliRun p = CliRun.of(with(command, "--out", parts.resolve(out).toString(), "--tile", i + "/" + n));
                assertThat(p.code()).as(p.err()).isZero();
                Path part = parts.resolve(out + ".tile-" + i + "-of-" + n + ".part");
                assertThat(part).isRegularFile();
                assertThat(parts.resolve(out + ".tile-" + i + "-of-" + n + ".part.manifest.json")).isRegularFile();
                held += new TileShare(i, n).size(tiles);
                partFiles.add(part.toString());
            }
            assertThat(held).isEqualTo(tiles);
            Path merged = Files.createDirectory(dir.resolve("merged" + n));
            partFiles.add("--out");
            partFiles.add(merged.resolve(out).toString());
            CliRun m = CliRun.of(partFiles.toArray(new String[0]));
            assertThat(m.code()).as(m.err()).isZero();
            Map<String, byte[]> got = results(merged);
            assertThat(got.keySet()).as("N = %d", n).isEqualTo(expected.keySet());
            for (String name : expected.keySet()) {
                assertThat(got.get(name)).as("%s, N = %d", name, n).isEqualTo(expected.get(name));
            }
            assertThat(Files.readString(merged.resolve(out + (out.endsWith(".csv") ? "" : ".npy") + ".manifest.json")))
                    .doesNotContain("--tile").contains(merged.resolve(out).toString());
        }
    }

    /** check: parts of starts merge into the verdict file of a single run, and print its report. */
    @Test
    void checkPartsMergeIntoTheSingleRunsVerdicts() throws IOException {
        String[] check = {"check", "--m0", "0.1,0.5,0.9", "--lambda0", "2,3", "--eta-rel", "0.1:1.9:60", "--steps",
            "20000"};
        Path single = dir.resolve("single.json");
        CliRun one = CliRun.of(with(check, "--out", single.toString()));
        assertThat(one.code()).as(one.err()).isZero();
        for (int n : new int[] {1, 4, 9}) {
            List<String> merge = new ArrayList<>(List.of("merge"));
            for (int i = 0; i < n; i++) {
                Path out = dir.resolve("c" + n + ".json");
                assertThat(CliRun.of(with(check, "--out", out.toString(), "--tile", i + "/" + n)).code()).isZero();
                merge.add(out + ".tile-" + i + "-of-" + n + ".part");
            }
            Path merged = dir.resolve("merged" + n + ".json");
            merge.addAll(List.of("--out", merged.toString()));
            CliRun m = CliRun.of(merge.toArray(new String[0]));
            assertThat(m.code()).as(m.err()).isZero();
            assertThat(Files.readAllBytes(merged)).isEqualTo(Files.readAllBytes(single));
            assertThat(m.out().replaceAll("in \\d+\\.\\d s", "in X s"))
                    .isEqualTo(one.out().replaceAll("in \\d+\\.\\d s", "in X s"));
        }
        assertThat(Files.readString(single)).contains("\"claims\"").doesNotContain("seconds");
        CliRun noOut = CliRun.of(with(check, "--tile", "0/2"));
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).isEqualTo("error: --tile needs --out FILE.json (the merged result)\n");
    }

    @Test
    void mergeRefusesIncompleteDuplicatedForeignAndCorruptParts() throws IOException {
        String prefix = dir.resolve("map").toString();
        for (int i = 0; i < 4; i++) {
            assertThat(CliRun.of(with(PHASE, "--out", prefix, "--tile", i + "/4")).code()).isZero();
        }
        String other = dir.resolve("other").toString();
        assertThat(CliRun.of(with(PHASE, "--out", other, "--tile", "1/4", "--tol", "1e-10")).code()).isZero();
        String p0 = prefix + ".tile-0-of-4.part";
        String p1 = prefix + ".tile-1-of-4.part";
        String p2 = prefix + ".tile-2-of-4.part";
        String p3 = prefix + ".tile-3-of-4.part";
        String out = dir.resolve("merged").toString();

        CliRun incomplete = CliRun.of("merge", p0, p1, p3, "--out", out);
        assertThat(incomplete.code()).isEqualTo(2);
        assertThat(incomplete.err()).isEqualTo("error: incomplete: part 2/4 not given (2 of 10 tiles missing)\n");
        CliRun two = CliRun.of("merge", p0, p3, "--out", out);
        assertThat(two.err()).isEqualTo("error: incomplete: parts 1/4, 2/4 not given (5 of 10 tiles missing)\n");

        CliRun duplicate = CliRun.of("merge", p0, p1, p2, p3, p1, "--out", out);
        assertThat(duplicate.code()).isEqualTo(2);
        assertThat(duplicate.err()).startsWith("error: duplicate part: ").contains(p1 + " (part 1/4)")
                .contains("both hold tile 1");

        CliRun foreign = CliRun.of("merge", p0, other + ".tile-1-of-4.part", p2, p3, "--out", out);
        assertThat(foreign.code()).isEqualTo(2);
        assertThat(foreign.err()).startsWith("error: foreign part " + other + ".tile-1-of-4.part");

        Path copy = Path.of(p3);
        byte[] bytes = Files.readAllBytes(copy);
        bytes[bytes.length - 1] ^= 1;
        Files.write(copy, bytes);
        CliRun corrupt = CliRun.of("merge", p0, p1, p2, p3, "--out", out);
        assertThat(corrupt.code()).isEqualTo(2);
        assertThat(corrupt.err()).isEqualTo("error: corrupt part " + p3 + ": its SHA-256 differs from the one in "
                + "map.tile-3-of-4.part.manifest.json\n");

        Files.delete(Path.of(p2 + ".manifest.json"));
        CliRun noManifest = CliRun.of("merge", p0, p1, p2, "--out", out);
        assertThat(noManifest.code()).isEqualTo(2);
        assertThat(noManifest.err()).contains("has no manifest");

        CliRun notAPart = CliRun.of("merge", p0 + ".manifest.json", "--out", out);
        assertThat(notAPart.code()).isEqualTo(2);
        assertThat(notAPart.err()).startsWith("error: not an eoslab part file");

        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("merged"))).isEmpty();
        }
    }

    @Test
    void badTileOptionsAreUsageErrors() {
        String out = dir.resolve("x").toString();
        for (String bad : List.of("4/4", "-1/3", "1/0", "a/b", "3")) {
            CliRun r = CliRun.of(with(PHASE, "--out", out, "--tile", bad));
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).startsWith("error: --tile").doesNotContain("\n\tat ");
        }
        CliRun resume = CliRun.of(with(SWEEP, "--out", dir.resolve("s.csv").toString(), "--tile", "0/2", "--resume"));
        assertThat(resume.code()).isEqualTo(2);
        assertThat(resume.err()).contains("--resume does not apply to --tile");
        assertThat(dir.toFile().list()).isEmpty();
    }

    private static String[] with(String[] command, String... more) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    /** The result files of a directory (manifests aside), by name. */
    private static Map<String, byte[]> results(Path d) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".manifest.json") && !name.endsWith(".part")) {
                    m.put(name, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }
}
