package eoslab.exec;

import eoslab.EoslabTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TileJournal}: a new journal, resuming it, refusing a mismatch, and stale temporary files. */
class TileJournalTest extends EoslabTest {
    private static final String SPEC = "{\"eta\":\"0.1:1:10\"}";

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("sweep.csv");
    }

    private static long files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void theJournalLivesBesideTheOutput() {
        assertThat(TileJournal.directory(out())).isEqualTo(dir.resolve("sweep.csv.parts"));
    }

    @Test
    void recordsTilesAndResumesThem() throws IOException {
        TileJournal j = TileJournal.open(out(), SPEC, false);
        Path parts = TileJournal.directory(out());
        assertThat(Files.readString(parts.resolve("spec.json"))).isEqualTo(SPEC);
        assertThat(j.has(3)).isFalse();
        j.put(3, "a,b\n1,2\n");
        j.put(250, "x\n");
        assertThat(j.has(3)).isTrue();
        assertThat(j.get(3)).isEqualTo("a,b\n1,2\n");
        assertThat(Files.isRegularFile(parts.resolve("tile-00000003.csv"))).isTrue();
        assertThat(files(parts)).as("spec and two tiles, no temporaries").isEqualTo(3);

        TileJournal again = TileJournal.open(out(), SPEC, true);
        assertThat(again.has(3)).isTrue();
        assertThat(again.has(250)).isTrue();
        assertThat(again.has(4)).isFalse();
        assertThat(again.get(250)).isEqualTo("x\n");
        again.put(3, "replaced\n");
        assertThat(again.get(3)).isEqualTo("replaced\n");

        again.delete();
        assertThat(Files.exists(parts)).isFalse();
        assertThat(files(dir)).isZero();
    }

    @Test
    void anExistingJournalNeedsResume() {
        TileJournal.open(out(), SPEC, false);
        assertThatThrownBy(() -> TileJournal.open(out(), SPEC, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an unfinished sweep exists in " + TileJournal.directory(out())
                        + ": finish it with --resume, or delete that directory");
    }

    @Test
    void resumeNeedsAJournalWithTheSameSpecification() {
        assertThatThrownBy(() -> TileJournal.open(out(), SPEC, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nothing to resume: no journal " + TileJournal.directory(out()));
        TileJournal.open(out(), SPEC, false);
        assertThatThrownBy(() -> TileJournal.open(out(), SPEC.replace("10", "11"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot resume: the sweep in " + TileJournal.directory(out())
                        + " has different parameters");
    }

    @Test
    void resumingRemovesStaleTemporaryFilesOnly() throws IOException {
        TileJournal j = TileJournal.open(out(), SPEC, false);
        j.put(0, "done\n");
        Path parts = TileJournal.directory(out());
        Files.writeString(parts.resolve(".tile-00000001.csv12345.tmp"), "half a ti");
        Files.writeString(parts.resolve(".tile-00000002.csv999.tmp"), "");
        TileJournal again = TileJournal.open(out(), SPEC, true);
        assertThat(files(parts)).isEqualTo(2);
        assertThat(again.has(0)).isTrue();
        assertThat(again.has(1)).isFalse();
        assertThat(again.get(0)).isEqualTo("done\n");
    }

    @Test
    void anUnusableDirectoryIsAnIoError() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        Path inside = blocker.resolve("sweep.csv");
        assertThatThrownBy(() -> TileJournal.open(inside, SPEC, false)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot use journal " + TileJournal.directory(inside));
    }
}
