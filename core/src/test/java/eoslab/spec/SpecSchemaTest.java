package eoslab.spec;

import eoslab.EoslabTest;
import eoslab.io.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema lists every variant of every sealed part of a run specification, and each entry's defaults make a
 * specification that parses to that variant and describes itself with exactly the listed fields.
 */
class SpecSchemaTest extends EoslabTest {
    /** The variants that read a file ({@code --theta}), which run in the CLI only: not in the schema. */
    private static final Set<Class<?>> CLI_ONLY = Set.of(StartSpec.FromFile.class);
    private static final Map<String, Class<?>> PARTS = Map.of("model", ModelSpec.class, "start", StartSpec.class,
            "method", MethodSpec.class, "eta", EtaSpec.class);

    @Test
    @SuppressWarnings("unchecked")
    void everyVariantIsListedAndItsDefaultsParseToIt() {
        Map<String, Object> schema = SpecSchema.describe();
        Map<String, Object> example = (Map<String, Object>) schema.get("example");
        assertThat(RunSpec.parse(Json.compact(example))).isEqualTo(SpecSchema.example());
        List<Map<String, Object>> run = (List<Map<String, Object>>) schema.get("run");
        List<String> keys = run.stream().map(p -> (String) p.get("key")).toList();
        List<String> shallowKeys = run.stream().filter(p -> !p.containsKey("models")
                || ((List<?>) p.get("models")).contains("shallow")).map(p -> (String) p.get("key")).toList();
        assertThat(shallowKeys).containsExactlyElementsOf(SpecSchema.example().describe().keySet());
        assertThat(keys).contains("sharpness");
        for (Map<String, Object> part : run) {
            if (!"variant".equals(part.get("kind"))) {
                continue;
            }
            String key = (String) part.get("key");
            String tag = (String) part.get("tag");
            Set<Class<?>> seen = new HashSet<>();
            for (Map<String, Object> v : (List<Map<String, Object>>) part.get("variants")) {
                Map<String, Object> json = new LinkedHashMap<>();
                if (tag != null) {
                    json.put(tag, v.get("name"));
                }
                List<String> fields = new ArrayList<>();
                for (Map<String, Object> f : (List<Map<String, Object>>) v.get("fields")) {
                    if (Boolean.TRUE.equals(f.get("cli_only"))) {
                        continue;
                    }
                    Object value = f.get("default") != null ? f.get("default") : defaultFrom(v, f);
                    String[] path = ((String) f.get("key")).split("\\.");
                    Map<String, Object> into = json;
                    for (int i = 0; i < path.length - 1; i++) {
                        into = (Map<String, Object>) into.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
                    }
                    into.put(path[path.length - 1], value);
                    if (!fields.contains(path[0])) {
                        fields.add(path[0]);
                    }
                }
                Map<String, Object> spec = new LinkedHashMap<>(example);
                spec.put(key, json);
                Object parsed = part(RunSpec.parse(Json.compact(spec)), key);
                assertThat(seen.add(parsed.getClass())).as(key + " " + v.get("name")).isTrue();
                assertThat(PARTS.get(key).isInstance(parsed)).isTrue();
                Map<String, Object> described = RunSpec.parse(Json.compact(spec)).describe();
                Set<String> expected = new HashSet<>(fields);
                if (tag != null) {
                    expected.add(tag);
                }
                expected.addAll((List<String>) v.get("derived"));
                assertThat(((Map<String, Object>) described.get(key)).keySet()).as(key + " " + v.get("name"))
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            List<Class<?>> served = new ArrayList<>(List.of(PARTS.get(key).getPermittedSubclasses()));
            served.removeAll(CLI_ONLY);
            assertThat(seen).as("every permitted variant of " + key + " the API serves is in the schema")
                    .containsExactlyInAnyOrderElementsOf(served);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object defaultFrom(Map<String, Object> variant, Map<String, Object> field) {
        for (Map<String, Object> f : (List<Map<String, Object>>) variant.get("fields")) {
            if (f.get("key").equals(field.get("default_from"))) {
                return f.get("default");
            }
        }
        throw new AssertionError("no default for " + field.get("key"));
    }

    private static Object part(RunSpec spec, String key) {
        return switch (key) {
            case "model" -> spec.model();
            case "start" -> spec.start();
            case "method" -> spec.method();
            case "eta" -> spec.eta();
            default -> throw new AssertionError(key);
        };
    }
}
