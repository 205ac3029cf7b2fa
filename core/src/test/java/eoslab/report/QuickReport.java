package eoslab.report;

import eoslab.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The quick report, computed and written once per test JVM, shared by the report tests. */
final class QuickReport {
    private static QuickReport instance;

    final Path dir;
    final Report report;
    final Map<String, Object> manifest;

    private QuickReport() throws IOException {
        Path tmp = Files.createTempDirectory("eoslab-quick-report");
        tmp.toFile().deleteOnExit();
        dir = Files.createDirectory(tmp.resolve("report"));
        report = Report.build(ReportSettings.of(true, 2), message -> { });
        ReportWriter.write(dir, report, List.of("reproduce", "--quick", "--out", dir.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.mapper().readValue(dir.resolve("manifest.json").toFile(), Map.class);
        manifest = m;
    }

    static synchronized QuickReport get() {
        if (instance == null) {
            try {
                instance = new QuickReport();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }
}
