package eoslab.plot;

import eoslab.EoslabTest;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartWriterTest extends EoslabTest {
    private static final FigureSize SIZE = new FigureSize(6, 4, 100);

    private static Chart sample() {
        double[] x = {0.1, 0.2, 0.5, 1.0, 2.0};
        double[] y = {100, 10, 1, 0.1, Double.NaN};
        return Chart.builder()
                .xAxis("time $t = ηk$ & <more>", false).yAxis("loss $L$", true).y2Axis("$λ_{GF}$", true)
                .line("GD $η$ = 0.5", x, y).markers("GF", x, new double[] {50, 5, 0.5, 0.05, 0.005})
                .lineY2("norm", x, new double[] {1, 2, 3, 4, 5})
                .band(0, 0.3, "stable").vline(1.5, "$2/λ_{GF}$").hline(1, "floor").build();
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> elements(Document d, String tag) {
        NodeList nodes = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<String> texts(Document d) {
        return elements(d, "text").stream().map(Element::getTextContent).toList();
    }

    @Test
    void svgIsWellFormedXmlInPointsWithRealTextAndAnEmbeddedFont() throws Exception {
        String svg = ChartWriter.svg(sample(), SIZE);
        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("432pt");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 432 288");
        // markup becomes runs: plain text, maths, and the subscript as its own smaller, lowered run
        assertThat(texts(d)).contains("time ", "t = ηk", " & <more>", "loss ", "L", "λ", "GF", "GD ", "η", " = 0.5",
                "norm", "stable", "floor");
        Element base = elements(d, "text").stream().filter(e -> e.getTextContent().equals("λ")).findFirst().orElseThrow();
        Element sub = elements(d, "text").stream().filter(e -> e.getTextContent().equals("GF")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(sub.getAttribute("font-size")))
                .isLessThan(Double.parseDouble(base.getAttribute("font-size")));
        assertThat(svg).contains("@font-face").contains("data:font/ttf;base64,").doesNotContain("NaN")
                .doesNotContain("Infinity");
    }

    @Test
    void noTitleIsDrawn() throws Exception {
        // a chart has no title: the first text drawn is a tick label, not a heading above the plot
        List<String> t = texts(parse(ChartWriter.svg(sample(), SIZE)));
        assertThat(t).doesNotContain("Loss");
    }

    @Test
    void logTicksArePowersOfTenOrOneTwoFive() {
        Scale wide = Scale.fit(0.005, 100, true);
        assertThat(wide.chartTicks()).containsExactly(0.01, 0.1, 1.0, 10.0, 100.0);
        assertThat(wide.chartLabel(0.01)).isEqualTo("10^{−2}");
        assertThat(wide.chartLabel(1.0)).isEqualTo("10^{0}");
        Scale decades30 = Scale.fit(1e-30, 1, true);
        assertThat(decades30.chartTicks()).containsExactly(1e-30, 1e-25, 1e-20, 1e-15, 1e-10, 1e-5, 1.0);
        Scale narrow = Scale.fit(0.3, 8, true);
        assertThat(narrow.chartTicks()).containsExactly(0.5, 1.0, 2.0, 5.0);
        assertThat(narrow.chartLabel(0.5)).isEqualTo("0.5");
        Scale tight = Scale.fit(2.1, 4.5, true);
        assertThat(tight.chartTicks()).containsExactly(3.0, 4.0);
        for (double v : List.of(0.005, 0.3, 2.1, 7.7)) {
            for (double t : Scale.fit(v, 100 * v, true).chartTicks()) {
                double m = t / Math.pow(10, Math.floor(Math.log10(t) + 1e-12));
                assertThat(m).as("tick " + t).isIn(1.0, 2.0, 5.0);
            }
        }
    }

    @Test
    void linearTicksAreNiceAndPrintedWithoutFloatingNoise() {
        Scale s = Scale.fit(0.013, 0.987, false);
        assertThat(s.chartTicks()).hasSize(6);
        assertThat(s.chartTicks().stream().map(s::tickLabel).toList()).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
        assertThat(Scale.fit(2e-7, 9e-7, false).chartLabel(4e-7)).isEqualTo("4×10^{−7}");
    }

    @Test
    void nonDrawablePointsBreakLinesAndAreNeverWritten() throws Exception {
        Document d = parse(ChartWriter.svg(sample(), SIZE));
        // the GD line has 4 drawable points of 5 (the NaN is dropped): one polyline of four coordinate pairs
        Element gd = elements(d, "polyline").stream().filter(e -> e.getAttribute("stroke").equals("#0072b2"))
                .findFirst().orElseThrow();
        assertThat(gd.getAttribute("points").trim().split(" ")).hasSize(4);
    }

    @Test
    void twinAxesAreColouredLikeTheirSeries() throws Exception {
        Chart c = Chart.builder().xAxis("x", false).yAxis("left", false).y2Axis("right", false)
                .markers("a", new double[] {0, 1}, new double[] {0, 1}, 0)
                .lineY2("b", new double[] {0, 1}, new double[] {5, 7}).build();
        Document d = parse(ChartWriter.svg(c, SIZE));
        String left = Palette.hex(Palette.color(0));
        String right = Palette.hex(Palette.color(1));
        assertThat(elements(d, "text").stream().filter(e -> e.getTextContent().equals("left")).findFirst()
                .orElseThrow().getAttribute("fill")).isEqualTo(left);
        assertThat(elements(d, "text").stream().filter(e -> e.getTextContent().equals("right")).findFirst()
                .orElseThrow().getAttribute("fill")).isEqualTo(right);
        // the y2 tick labels (5 … 7) are in the right colour
        assertThat(elements(d, "text").stream().filter(e -> e.getTextContent().equals("6")).findFirst()
                .orElseThrow().getAttribute("fill")).isEqualTo(right);
    }

    @Test
    void pngHasTheSizeTimesTheResolution() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ChartWriter.png(sample(), SIZE)));
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getHeight()).isEqualTo(400);
        BufferedImage hi = ImageIO.read(new ByteArrayInputStream(ChartWriter.png(sample(), new FigureSize(6, 4, 300))));
        assertThat(hi.getWidth()).isEqualTo(1800);
    }

    @Test
    void pdfIsOnePageOfTheSizeWithTheEmbeddedFontAndRealText() throws Exception {
        byte[] pdf = ChartWriter.pdf(Panels.of(sample()), SIZE, "sample");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isOne();
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(432f);
            assertThat(page.getMediaBox().getHeight()).isEqualTo(288f);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.isEmbedded() && f.getName().contains("DejaVuSans"));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("norm").contains("stable").contains("floor");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("sample");
        }
    }

    @Test
    void theSameChartGivesTheSameBytesInEveryFormat() {
        assertThat(ChartWriter.pdf(Panels.of(sample()), SIZE, "t")).isEqualTo(ChartWriter.pdf(Panels.of(sample()), SIZE,
                "t"));
        assertThat(ChartWriter.svg(sample(), SIZE)).isEqualTo(ChartWriter.svg(sample(), SIZE));
        assertThat(ChartWriter.png(sample(), SIZE)).isEqualTo(ChartWriter.png(sample(), SIZE));
    }

    /** One renderer: the PDF, rasterized by PDFBox at the PNG's resolution, shows the PNG's picture. */
    @Test
    void pngAndPdfAreTheSameDrawing() throws Exception {
        Chart c = sample();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ChartWriter.png(c, SIZE)));
        BufferedImage fromPdf;
        try (PDDocument doc = Loader.loadPDF(ChartWriter.pdf(Panels.of(c), SIZE, "t"))) {
            fromPdf = new PDFRenderer(doc).renderImageWithDPI(0, SIZE.dpi());
        }
        assertThat(fromPdf.getWidth()).isEqualTo(png.getWidth());
        assertThat(fromPdf.getHeight()).isEqualTo(png.getHeight());
        long total = 0;
        long far = 0;
        long inked = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int a = png.getRGB(x, y);
                int b = fromPdf.getRGB(x, y);
                int diff = 0;
                for (int s = 0; s <= 16; s += 8) {
                    diff = Math.max(diff, Math.abs(((a >> s) & 255) - ((b >> s) & 255)));
                }
                total += diff;
                far += diff > 96 ? 1 : 0;
                inked += (a & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        double pixels = png.getWidth() * (double) png.getHeight();
        assertThat(inked / pixels).as("the picture is not blank").isGreaterThan(0.05);
        assertThat(total / pixels).as("mean channel difference").isLessThan(4);
        assertThat(far / pixels).as("pixels that differ a lot (antialiasing of edges only)").isLessThan(0.01);
    }

    @Test
    void stackedPanelsShareTheXRangeAndOneLegend() throws Exception {
        Chart top = Chart.builder().xAxis("x", false, 0, 10).yAxis("a", false)
                .line("first", new double[] {2, 3}, new double[] {0, 1}).build();
        Chart bottom = Chart.builder().xAxis("x", false).yAxis("b", false)
                .line("second", new double[] {4, 5}, new double[] {0, 1}).build();
        Document d = parse(ChartWriter.svg(Panels.stack(List.of(top, bottom), 2, 1), SIZE));
        List<String> t = texts(d);
        // x tick labels 0 … 10 once (under the bottom panel), both legend entries
        assertThat(t.stream().filter(s -> s.equals("10")).count()).isOne();
        assertThat(t).contains("first", "second", "a", "b");
        assertThat(t.stream().filter(s -> s.equals("x")).count()).isOne();
    }

    @Test
    void sizesAreCheckedAndParsed() {
        assertThat(FigureSize.parse("6.5x4", 150).widthPx()).isEqualTo(975);
        assertThat(FigureSize.parse("3.25×2", 300).heightPx()).isEqualTo(600);
        assertThatThrownBy(() -> FigureSize.parse("6.5", 150)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FigureSize.parse("0x4", 150)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FigureSize(6, 4, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secondarySeriesNeedTheSecondaryAxis() {
        assertThatThrownBy(() -> Chart.builder().lineY2("b", new double[] {0}, new double[] {0}))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Palette.hex(new Color(0x0072B2))).isEqualTo("#0072b2");
    }
}
