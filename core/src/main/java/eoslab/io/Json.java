package eoslab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** The project's JSON conventions: insertion-ordered maps, non-finite numbers refused, pretty or compact. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** The shared mapper (thread-safe for writing and reading). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** One-line JSON. */
    public static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(checked(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Indented JSON. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(checked(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails on NaN or infinite numbers anywhere in maps, lists or arrays: results label them instead. */
    private static Object checked(Object value) {
        walk(value);
        return value;
    }

    private static void walk(Object v) {
        if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
            throw new IllegalStateException("non-finite number in a result: " + v);
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(Json::walk);
        } else if (v instanceof Iterable<?> it) {
            it.forEach(Json::walk);
        } else if (v instanceof double[] arr) {
            for (double x : arr) {
                walk(x);
            }
        } else if (v instanceof float[] arr) {
            for (float x : arr) {
                walk(x);
            }
        } else if (v instanceof Object[] arr) {
            for (Object x : arr) {
                walk(x);
            }
        }
    }

}
