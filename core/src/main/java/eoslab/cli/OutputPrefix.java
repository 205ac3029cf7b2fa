package eoslab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The prefix of a command's several output files ({@code PREFIX.png}, {@code PREFIX.csv}, …). */
final class OutputPrefix {
    private final Path prefix;

    private OutputPrefix(Path prefix) {
        this.prefix = prefix;
    }

    /**
     * The prefix given as text, checked before any computation.
     *
     * @throws UsageException if it names no file or its directory does not exist
     */
    static OutputPrefix of(String text) {
        if (text.isEmpty() || text.endsWith("/")) {
            throw new UsageException("--out must name a file prefix, got '" + text + "'");
        }
        Path prefix = Path.of(text).toAbsolutePath();
        if (prefix.getParent() != null && !Files.isDirectory(prefix.getParent())) {
            throw new UsageException("directory does not exist: " + prefix.getParent());
        }
        return new OutputPrefix(prefix);
    }

    /** The file PREFIX + suffix. */
    Path file(String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }
}
