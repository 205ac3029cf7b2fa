package eoslab.cli;

import eoslab.io.OutputSet;
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
     * @throws UsageException if it names no file, names a device, or its directory does not exist
     */
    static OutputPrefix of(String text) {
        if (text.isEmpty() || text.endsWith("/")) {
            throw new UsageException("--out must name a file prefix, got '" + text + "'");
        }
        Path prefix = Path.of(text).toAbsolutePath();
        if (prefix.getParent() != null && !Files.isDirectory(prefix.getParent())) {
            throw new UsageException("directory does not exist: " + prefix.getParent());
        }
        if (OutputSet.isDevice(prefix)) {
            throw new UsageException("--out " + text + " is a device; give a file prefix (the command writes "
                    + "PREFIX.png, PREFIX.csv, … beside it)");
        }
        return new OutputPrefix(prefix);
    }

    /** The file PREFIX + suffix. */
    Path file(String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }
}
