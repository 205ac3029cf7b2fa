package eoslab.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The page's files, read once from the class path: the explorer ({@code eoslab/web/}) and uPlot from its WebJar. Only
 * these paths are served (no file system, no directory listing).
 */
final class StaticFiles {
    /**
     * A file to serve.
     *
     * @param type  the MIME type
     * @param bytes the content
     */
    record File(String type, byte[] bytes) {
    }

    private final Map<String, File> files = new LinkedHashMap<>();

    StaticFiles() {
        String uplot = "META-INF/resources/webjars/uplot/" + webjarVersion("uplot") + "/dist/";
        add("/", "eoslab/web/index.html", "text/html; charset=utf-8");
        add("/index.html", "eoslab/web/index.html", "text/html; charset=utf-8");
        add("/app.js", "eoslab/web/app.js", "text/javascript; charset=utf-8");
        add("/app.css", "eoslab/web/app.css", "text/css; charset=utf-8");
        add("/favicon.svg", "eoslab/web/favicon.svg", "image/svg+xml");
        add("/vendor/uPlot.iife.min.js", uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8");
        add("/vendor/uPlot.min.css", uplot + "uPlot.min.css", "text/css; charset=utf-8");
        add("/vendor/uPlot.LICENSE", "META-INF/resources/webjars/uplot/" + webjarVersion("uplot") + "/LICENSE",
                "text/plain; charset=utf-8");
    }

    /** The file at a request path, or null. */
    File get(String path) {
        return files.get(path);
    }

    private void add(String path, String resource, String type) {
        files.put(path, new File(type, read(resource)));
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of an npm WebJar on the class path (from its Maven properties). */
    static String webjarVersion(String name) {
        Properties p = new Properties();
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(
                "META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing WebJar " + name);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
