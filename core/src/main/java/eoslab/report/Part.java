package eoslab.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A computed section of the report.
 *
 * @param id     anchor and statement-id prefix
 * @param title  heading (markup; empty: none)
 * @param blocks   paragraphs, figures and tables, in order
 * @param manifest entries the section adds to manifest.json (e.g. the claim check's grid and verdicts)
 */
public record Part(String id, String title, List<Block> blocks, Map<String, Object> manifest) {
    /** Copies. */
    public Part {
        blocks = List.copyOf(blocks);
        manifest = Collections.unmodifiableMap(new LinkedHashMap<>(manifest));
    }

    /** A part that adds nothing to the manifest. */
    public Part(String id, String title, List<Block> blocks) {
        this(id, title, blocks, Map.of());
    }
}
