package eoslab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The checkout the tests run in: its root, its source trees and the text of its files. */
public final class Repository {
    private Repository() {
    }

    /** The repository root: the nearest directory at or above the working directory holding core/ and docs/. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("core").resolve("src")) && Files.isDirectory(d.resolve("docs"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root above " + dir);
    }

    /** core/src/main/java. */
    public static Path mainSources() {
        return root().resolve("core/src/main/java");
    }

    /** core/src/test/java. */
    public static Path testSources() {
        return root().resolve("core/src/test/java");
    }

    /** The .java files under a directory, sorted. */
    public static List<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a file (UTF-8). */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
