package eoslab.io;

import eoslab.EoslabTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link AtomicOutput}: a temporary sibling renamed on commit; nothing left behind without commit. */
class AtomicOutputTest extends EoslabTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesToAHiddenTemporaryUntilCommitThenRenames() throws IOException {
        Path target = dir.resolve("out.csv");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("a,b\n1,2\n");
            assertThat(Files.exists(target)).as("target before commit").isFalse();
            assertThat(names()).singleElement().asString().startsWith(".out.csv").endsWith(".tmp");
            assertThat(out.target()).isEqualTo(target.toAbsolutePath());
            out.commit();
        }
        assertThat(names()).containsExactly("out.csv");
        assertThat(Files.readString(target)).isEqualTo("a,b\n1,2\n");
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    @Test
    void commitReplacesAnExistingFile() throws IOException {
        Path target = dir.resolve("r.txt");
        Files.writeString(target, "old content that is longer");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("new");
            assertThat(Files.readString(target)).as("untouched until commit").isEqualTo("old content that is longer");
            out.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(names()).containsExactly("r.txt");
    }

    @Test
    void closingWithoutCommitLeavesNeitherTargetNorTemporary() throws IOException {
        Path target = dir.resolve("never.csv");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("partial");
        }
        assertThat(names()).isEmpty();
        assertThatThrownBy(() -> {
            try (AtomicOutput out = AtomicOutput.open(target)) {
                out.writer().write("partial");
                throw new IllegalStateException("the computation failed");
            }
        }).hasMessage("the computation failed");
        assertThat(names()).isEmpty();
    }

    @Test
    void closingWithoutCommitKeepsAnExistingFile() throws IOException {
        Path target = dir.resolve("keep.csv");
        Files.writeString(target, "kept");
        try (AtomicOutput out = AtomicOutput.open(target)) {
            out.writer().write("lost");
        }
        assertThat(names()).containsExactly("keep.csv");
        assertThat(Files.readString(target)).isEqualTo("kept");
    }

    @Test
    void refusesAMissingDirectory() {
        Path target = dir.resolve("missing").resolve("out.csv");
        assertThatThrownBy(() -> AtomicOutput.open(target)).isInstanceOf(IOException.class)
                .hasMessage("directory does not exist: " + dir.resolve("missing").toAbsolutePath());
        assertThatThrownBy(() -> AtomicOutput.writeString(target, "x")).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + target + ": directory does not exist");
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }

    @Test
    void writesWholeTextAndBinaryFiles() throws IOException {
        AtomicOutput.writeString(dir.resolve("t.json"), "{\"é\": 1}\n");
        byte[] bytes = new byte[300];
        rng.nextBytes(bytes);
        AtomicOutput.writeBytes(dir.resolve("b.npy"), bytes);
        assertThat(Files.readString(dir.resolve("t.json"), StandardCharsets.UTF_8)).isEqualTo("{\"é\": 1}\n");
        assertThat(Files.readAllBytes(dir.resolve("b.npy"))).isEqualTo(bytes);
        assertThat(names()).containsExactly("b.npy", "t.json");
    }
}
