package eoslab.spec;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the JSON form of a {@link RunSpec} can hold, as data: for each top-level key its kind and, for the sealed parts
 * (model, start, method, step), every variant with its fields, labels, defaults and bounds. Clients (the explorer
 * page, the Python package) build their controls from it, so a new variant appears in them once it is listed here;
 * {@code SpecSchemaTest} fails when a permitted subclass of a part has no entry, or an entry does not parse to one.
 * A part or variant that applies to some models only names them in {@code "models"} (the networks' starts, the
 * sharpness settings of {@code --model linear|diagonal}); a field with a dotted key ({@code sparse.n}) is a member
 * of a nested object. Starts from a file ({@code --theta}) are CLI only and not listed.
 *
 * <p>A variant is told by its tag field ({@code model.family}, {@code start.init}, {@code method.name}); the step has
 * no tag: each of its variants is a single field ({@code eta}, {@code eta_rel}, …).
 */
public final class SpecSchema {
    private SpecSchema() {
    }

    /** The schema: {@code {"run": [key descriptions in RunSpec order], "example": a default spec}}. */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", List.of(model(), start(), method(), eta(), stop(), engine(), precision(), sharpness()));
        m.put("example", example().describe());
        return m;
    }

    /** The specification the explorer opens with (the README's first experiment, 10⁴ steps). */
    public static RunSpec example() {
        return new RunSpec(ModelSpec.Shallow.ofPhi(1.0), new StartSpec.Canonical(0.1, 5.0), MethodSpec.GD,
                new EtaSpec.Relative(1.3), new StopRule(10_000, StopRule.DEFAULT_TOL), Engine.AUTO,
                Precision.DOUBLE);
    }

    private static Map<String, Object> model() {
        return part("model", "Model", "family", List.of(
                variant("shallow", "shallow linear network, L = ½(aᵀb − Φ)²", List.of(
                        number("phi", "Φ (target)", 1.0, "--phi").with("slider", slider(-3, 3, false)),
                        field("data", "file", "data set (x,y CSV; CLI only)", null, "--data").with("cli_only", true)),
                        List.of()),
                variant("linear", "deep linear network f(x) = W_D⋯W_1x, L = ½‖W_D⋯W_1 − Φ‖²_F, Φ with the given "
                        + "singular values and seeded random singular vectors", List.of(
                        field("depth", "integer", "depth D", 3, "--depth").with("min", 2)
                                .with("max", ModelSpec.Linear.MAX_DEPTH),
                        field("widths", "numbers", "hidden widths h₁,…,h_{D−1}", List.of(4, 4), "--widths"),
                        field("target_spectrum", "numbers", "singular values of Φ", List.of(3.0, 1.0),
                                "--target-spectrum"),
                        field("target_size", "numbers", "shape of Φ: rows, cols (Q×P)", List.of(3, 3),
                                "--target-size"),
                        field("target_seed", "integer", "seed of Φ's singular vectors", 42, "--target-seed"),
                        field("data", "file", "data set or target matrix file (CLI only)", null, "--data")
                                .with("cli_only", true)),
                        List.of()),
                variant("diagonal", "diagonal linear network f(x) = ⟨u⊙u − v⊙v, x⟩ on a generated sparse "
                        + "regression (n samples, p dimensions, s non-zero ±1 entries, noise σ)", List.of(
                        field("sparse.n", "integer", "samples n", 20, "--sparse").with("min", 1),
                        field("sparse.p", "integer", "dimensions p", 8, "--sparse").with("min", 1),
                        field("sparse.s", "integer", "non-zero entries s", 2, "--sparse").with("min", 0),
                        number("sparse.noise", "noise σ", 0.01, "--noise").with("min", 0.0),
                        field("sparse.seed", "integer", "seed of the data", StartSpec.DEFAULT_SEED, "--seed"),
                        field("data", "file", "data set (CLI only)", null, "--data").with("cli_only", true)),
                        List.of())));
    }

    private static Map<String, Object> start() {
        return part("start", "Start", "init", List.of(
                variant("canonical", "m₀ = aᵀb and λ₀ = ‖a‖² + ‖b‖² (width 1 loses nothing)", List.of(
                        number("m0", "m₀ = aᵀb", 0.1, "--m0").with("slider", slider(-3, 3, false)),
                        number("lambda0", "λ₀ = ‖a‖² + ‖b‖² (≥ 2|m₀|)", 5.0, "--lambda0").with("min", 0.0)
                                .with("slider", slider(0.01, 20, true))),
                        List.of("width")).with("models", List.of("shallow")),
                variant("gaussian", "aᵢ ~ N(0, σ²), bᵢ ~ N(0, σ_b²), java.util.Random(seed)", List.of(
                        field("width", "integer", "width d", 100, "--width").with("min", 1),
                        number("scale", "σ", 0.15, "--scale").with("min", 0.0).with("slider", slider(0.001, 2, true)),
                        number("scale_b", "σ_b (default σ)", null, "--scale-b").with("min", 0.0)
                                .with("default_from", "scale"),
                        field("seed", "integer", "seed", StartSpec.DEFAULT_SEED, "--seed")),
                        List.of()).with("models", List.of("shallow")),
                variant("explicit", "explicit vectors a and b", List.of(
                        field("a", "numbers", "a", List.of(0.3, 0.2), "--a"),
                        field("b", "numbers", "b", List.of(0.5, 0.1), "--b")),
                        List.of("width")).with("models", List.of("shallow")),
                variant("layers", "Gaussian layers W_i ~ N(0, σ²) (one σ, or σ_1,…,σ_D), java.util.Random(seed)",
                        List.of(field("scales", "numbers", "σ (or σ_1,…,σ_D)", List.of(0.3), "--scale"),
                                field("seed", "integer", "seed", StartSpec.DEFAULT_SEED, "--seed")),
                        List.of()).with("models", List.of("linear")),
                variant("balanced", "balanced layers (W_{i+1}ᵀW_{i+1} = W_iW_iᵀ) with the given end-to-end singular "
                        + "values, rescaled by the imbalance", List.of(
                        field("spectrum", "numbers", "end-to-end singular values", List.of(0.5), "--balanced"),
                        number("imbalance", "imbalance t (0: balanced)", 0.0, "--imbalance").with("min", 0.0),
                        field("seed", "integer", "seed", StartSpec.DEFAULT_SEED, "--seed")),
                        List.of()).with("models", List.of("linear")),
                variant("uniform", "u = v = α·1 (output 0, conserved u_i v_i = α²; small α is the rich regime)",
                        List.of(number("alpha", "α", 0.5, "--alpha").with("slider", slider(0.01, 2, true))),
                        List.of()).with("models", List.of("diagonal"))));
    }

    private static Map<String, Object> method() {
        return part("method", "Method", "name", List.of(
                variant("gd", "gradient descent, θ⁺ = θ − η∇L(θ)", List.of(schedule()), List.of()),
                variant("heavy-ball", "heavy-ball momentum, θ⁺ = θ − η∇L(θ) + β(θ − θ⁻) (edge 2(1 + β)/η)",
                        List.of(beta(), schedule()), List.of()),
                variant("nesterov", "Nesterov momentum, y = θ + β(θ − θ⁻), θ⁺ = y − η∇L(y) (edge "
                        + "2(1 + β)/((1 + 2β)η))", List.of(beta(), schedule()), List.of())));
    }

    private static Field beta() {
        return number("beta", "β (momentum)", 0.5, "--beta").with("min", 0.0).with("exclusive_max", 1.0)
                .with("slider", slider(0, 0.99, false));
    }

    /** The step-size schedule: an object in JSON, given on the CLI as text (constant, warmup:K, cosine:T, …). */
    private static Field schedule() {
        return field("schedule", "schedule", "step-size schedule (constant, warmup:K, cosine:T[:η_min], step:K:γ, "
                + "exp:γ, file:PATH)", "constant", "--schedule").with("cli_only", true);
    }

    private static Map<String, Object> eta() {
        return part("eta", "Step size", null, List.of(
                variant("eta_rel", "relative to the GF solution's edge: η = c·2/λ_GF", List.of(
                        number("eta_rel", "c = ηλ_GF/2", 1.3, "--eta-rel").with("exclusive_min", 0.0)
                                .with("slider", slider(0.01, 3, false))), List.of()),
                variant("eta", "absolute η", List.of(
                        number("eta", "η", 0.45, "--eta").with("exclusive_min", 0.0)
                                .with("slider", slider(0.001, 2, true))), List.of()),
                variant("eta_crit", "relative to the exact convergence boundary: η = c·η*", List.of(
                        number("eta_crit", "c = η/η*", 0.9, "--eta-crit").with("exclusive_min", 0.0)
                                .with("slider", slider(0.01, 2, false))), List.of())));
    }

    private static Map<String, Object> stop() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", "stop");
        m.put("kind", "object");
        m.put("label", "Stop");
        m.put("fields", List.of(
                field("steps", "integer", "most steps", StopRule.DEFAULT_MAX_STEPS, "--steps").with("min", 0),
                number("tol", "tolerance on |ε|", StopRule.DEFAULT_TOL, "--tol").with("min", 0.0)));
        return m;
    }

    private static Map<String, Object> engine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", "engine");
        m.put("kind", "enum");
        m.put("label", "Engine");
        m.put("choices", Arrays.stream(Engine.values()).map(Engine::label).toList());
        m.put("default", Engine.AUTO.label());
        m.put("option", "--engine");
        return m;
    }

    /** The sharpness settings of the networks ({@code --sharpness}, {@code --top-k}, {@code --sharpness-every}). */
    private static Map<String, Object> sharpness() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", "sharpness");
        m.put("kind", "object");
        m.put("label", "Sharpness (networks)");
        m.put("models", List.of("linear", "diagonal"));
        m.put("fields", List.of(
                field("method", "string", "auto, lanczos, arpack, dense or exact", SharpnessSpec.DEFAULT.method(),
                        "--sharpness"),
                field("top_k", "integer", "top eigenvalues", SharpnessSpec.DEFAULT.topK(), "--top-k").with("min", 1),
                field("every", "integer", "every k-th step (0: start and end)", 1, "--sharpness-every")
                        .with("min", 0),
                field("gfs_every", "integer", "GF-solution sharpness every k-th step (0: from the start)",
                        SharpnessSpec.DEFAULT.gfsEvery(), "--gfs-every").with("min", 0)));
        return m;
    }

    private static Map<String, Object> precision() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", "precision");
        m.put("kind", "string");
        m.put("label", "Arithmetic (double or decimal:N)");
        m.put("default", "double");
        m.put("option", "--precision");
        return m;
    }

    private static Map<String, Object> part(String key, String label, String tag, List<Field> variants) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("kind", "variant");
        m.put("label", label);
        m.put("tag", tag);
        m.put("variants", variants);
        return m;
    }

    private static Field variant(String name, String label, List<Field> fields, List<String> derived) {
        Field m = new Field();
        m.put("name", name);
        m.put("label", label);
        m.put("fields", new ArrayList<>(fields));
        m.put("derived", derived);
        return m;
    }

    private static Field number(String key, String label, Object dflt, String option) {
        return field(key, "number", label, dflt, option);
    }

    private static Field field(String key, String type, String label, Object dflt, String option) {
        Field f = new Field();
        f.put("key", key);
        f.put("type", type);
        f.put("label", label);
        f.put("default", dflt);
        f.put("option", option);
        return f;
    }

    private static Map<String, Object> slider(double min, double max, boolean log) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", min);
        m.put("max", max);
        m.put("log", log);
        return m;
    }

    /** A field description: an insertion-ordered map with a fluent setter. */
    private static final class Field extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        Field with(String key, Object value) {
            put(key, value);
            return this;
        }
    }
}
