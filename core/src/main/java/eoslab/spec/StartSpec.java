package eoslab.spec;

import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.VectorPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How the weights start: explicit vectors, seeded Gaussian vectors, or the canonical point with given (m₀, λ₀).
 * Each form carries its own provenance ({@link #describe()}, {@link #toArgs()}) so that a result can be rerun exactly.
 */
public sealed interface StartSpec {

    /** Default seed of {@link Gaussian}. */
    long DEFAULT_SEED = 42L;

    /** The initial point (a fresh immutable value). */
    VectorPoint point();

    /** The parameters of this initialization, for manifests and result rows (insertion-ordered). */
    Map<String, Object> describe();

    /** The {@code eoslab} options that recreate it. */
    List<String> toArgs();

    /**
     * Reads the form written by {@link #describe()}.
     *
     * @throws IllegalArgumentException on a malformed description
     */
    static StartSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.start");
        return switch (f.string("init")) {
            case "explicit" -> new Explicit(VectorPoint.of(f.numbers("a"), f.numbers("b")));
            case "gaussian" -> new Gaussian(Math.toIntExact(f.integer("width")), f.number("scale"),
                    f.number("scale_b"), f.integer("seed"));
            case "canonical" -> new Canonical(f.number("m0"), f.number("lambda0"));
            default -> throw new IllegalArgumentException("spec.start.init must be explicit, gaussian or canonical");
        };
    }

    /** Explicit vectors a and b. */
    record Explicit(VectorPoint point) implements StartSpec {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "explicit");
            m.put("width", point.width());
            m.put("a", point.a());
            m.put("b", point.b());
            return m;
        }

        @Override
        public List<String> toArgs() {
            return List.of("--a", join(point.a()), "--b", join(point.b()));
        }

        private static String join(double[] v) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : ",").append(v[i]);
            }
            return sb.toString();
        }
    }

    /**
     * aᵢ ~ N(0, σ²) and bᵢ ~ N(0, σ_b²) i.i.d., drawn from {@code java.util.Random(seed)}, whose algorithm (a 48-bit
     * LCG with the polar method and StrictMath) is fixed by the Java specification, so the vectors are identical on
     * every machine and run. All of a is drawn first, then all of b.
     */
    record Gaussian(int width, double scale, double scaleB, long seed) implements StartSpec {
        /** Validates the parameters. */
        public Gaussian {
            if (width < 1) {
                throw new IllegalArgumentException("--width must be at least 1, got " + width);
            }
            if (!Double.isFinite(scale) || scale < 0 || !Double.isFinite(scaleB) || scaleB < 0) {
                throw new IllegalArgumentException("--scale and --scale-b must be finite and non-negative");
            }
        }

        @Override
        public VectorPoint point() {
            Random rng = new Random(seed);
            double[] a = new double[width];
            double[] b = new double[width];
            for (int i = 0; i < width; i++) {
                a[i] = scale * rng.nextGaussian();
            }
            for (int i = 0; i < width; i++) {
                b[i] = scaleB * rng.nextGaussian();
            }
            return VectorPoint.of(a, b);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "gaussian");
            m.put("width", width);
            m.put("scale", scale);
            m.put("scale_b", scaleB);
            m.put("seed", seed);
            return m;
        }

        @Override
        public List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of("--width", Integer.toString(width), "--scale",
                    Double.toString(scale)));
            if (scaleB != scale) {
                args.addAll(List.of("--scale-b", Double.toString(scaleB)));
            }
            args.addAll(List.of("--seed", Long.toString(seed)));
            return args;
        }
    }

    /** The width-1 point with aᵀb = m₀ and ‖a‖² + ‖b‖² = λ₀ (docs/model.md §3: width 1 loses nothing). */
    record Canonical(double m0, double lambda0) implements StartSpec {
        /** Validates λ₀ ≥ 2|m₀|. */
        public Canonical {
            ReducedPoint.canonical(m0, lambda0);
        }

        @Override
        public VectorPoint point() {
            return ReducedPoint.canonical(m0, lambda0).toVectors();
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "canonical");
            m.put("width", 1);
            m.put("m0", m0);
            m.put("lambda0", lambda0);
            return m;
        }

        @Override
        public List<String> toArgs() {
            return List.of("--m0", Double.toString(m0), "--lambda0", Double.toString(lambda0));
        }
    }
}
