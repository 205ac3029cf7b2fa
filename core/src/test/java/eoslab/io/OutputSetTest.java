package eoslab.io;

import eoslab.EoslabTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** All-or-nothing output sets: what is checked up front, what commit and close leave behind. */
class OutputSetTest extends EoslabTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commitPutsEveryFileInPlaceAndLeavesNoTemporary() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.png");
        try (OutputSet out = OutputSet.plan(List.of(a, b), false)) {
            out.write(a, "x,y\n1,2\n");
            out.write(b, new byte[] {1, 2, 3});
            assertThat(a).doesNotExist();
            assertThat(names()).hasSize(2).allMatch(n -> n.endsWith(OutputSet.TEMP_SUFFIX));
            out.commit();
        }
        assertThat(names()).containsExactly("a.csv", "b.png");
        assertThat(Files.readString(a)).isEqualTo("x,y\n1,2\n");
        assertThat(Files.readAllBytes(b)).containsExactly(1, 2, 3);
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws IOException {
        Path a = dir.resolve("a.csv");
        try (OutputSet out = OutputSet.plan(List.of(a, dir.resolve("b.csv")), false)) {
            out.writer(a).write("partial");
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void existingFilesAreRefusedWithoutForceAndReplacedWithIt() throws IOException {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "old");
        assertThatThrownBy(() -> OutputSet.plan(List.of(a), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists").hasMessageContaining("--force");
        assertThat(Files.readString(a)).isEqualTo("old");
        try (OutputSet out = OutputSet.plan(List.of(a), true)) {
            out.write(a, "new");
            out.commit();
        }
        assertThat(Files.readString(a)).isEqualTo("new");
        assertThat(names()).containsExactly("a.csv");
    }

    @Test
    void aFailingRenameRestoresEveryTarget() throws IOException {
        Path a = dir.resolve("a.csv");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path b = sub.resolve("b.csv");
        Files.writeString(a, "old a");
        try (OutputSet out = OutputSet.plan(List.of(a, b), true)) {
            out.write(a, "new a");
            out.write(b, "new b");
            // b's directory disappears after planning: its rename fails after a's succeeded
            try (Stream<Path> s = Files.list(sub)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(sub);
            assertThatThrownBy(out::commit).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot write " + b);
        }
        assertThat(Files.readString(a)).as("a is back as it was").isEqualTo("old a");
        assertThat(names()).containsExactly("a.csv");
    }

    @Test
    void directoriesAndMissingDirectoriesAreRefusedUpFront() throws IOException {
        Path d = Files.createDirectory(dir.resolve("d"));
        assertThatThrownBy(() -> OutputSet.plan(List.of(d), true)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> OutputSet.plan(List.of(dir.resolve("missing/x.csv")), false))
                .hasMessageContaining("directory does not exist");
        assertThatThrownBy(() -> OutputSet.plan(List.of(Path.of("")), false)).hasMessageContaining("file name");
        assertThatThrownBy(() -> OutputSet.plan(List.of(dir.resolve("x"), dir.resolve("./x")), false))
                .hasMessageContaining("same file");
    }

    @Test
    void aReadOnlyDirectoryIsRefusedUpFront() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(ro)) {
                return; // running as root: permissions do not bind, nothing to check
            }
            assertThatThrownBy(() -> OutputSet.plan(List.of(ro.resolve("x.csv")), false))
                    .hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndADanglingOneRefused() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        try (OutputSet out = OutputSet.plan(List.of(link), true)) {
            out.write(link, "new");
            out.commit();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("nowhere.csv"));
        assertThatThrownBy(() -> OutputSet.plan(List.of(dangling), true)).hasMessageContaining("missing file");
    }

    @Test
    void aDeviceIsWrittenToDirectlyAndNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        if (!Files.exists(devNull)) {
            return;
        }
        try (OutputSet out = OutputSet.plan(List.of(devNull), false)) {
            out.write(devNull, "discarded");
            out.commit();
        }
        assertThat(Files.isRegularFile(devNull)).isFalse();
        Path devFull = Path.of("/dev/full");
        if (Files.exists(devFull)) {
            try (OutputSet out = OutputSet.plan(List.of(devFull), false)) {
                out.write(devFull, "x".repeat(1 << 17));
                assertThatThrownBy(out::commit).hasMessageContaining("cannot write /dev/full");
            } catch (UncheckedIOException e) {
                assertThat(e).hasMessageContaining("cannot write /dev/full");
            }
            assertThat(Files.isRegularFile(devFull)).isFalse();
        }
    }

    @Test
    void temporariesOfDeadProcessesAreRemovedAndLiveOnesKept() throws IOException {
        long dead = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1_000_000;
        Path stale = Files.writeString(dir.resolve(".x.csv." + dead + ".7" + OutputSet.TEMP_SUFFIX), "stale");
        Path mine = Files.writeString(dir.resolve(".x.csv." + ProcessHandle.current().pid() + ".7"
                + OutputSet.TEMP_SUFFIX), "live");
        OutputSet.plan(List.of(dir.resolve("y.csv")), false).close();
        assertThat(stale).doesNotExist();
        assertThat(mine).exists();
    }

    @Test
    void theShutdownCleanupDeletesTemporariesStillOpen() throws IOException {
        Path a = dir.resolve("a.csv");
        OutputSet out = OutputSet.plan(List.of(a), false);
        out.write(a, "in progress");
        out.writer(a).flush();
        assertThat(names()).hasSize(1);
        OutputSet.deleteLive();
        assertThat(names()).isEmpty();
        out.close();
    }

    @Test
    void aKillDuringTheFinalRenameIsRepairedByTheNextPlan() throws IOException {
        // kill -9 after x.csv was moved aside (its backup) and before the new file took its place
        long dead = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1_000_000;
        Path backup = Files.writeString(dir.resolve(".x.csv." + dead + ".3.old" + OutputSet.TEMP_SUFFIX), "old x");
        Path newX = Files.writeString(dir.resolve(".x.csv." + dead + ".1" + OutputSet.TEMP_SUFFIX), "new x");
        Path backupY = Files.writeString(dir.resolve(".y.csv." + dead + ".4.old" + OutputSet.TEMP_SUFFIX), "old y");
        Files.writeString(dir.resolve("y.csv"), "new y");
        OutputSet.plan(List.of(dir.resolve("z.csv")), false).close();
        assertThat(dir.resolve("x.csv")).hasContent("old x");
        assertThat(dir.resolve("y.csv")).as("renamed before the kill: the new file stays").hasContent("new y");
        assertThat(backup).doesNotExist();
        assertThat(newX).doesNotExist();
        assertThat(backupY).doesNotExist();
        assertThat(names()).containsExactlyInAnyOrder("x.csv", "y.csv");
    }

    @Test
    void aWriteFailureNamesTheFileAndLeavesNothing() throws IOException {
        Path a = dir.resolve("a.npy");
        try (OutputSet out = OutputSet.plan(List.of(a, dir.resolve("b.csv")), false)) {
            out.write(dir.resolve("b.csv"), "first\n");
            assertThatThrownBy(() -> out.write(a, o -> {
                throw new IOException("No space left on device");
            })).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot write " + a + ": No space left on device");
        }
        assertThat(names()).isEmpty();
    }
}
