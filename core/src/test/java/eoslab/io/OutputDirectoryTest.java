package eoslab.io;

import eoslab.EoslabTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OutputDirectory}: checked up front, staged beside the target, renamed whole; nothing mixed or left. */
class OutputDirectoryTest extends EoslabTest {
    @TempDir
    Path dir;

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewDirectoryAppearsWholeAtCommit() throws IOException {
        Path target = dir.resolve("report");
        try (OutputDirectory out = OutputDirectory.plan(target.toString(), false)) {
            Files.writeString(out.staging().resolve("a.txt"), "a");
            assertThat(target).doesNotExist();
            assertThat(names(dir)).singleElement().asString().endsWith(OutputSet.TEMP_SUFFIX);
            out.commit();
        }
        assertThat(names(dir)).containsExactly("report");
        assertThat(names(target)).containsExactly("a.txt");
    }

    @Test
    void aNonEmptyDirectoryIsRefusedWithoutForceAndReplacedWholeWithIt() throws IOException {
        Path target = Files.createDirectory(dir.resolve("report"));
        Files.writeString(target.resolve("stale.txt"), "old");
        assertThatThrownBy(() -> OutputDirectory.plan(target.toString(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty")
                .hasMessageContaining("--force");
        try (OutputDirectory out = OutputDirectory.plan(target.toString(), true)) {
            Files.writeString(out.staging().resolve("new.txt"), "new");
            out.commit();
        }
        assertThat(names(target)).as("no stale file mixed in").containsExactly("new.txt");
        assertThat(names(dir)).containsExactly("report");
    }

    @Test
    void anEmptyDirectoryIsFilledWithoutForce() throws IOException {
        Path target = Files.createDirectory(dir.resolve("report"));
        try (OutputDirectory out = OutputDirectory.plan(target.toString(), false)) {
            Files.writeString(out.staging().resolve("x"), "x");
            out.commit();
        }
        assertThat(names(target)).containsExactly("x");
    }

    @Test
    void closingUncommittedLeavesTheTargetAsItWas() throws IOException {
        Path target = Files.createDirectory(dir.resolve("report"));
        Files.writeString(target.resolve("keep.txt"), "kept");
        try (OutputDirectory out = OutputDirectory.plan(target.toString(), true)) {
            Files.writeString(out.staging().resolve("half.txt"), "half");
        }
        assertThat(names(dir)).containsExactly("report");
        assertThat(names(target)).containsExactly("keep.txt");
    }

    @Test
    void emptyRootFileAndLinkAreRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectory(dir.resolve("real")));
        assertThatThrownBy(() -> OutputDirectory.plan("", true)).hasMessage("--out must name a directory, got ''");
        assertThatThrownBy(() -> OutputDirectory.plan("/", true)).hasMessageContaining("root directory");
        assertThatThrownBy(() -> OutputDirectory.plan(file.toString(), true)).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> OutputDirectory.plan(link.toString(), true)).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> OutputDirectory.plan(dir.resolve("no/such").toString(), true))
                .hasMessageContaining("directory does not exist");
    }

    @Test
    void aDirectoryReplacedWhenAProcessDiedIsPutBack() throws IOException {
        long dead = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1_000_000;
        Path backup = Files.createDirectory(dir.resolve(".report." + dead + ".2.old" + OutputSet.TEMP_SUFFIX));
        Files.writeString(backup.resolve("old.txt"), "old");
        Path staging = Files.createDirectory(dir.resolve(".report." + dead + ".1" + OutputSet.TEMP_SUFFIX));
        Files.writeString(staging.resolve("new.txt"), "new");
        OutputDirectory.plan(dir.resolve("other").toString(), false).close();
        assertThat(names(dir)).containsExactly("report");
        assertThat(names(dir.resolve("report"))).containsExactly("old.txt");
    }
}
