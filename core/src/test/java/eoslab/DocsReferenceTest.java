package eoslab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The references to the mathematics in docs/ resolve: every {@code docs/<name>.md} mentioned in the main sources,
 * the test sources or README.md exists, and every {@code docs/<name>.md §<n>} names a file with a heading containing
 * {@code §<n>.}.
 */
class DocsReferenceTest extends EoslabTest {
    /** A file reference, optionally followed (across a Javadoc line break) by a section number. */
    private static final Pattern REFERENCE = Pattern.compile(
            "docs/([\\w-]+\\.md)(?:[ \\t]*(?:\\R[ \\t]*\\*)?[ \\t]*§(\\d+))?");

    /** The problems with the references in one text, each naming the place. */
    static List<String> problems(String where, String text, Path docs) {
        List<String> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            Path file = docs.resolve(m.group(1));
            if (!Files.isRegularFile(file)) {
                out.add(where + ":" + line + ": docs/" + m.group(1) + " does not exist");
            } else if (m.group(2) != null) {
                String section = "§" + m.group(2) + ".";
                boolean found = Repository.read(file).lines().anyMatch(l -> l.startsWith("#") && l.contains(section));
                if (!found) {
                    out.add(where + ":" + line + ": docs/" + m.group(1) + " has no heading with " + section);
                }
            }
        }
        return out;
    }

    /** The number of references in one text. */
    private static long count(String text) {
        return REFERENCE.matcher(text).results().count();
    }

    @Test
    void everyReferenceInSourcesAndReadmeResolves() {
        Path root = Repository.root();
        Path docs = root.resolve("docs");
        List<Path> files = new ArrayList<>(Repository.javaFiles(Repository.mainSources()));
        files.addAll(Repository.javaFiles(Repository.testSources()));
        files.add(root.resolve("README.md"));
        List<String> problems = new ArrayList<>();
        long references = 0;
        long sections = 0;
        for (Path f : files) {
            String text = Repository.read(f);
            problems.addAll(problems(root.relativize(f).toString(), text, docs));
            references += count(text);
            sections += REFERENCE.matcher(text).results().filter(r -> r.group(2) != null).count();
        }
        assertThat(problems).as("unresolved references to docs/").isEmpty();
        assertThat(references).as("references found").isGreaterThan(40);
        assertThat(sections).as("references with a section").isGreaterThan(30);
    }

    @Test
    void aMissingFileOrSectionIsReported() {
        Path docs = Repository.root().resolve("docs");
        String d = "docs" + "/"; // split, so that this file holds no reference itself
        String text = "see " + d + "model.md §3 and " + d + "models.md §2.\n"
                + " * as in " + d + "model.md\n * §9, or " + d + "nowhere.md, or " + d + "claims.md §1\n";
        assertThat(problems("X.java", text, docs)).containsExactly(
                "X.java:2: " + d + "model.md has no heading with §9.",
                "X.java:3: " + d + "nowhere.md does not exist",
                "X.java:3: " + d + "claims.md has no heading with §1.");
        assertThat(count(text)).isEqualTo(5);
    }
}
