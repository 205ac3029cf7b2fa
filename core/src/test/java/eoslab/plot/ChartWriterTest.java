package eoslab.plot;

import eoslab.EoslabTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartWriterTest extends EoslabTest {
    private static Chart sample() {
        double[] x = {0.1, 0.2, 0.5, 1.0, 2.0};
        double[] y = {100, 10, 1, 0.1, Double.NaN};
        return Chart.builder("Loss <decay> & \"rates\"")
                .xAxis("time t = ηk", false).yAxis("loss L", true).y2Axis("λ", true)
                .line("GD η=0.5", x, y).markers("GF", x, new double[] {50, 5, 0.5, 0.05, 0.005})
                .lineY2("norm", x, new double[] {1, 2, 3, 4, 5})
                .band(0, 0.3, "stable").vline(1.5, "2/λ_GF").hline(1, "floor").build();
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
    }

    private static List<String> texts(Document d) {
        NodeList nodes = d.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void svgIsWellFormedXmlWithRealTextElements() throws Exception {
        Document d = parse(ChartWriter.svg(sample(), 800, 500));
        Element root = d.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("800");
        assertThat(texts(d)).contains("Loss <decay> & \"rates\"", "time t = ηk", "loss L", "λ", "GD η=0.5", "GF",
                "norm", "stable", "2/λ_GF", "floor");
    }

    @Test
    void logAxisTicksAreDecadesOfTheDataRange() throws Exception {
        List<String> t = texts(parse(ChartWriter.svg(sample(), 800, 500)));
        // primary y spans 0.005 … 100: one tick per decade, written 10^k; the secondary gets 1-2-5 ticks
        assertThat(t).containsSubsequence("10-2", "10-1", "100", "101", "102").containsSubsequence("1", "2", "5", "λ");
        assertThat(texts(parse(ChartWriter.svg(Chart.builder("t").yAxis("y", true)
                .line("l", new double[] {1, 2}, new double[] {1e-9, 1e3}).build(), 600, 400))))
                .containsSubsequence("10-8", "10-6", "10-4", "10-2", "100", "102");
    }

    @Test
    void nonDrawablePointsAreSkippedNotPrinted() throws Exception {
        String svg = ChartWriter.svg(sample(), 800, 500);
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
        Document d = parse(svg);
        NodeList lines = d.getElementsByTagName("polyline");
        // the GD line has 4 drawable points of 5 (the NaN is dropped): one polyline, four coordinate pairs
        String points = ((Element) lines.item(0)).getAttribute("points");
        assertThat(points.trim().split(" ")).hasSize(4);
    }

    @Test
    void pngDecodesAtTheRequestedSize(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.png");
        ChartWriter.writePng(sample(), f, 640, 420);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(f)));
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(420);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("c.png");
        }
    }

    @Test
    void secondaryAxisMustMatchThePrimaryScaleKind() {
        assertThatThrownBy(() -> Chart.builder("t").yAxis("y", true).y2Axis("y2", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linearTicksAreNiceNumbersInsideTheRange() {
        Scale s = Scale.fit(0.013, 0.987, false);
        assertThat(s.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(Scale.label(0.6000000000000001)).isEqualTo("0.6");
        assertThat(Scale.label(2.5e-7)).isEqualTo("2.5×10^-7");
    }
}
