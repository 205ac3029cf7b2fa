package eoslab.web;

import eoslab.EoslabTest;
import com.fasterxml.jackson.databind.JsonNode;
import eoslab.io.Json;
import eoslab.io.Manifest;
import eoslab.spec.RunSpec;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer in a real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium: the page loads
 * without console errors, the η slider changes the plotted series, phase tiles appear and a click loads the cell's
 * run, the shared link restores the state, and the copied command reproduces the plotted numbers. Screenshots and
 * the slider's input-to-redraw times are written under {@code core/target/browser/}. Run with {@code -Pbrowser}.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserTest extends EoslabTest {
    private static final Path ARTIFACTS = Path.of("target", "browser");
    private static final Path DOWNLOADS = ARTIFACTS.resolve("downloads");
    /** Held so that its level (off: no test prints) is not lost when the logger is garbage-collected. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");
    private static TestServer server;
    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        SELENIUM.setLevel(Level.OFF);
        server = TestServer.start();
        profile = Files.createTempDirectory("eoslab-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(System.getProperty("eoslab.chromium", "/usr/bin/chromium"));
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1500,1150");
        Files.createDirectories(DOWNLOADS);
        o.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("eoslab.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().withSilent(true).build();
        service.sendOutputTo(OutputStream.nullOutputStream());
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(ARTIFACTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        server.close();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void open(String url) {
        driver.get("about:blank");
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(
                "return !!(window.eoslab && window.eoslab.ready)")));
    }

    private static void waitFor(String condition) {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> Boolean.TRUE.equals(js("return !!(" + condition
                + ")")));
    }

    private static List<Double> series(String column) {
        @SuppressWarnings("unchecked")
        List<Number> v = (List<Number>) js("return Array.from(window.eoslab.state.reply.series[arguments[0]])",
                column);
        return v.stream().map(Number::doubleValue).toList();
    }

    private static void screenshot(String name) throws IOException {
        Files.write(ARTIFACTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static WebElement slider(String field) {
        return driver.findElement(By.cssSelector("input[data-slider='" + field + "']"));
    }

    private static void setField(String field, String value) {
        WebElement input = driver.findElement(By.cssSelector("#controls input[data-field='" + field + "']"));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    @Order(1)
    void thePageLoadsWithoutConsoleErrors() throws IOException {
        open(server.base.toString());
        assertThat(js("return window.eoslab.errors.length")).isEqualTo(0L);
        assertThat(driver.findElement(By.id("status")).getText()).startsWith("GD converged at step 13");
        assertThat(driver.findElement(By.id("command")).getText()).isEqualTo("./eoslab compare --phi 1.0 --m0 0.1 "
                + "--lambda0 5.0 --eta-rel 1.3 --steps 10000 --tol 1.0E-12 --out compare.csv");
        assertThat(driver.findElements(By.cssSelector(".uplot"))).hasSize(5);
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(severe).as("console errors and warnings").isEmpty();
        screenshot("explorer");
    }

    @Test
    @Order(2)
    void movingTheEtaSliderChangesThePlottedSeriesQuickly() throws IOException {
        open(server.base.toString());
        // from λ₀ = 1 at c ≈ 1.3 GD settles on a periodic orbit, so every run takes all 10⁴ steps: the slider's
        // target case
        setField("lambda0", "1");
        waitFor("window.eoslab.state.reply && window.eoslab.state.reply.rows === 10001 && !window.eoslab.busy");
        List<Double> before = series("gd_sharpness");
        WebElement s = slider("eta_rel");
        long shown = (Long) js("return window.eoslab.timings.length");
        new Actions(driver).click(s).perform();
        List<Double> redraw = new ArrayList<>();
        List<Double> fetch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long n = (Long) js("return window.eoslab.timings.length");
            s.sendKeys(i % 2 == 0 ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT);
            waitFor("window.eoslab.timings.length > " + n);
        }
        waitFor("!window.eoslab.busy");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> t = (List<Map<String, Object>>) js("return window.eoslab.timings.slice(arguments[0])",
                shown);
        for (Map<String, Object> x : t) {
            if (((Number) x.get("rows")).intValue() == 10001) {
                redraw.add(((Number) x.get("total")).doubleValue());
                fetch.add(((Number) x.get("fetch")).doubleValue());
            }
        }
        assertThat(redraw).hasSizeGreaterThanOrEqualTo(20);
        double etaNow = (Double) js("return window.eoslab.state.reply.summary.gd.eta");
        s.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        waitFor("window.eoslab.state.reply.summary.gd.eta < " + etaNow * 0.999 + " && !window.eoslab.busy");
        List<Double> after = series("gd_sharpness");
        assertThat(after).hasSize(10001);
        assertThat(after).isNotEqualTo(before);
        assertThat(after.get(0)).isEqualTo(before.get(0));
        // the uPlot instance draws what the reply holds
        assertThat(js("return Array.from(window.eoslab.plots.sharpness.data[1]).slice(0, 50)")).isEqualTo(
                js("return Array.from(window.eoslab.state.reply.series.gd_sharpness).slice(0, 50)"));
        double[] ms = redraw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("what", "slider input event to the five plots redrawn, 10^4-step comparisons (10001 rows)");
        report.put("samples", ms.length);
        report.put("median_ms", ms[ms.length / 2]);
        report.put("p90_ms", ms[(int) (0.9 * (ms.length - 1))]);
        report.put("max_ms", ms[ms.length - 1]);
        report.put("all_ms", Arrays.stream(ms).boxed().toList());
        double[] f = fetch.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        report.put("median_fetch_ms", f[f.length / 2]);
        report.put("fetch", "input to the reply decoded (server run, transfer, decoding); the rest is drawing");
        report.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        Files.writeString(ARTIFACTS.resolve("slider-timings.json"), Json.pretty(report) + "\n");
        screenshot("explorer-slider");
    }

    @Test
    @Order(3)
    void aPhaseTileAppearsAndAClickLoadsItsCell() throws IOException {
        open(server.base + "#view=phase");
        waitFor("window.eoslab.phaseRuns.length > 0");
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) js("return window.eoslab.phaseRuns[0]");
        assertThat(((Number) run.get("tiles")).intValue()).isEqualTo(256);
        // the canvas holds the tiles' colours: no background pixel is left
        assertThat(js("const c = document.getElementById('phase-canvas');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let bg = 0; for (let i = 0; i < d.length; i += 4) if (d[i] === 241 && d[i+1] === 243 && d[i+2] === 245) bg++;"
                + "return bg;")).isEqualTo(0L);
        screenshot("phase");
        String options = Json.compact(js("return window.eoslab.phaseOptions()"));
        WebElement canvas = driver.findElement(By.id("phase-canvas"));
        // a click at 3/8 of the width and 3/4 of the height from the top: cell (96, 63) of 256×256
        int w = canvas.getRect().getWidth();
        int h = canvas.getRect().getHeight();
        new Actions(driver).moveToElement(canvas, (int) (-w / 2.0 + w * 0.376), (int) (-h / 2.0 + h * 0.751))
                .click().perform();
        waitFor("window.eoslab.state.view === 'explorer' && window.eoslab.loadedCell && !window.eoslab.busy "
                + "&& window.eoslab.state.reply && JSON.stringify(window.eoslab.state.reply.spec) === "
                + "JSON.stringify(window.eoslab.loadedCell.spec)");
        @SuppressWarnings("unchecked")
        List<Number> cell = (List<Number>) js("return window.eoslab.loadedCell.cell");
        JsonNode expected = TestServer.json(server.post("phase", "{\"options\": " + options + ", \"cell\": ["
                + cell.get(0) + ", " + cell.get(1) + "]}"));
        assertThat(cell.get(0).intValue()).isBetween(94, 98);
        assertThat(cell.get(1).intValue()).isBetween(61, 65);
        RunSpec cellSpec = RunSpec.parse(expected.get("spec").toString());
        assertThat(RunSpec.parse(Json.compact(js("return window.eoslab.state.reply.spec")))).isEqualTo(cellSpec);
        assertThat(RunSpec.parse(Json.compact(js("return window.eoslab.state.spec")))).isEqualTo(cellSpec);
    }

    @Test
    @Order(4)
    void theSharedLinkRestoresTheState() {
        open(server.base.toString());
        setField("m0", "0.25");
        new Select(driver.findElement(By.id("variant-eta"))).selectByValue("eta");
        waitFor("window.eoslab.state.spec.eta.eta !== undefined");
        setField("eta", "0.6");
        waitFor("window.eoslab.state.reply && window.eoslab.state.reply.spec.eta.eta === 0.6 "
                + "&& window.eoslab.state.reply.spec.start.m0 === 0.25 && !window.eoslab.busy");
        driver.findElement(By.id("share")).click();
        String link = driver.findElement(By.id("share-url")).getAttribute("value");
        assertThat(link).startsWith(server.base.toString()).contains("#view=explorer");
        Object spec = js("return window.eoslab.state.spec");
        List<Double> plotted = series("gd_norm");
        driver.get("about:blank");
        open(link);
        waitFor("window.eoslab.state.reply && !window.eoslab.busy");
        assertThat(js("return window.eoslab.state.spec")).isEqualTo(spec);
        assertThat(series("gd_norm")).isEqualTo(plotted);
        assertThat(driver.findElement(By.cssSelector("#controls input[data-field='m0']")).getAttribute("value"))
                .isEqualTo("0.25");
        assertThat(driver.findElement(By.id("variant-eta")).getAttribute("value")).isEqualTo("eta");
    }

    @Test
    @Order(5)
    void theCopiedCommandReproducesThePlottedNumbers() throws IOException {
        open(server.base.toString());
        setField("lambda0", "3.5");
        waitFor("window.eoslab.state.reply && window.eoslab.state.reply.spec.start.lambda0 === 3.5 "
                + "&& !window.eoslab.busy");
        driver.findElement(By.id("copy-command")).click();
        String command = driver.findElement(By.id("command")).getText();
        assertThat(command).startsWith("./eoslab compare ").endsWith("--out compare.csv");
        Path out = Files.createTempFile(ARTIFACTS, "compare", ".csv");
        Files.delete(out); // a fresh name: the CLI does not overwrite an existing file without --force
        List<String> args = new ArrayList<>(List.of(command.substring("./eoslab ".length()).split(" ")));
        args.set(args.size() - 1, out.toString());
        assertThat(TestServer.cli(args.toArray(new String[0])).code()).isZero();
        List<CSVRecord> rows;
        String expectedCsv = Files.readString(out);
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(expectedCsv))) {
            rows = p.getRecords();
        }
        Files.delete(out);
        Files.delete(Manifest.pathFor(out));

        // the CSV button downloads that very file, and each plot's buttons its figure
        Files.deleteIfExists(DOWNLOADS.resolve("compare.csv"));
        driver.findElement(By.id("download-csv")).click();
        waitFor("document.getElementById('notice').textContent === 'downloaded compare.csv'");
        Path csv = DOWNLOADS.resolve("compare.csv");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(csv));
        assertThat(Files.readString(csv)).isEqualTo(expectedCsv);
        Path svg = DOWNLOADS.resolve("sharpness.svg");
        Files.deleteIfExists(svg);
        driver.findElement(By.cssSelector(".plot[data-chart='sharpness'] button[title$='SVG']")).click();
        waitFor("document.getElementById('notice').textContent === 'downloaded sharpness.svg'");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(svg));
        assertThat(Files.readString(svg)).contains("<svg");
        for (String column : List.of("step", "gd_loss", "gd_sharpness", "gd_gf_sharpness", "gd_imbalance",
                "gd_residual", "gd_product", "gd_norm", "gf_loss", "gf_sharpness", "gf_residual", "time")) {
            List<Double> plotted = series(column);
            assertThat(plotted).as(column).hasSize(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                assertThat(plotted.get(r)).as(column + " row " + r).isEqualTo(Double.parseDouble(rows.get(r)
                        .get(column)));
            }
        }
    }

    @Test
    @Order(6)
    void theLinearNetworkPlotsItsLossAndHidesTheShallowOnlyPlots() throws IOException {
        open(server.base.toString());
        new Select(driver.findElement(By.id("variant-model"))).selectByValue("linear");
        waitFor("document.getElementById('variant-start').value === 'layers'");
        new Select(driver.findElement(By.id("variant-eta"))).selectByValue("eta");
        setField("eta", "0.05");
        setField("steps", "300");
        waitFor("window.eoslab.state.reply && window.eoslab.state.reply.spec.model.family === 'linear' "
                + "&& window.eoslab.state.reply.spec.eta.eta === 0.05 && window.eoslab.state.reply.rows === 301 "
                + "&& !window.eoslab.busy");
        assertThat(js("return window.eoslab.errors.length")).isEqualTo(0L);
        assertThat(driver.findElement(By.cssSelector(".plot[data-chart='imbalance']")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector(".plot[data-chart='orbit']")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector(".plot[data-chart='loss']")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("network-note")).isDisplayed()).isTrue();
        screenshot("explorer-linear");
        // the copied command computes the plotted numbers
        String command = driver.findElement(By.id("command")).getText();
        assertThat(command).startsWith("./eoslab compare --model linear --depth 3 --widths 4,4 ")
                .endsWith("--out compare.csv");
        Path out = Files.createTempFile(ARTIFACTS, "linear", ".csv");
        Files.delete(out);
        List<String> args = new ArrayList<>(List.of(command.substring("./eoslab ".length()).split(" ")));
        args.set(args.size() - 1, out.toString());
        assertThat(TestServer.cli(args.toArray(new String[0])).code()).isZero();
        List<CSVRecord> rows;
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out)))) {
            rows = p.getRecords();
        }
        Files.delete(out);
        Files.delete(Manifest.pathFor(out));
        for (String column : List.of("step", "gd_loss", "gf_loss", "gd_sharpness", "gd_residual", "time")) {
            List<Double> plotted = series(column);
            assertThat(plotted).as(column).hasSize(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                assertThat(plotted.get(r)).as(column + " row " + r).isEqualTo(Double.parseDouble(rows.get(r)
                        .get(column)));
            }
        }
        assertThat(series("gd_loss").get(300)).isLessThan(series("gd_loss").get(0));
        // a network's plot downloads its figure
        Path figure = DOWNLOADS.resolve("sharpness.svg");
        Files.deleteIfExists(figure);
        driver.findElement(By.cssSelector(".plot[data-chart='sharpness'] button[title$='SVG']")).click();
        waitFor("document.getElementById('notice').textContent === 'downloaded sharpness.svg'");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(figure));
        assertThat(Files.readString(figure)).contains("<svg").contains("sharpness of GF");
        // the shared link restores the network and its plots
        driver.findElement(By.id("share")).click();
        String link = driver.findElement(By.id("share-url")).getAttribute("value");
        Object spec = js("return window.eoslab.state.spec");
        driver.get("about:blank");
        open(link);
        waitFor("window.eoslab.state.reply && !window.eoslab.busy");
        assertThat(js("return window.eoslab.state.spec")).isEqualTo(spec);
        assertThat(driver.findElement(By.id("variant-model")).getAttribute("value")).isEqualTo("linear");
        assertThat(driver.findElement(By.cssSelector(".plot[data-chart='orbit']")).isDisplayed()).isFalse();
    }
}
