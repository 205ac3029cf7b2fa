package eoslab.sweep;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.exec.TileJournal;
import eoslab.grid.Axis;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepRunnerTest extends EoslabTest {
    @TempDir
    Path dir;

    private static SweepRunner runner() {
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.2, 1.4, 30, false),
                Axis.single("phi", 1.0), new Axis("m0", -0.2, 0.2, 3, false), new Axis("lambda0", 0.5, 5, 9, false),
                new RunSettings(MethodSpec.GD, new StopRule(3000, 1e-12), Engine.REDUCED, Precision.DOUBLE));
        return new SweepRunner(g);
    }

    @Test
    void threadCountDoesNotChangeTheFile() throws IOException {
        SweepRunner r = runner();
        assertThat(r.tiles()).isGreaterThan(3);
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        assertThat(r.run(one, Map.of("k", 1), false, 1, null, () -> false)).isTrue();
        assertThat(r.run(two, Map.of("k", 1), false, 2, null, () -> false)).isTrue();
        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
        assertThat(Files.readAllLines(one)).hasSize(1 + 30 * 3 * 9);
        assertThat(TileJournal.directory(one)).doesNotExist();
    }

    @Test
    void resumeAfterInterruptionGivesTheSameFile() throws IOException {
        SweepRunner r = runner();
        Path full = dir.resolve("full.csv");
        r.run(full, Map.of("k", 1), false, 2, null, () -> false);
        Path out = dir.resolve("out.csv");
        AtomicInteger polls = new AtomicInteger();
        boolean done = r.run(out, Map.of("k", 1), false, 2, null, () -> polls.incrementAndGet() > 2);
        assertThat(done).isFalse();
        assertThat(out).doesNotExist();
        Path journal = TileJournal.directory(out);
        long saved;
        try (var s = Files.list(journal)) {
            saved = s.filter(p -> p.getFileName().toString().startsWith("tile-")).count();
        }
        assertThat(saved).isBetween(1L, (long) r.tiles() - 1);
        Files.writeString(journal.resolve(".tile-00000099.csv123.tmp"), "half a tile");
        assertThatThrownBy(() -> r.run(out, Map.of("k", 1), false, 2, null, () -> false))
                .hasMessageContaining("--resume");
        assertThatThrownBy(() -> r.run(out, Map.of("k", 2), true, 2, null, () -> false))
                .hasMessageContaining("different parameters");
        assertThat(r.run(out, Map.of("k", 1), true, 1, null, () -> false)).isTrue();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(full));
        assertThat(journal).doesNotExist();
        assertThatThrownBy(() -> r.run(out, Map.of("k", 1), true, 1, null, () -> false))
                .hasMessageContaining("nothing to resume");
    }
}
