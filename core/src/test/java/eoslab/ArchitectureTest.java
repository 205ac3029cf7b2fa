package eoslab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure of the main sources, read from each file's {@code package} line, its {@code import eoslab.…}
 * lines and the fully qualified {@code eoslab.x.Y} names in its code: no cycles between packages, and the layering
 * {@link #FLOORS}, lowest first, where a package may depend only on packages of lower floors (the packages of one
 * floor are independent of each other). Violations present today are listed in {@link #KNOWN_VIOLATIONS}, to be
 * removed as the main code is fixed.
 */
class ArchitectureTest extends EoslabTest {
    /** The floors, lowest first (package names relative to {@code eoslab}). */
    static final List<Set<String>> FLOORS = List.of(
            Set.of("grid", "exec", "model", "landscape", "linalg"),
            Set.of("method", "sharpness"),
            Set.of("gradientflow"),
            Set.of("model.shallow", "model.linear"),
            Set.of("model.diagonal"),
            Set.of("dynamics"),
            Set.of("dynamics.shallow", "dynamics.generic"),
            Set.of("flow"),
            Set.of("measure"),
            Set.of("io"),
            Set.of("plot"),
            Set.of("spec"),
            Set.of("service"),
            Set.of("sweep", "theory"),
            Set.of("report"),
            Set.of("web"),
            Set.of("cli"));

    /**
     * Dependencies that break the layering in the current main code, as {@code FILE -> NAME}. Each is a failure to be
     * fixed in main code (then its entry is deleted here; an entry that no longer occurs fails the test).
     */
    static final Set<String> KNOWN_VIOLATIONS = Set.of();

    /** One dependency of a file, with where it is written. */
    record Edge(String file, int line, String from, String name, String to) {
        String key() {
            return file + " -> " + name;
        }

        @Override
        public String toString() {
            return file + ":" + line + " depends on " + name;
        }
    }

    private static List<Edge> edges(Map<String, String> sources) {
        List<Edge> edges = new ArrayList<>();
        sources.forEach((file, text) -> {
            SourceDependencies d = SourceDependencies.of(text);
            String from = relative(d.pkg());
            for (SourceDependencies.Reference r : d.references()) {
                String to = relative(r.pkg());
                if (!to.equals(from)) {
                    edges.add(new Edge(file, r.line(), from, r.name(), to));
                }
            }
        });
        return edges;
    }

    private static String relative(String pkg) {
        return pkg.equals("eoslab") ? "" : pkg.replaceFirst("^eoslab\\.", "");
    }

    /** The main sources by path relative to the source root, read once. */
    private static Map<String, String> mainSources() {
        return MainSources.TEXT;
    }

    /** Holder of the main sources' text. */
    private static final class MainSources {
        static final Map<String, String> TEXT = read();

        private static Map<String, String> read() {
            Path root = Repository.mainSources();
            Map<String, String> m = new TreeMap<>();
            for (Path f : Repository.javaFiles(root)) {
                m.put(root.relativize(f).toString().replace('\\', '/'), Repository.read(f));
            }
            return Collections.unmodifiableMap(m);
        }
    }

    private static int floor(String pkg) {
        for (int i = 0; i < FLOORS.size(); i++) {
            if (FLOORS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    /** The messages of the dependencies that break the floors. */
    static List<String> layeringViolations(List<Edge> edges) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            int from = floor(e.from());
            int to = floor(e.to());
            if (from < 0 || to < 0) {
                out.add(e + ": package " + (from < 0 ? e.from() : e.to()) + " has no floor in ArchitectureTest.FLOORS");
            } else if (to > from) {
                out.add(e + ": " + e.from() + " (floor " + from + ") may not depend on " + e.to() + " (floor " + to
                        + ", higher)");
            } else if (to == from) {
                out.add(e + ": " + e.from() + " and " + e.to() + " share floor " + from + " and must be independent");
            }
        }
        return out;
    }

    /** A cycle of the package graph, as "a -> b -> … -> a" followed by one dependency of each step, or null. */
    static String cycle(List<Edge> edges) {
        Map<String, Map<String, Edge>> graph = new TreeMap<>();
        for (Edge e : edges) {
            graph.computeIfAbsent(e.from(), k -> new TreeMap<>()).putIfAbsent(e.to(), e);
        }
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            String c = dfs(start, graph, new ArrayList<>(), done);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** Depth-first search from p; {@code path} holds the edges from the search's root to p. */
    private static String dfs(String p, Map<String, Map<String, Edge>> graph, List<Edge> path, Set<String> done) {
        if (done.contains(p)) {
            return null;
        }
        for (Edge e : graph.getOrDefault(p, Map.of()).values()) {
            path.add(e);
            for (int i = 0; i < path.size(); i++) {
                if (path.get(i).from().equals(e.to())) {
                    List<Edge> ring = path.subList(i, path.size());
                    StringBuilder sb = new StringBuilder(e.to());
                    ring.forEach(r -> sb.append(" -> ").append(r.to()));
                    ring.forEach(r -> sb.append("; ").append(r));
                    return sb.toString();
                }
            }
            String c = dfs(e.to(), graph, path, done);
            if (c != null) {
                return c;
            }
            path.remove(path.size() - 1);
        }
        done.add(p);
        return null;
    }

    private static List<Edge> withoutKnownViolations(List<Edge> edges) {
        return edges.stream().filter(e -> !KNOWN_VIOLATIONS.contains(e.key())).toList();
    }

    @Test
    void readsEveryMainSourceFile() {
        Map<String, String> sources = mainSources();
        assertThat(sources).hasSizeGreaterThan(100);
        for (Map.Entry<String, String> s : sources.entrySet()) {
            String pkg = SourceDependencies.of(s.getValue()).pkg();
            String dir = s.getKey().substring(0, s.getKey().lastIndexOf('/')).replace('/', '.');
            assertThat(pkg).as("package of %s", s.getKey()).isEqualTo(dir);
            assertThat(floor(relative(pkg))).as("floor of %s", pkg).isNotNegative();
        }
    }

    @Test
    void packagesFormNoCycle() {
        assertThat(cycle(withoutKnownViolations(edges(mainSources())))).as("a cycle between packages").isNull();
    }

    @Test
    void everyPackageDependsOnlyOnLowerFloors() {
        assertThat(layeringViolations(withoutKnownViolations(edges(mainSources()))))
                .as("dependencies that break the layering").isEmpty();
    }

    @Test
    void everyKnownViolationStillOccursAndBreaksTheLayering() {
        List<Edge> edges = edges(mainSources());
        Set<String> present = new TreeSet<>();
        edges.forEach(e -> present.add(e.key()));
        assertThat(present).as("KNOWN_VIOLATIONS that are fixed: delete them from ArchitectureTest")
                .containsAll(KNOWN_VIOLATIONS);
        List<Edge> known = edges.stream().filter(e -> KNOWN_VIOLATIONS.contains(e.key())).toList();
        assertThat(layeringViolations(known)).as("each known violation breaks the layering").hasSize(known.size());
    }

    @Test
    void checksFlagUpwardSameFloorAndCyclicDependenciesOfMadeUpSources() {
        Map<String, String> fake = new LinkedHashMap<>();
        fake.put("eoslab/grid/A.java", "package eoslab.grid;\nimport eoslab.cli.Main;\nclass A {}\n");
        fake.put("eoslab/cli/B.java", "package eoslab.cli;\n// eoslab.io.Json is only mentioned\nclass B {\n"
                + "  Object x = new eoslab.grid.A();\n  String s = \"eoslab.spec.RunSpec\";\n}\n");
        fake.put("eoslab/theory/C.java",
                "package eoslab.theory;\nimport static eoslab.sweep.Lyapunov.of;\nclass C {}\n");
        List<Edge> e = edges(fake);
        assertThat(e).extracting(Edge::toString).containsExactly(
                "eoslab/grid/A.java:2 depends on eoslab.cli.Main",
                "eoslab/cli/B.java:4 depends on eoslab.grid.A",
                "eoslab/theory/C.java:2 depends on eoslab.sweep.Lyapunov.of");
        assertThat(layeringViolations(e)).containsExactly(
                "eoslab/grid/A.java:2 depends on eoslab.cli.Main: grid (floor 0) may not depend on cli (floor "
                        + floor("cli") + ", higher)",
                "eoslab/theory/C.java:2 depends on eoslab.sweep.Lyapunov.of: theory and sweep share floor "
                        + floor("sweep") + " and must be independent");
        assertThat(cycle(e)).startsWith("cli -> grid -> cli");
        assertThat(cycle(e.subList(1, 3))).isNull();
    }
}
