package eoslab.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF by the JDK's own GIF writer (javax.imageio): one image per frame with a fixed delay, looping
 * forever (the NETSCAPE2.0 application extension). All frames share one palette: the 256 most frequent colours of all
 * frames (ties by colour value), every other colour drawn as its nearest palette colour (squared RGB distance);
 * deterministic, and far faster than the writer's own per-frame quantizer.
 */
public final class AnimatedGif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() {
    }

    /**
     * The GIF bytes of the frames.
     *
     * @param delayCs delay per frame in hundredths of a second
     */
    public static byte[] of(List<BufferedImage> frames, int delayCs) {
        IndexColorModel palette = palette(frames);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(streamMetadata(writer, palette));
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = indexed(frames.get(i), palette);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        param);
                configure(meta, delayCs, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static IndexColorModel palette(List<BufferedImage> frames) {
        Map<Integer, Long> histogram = new HashMap<>();
        for (BufferedImage f : frames) {
            for (int rgb : f.getRGB(0, 0, f.getWidth(), f.getHeight(), null, 0, f.getWidth())) {
                histogram.merge(rgb & 0xFFFFFF, 1L, Long::sum);
            }
        }
        List<Map.Entry<Integer, Long>> colours = new ArrayList<>(histogram.entrySet());
        colours.sort(Comparator.comparing((Map.Entry<Integer, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        int n = 256;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        for (int i = 0; i < Math.min(n, colours.size()); i++) {
            int c = colours.get(i).getKey();
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        return new IndexColorModel(8, n, r, g, b);
    }

    private static BufferedImage indexed(BufferedImage frame, IndexColorModel palette) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] rgb = frame.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Byte> nearest = new HashMap<>();
        for (int i = 0; i < rgb.length; i++) {
            data[i] = nearest.computeIfAbsent(rgb[i] & 0xFFFFFF, c -> nearest(c, palette));
        }
        return out;
    }

    private static byte nearest(int c, IndexColorModel palette) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < palette.getMapSize(); i++) {
            long dr = ((c >> 16) & 0xFF) - palette.getRed(i);
            long dg = ((c >> 8) & 0xFF) - palette.getGreen(i);
            long db = (c & 0xFF) - palette.getBlue(i);
            long d = dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return (byte) best;
    }

    /** Stream metadata whose global colour table is the shared palette (the writer's default is a fixed one). */
    private static IIOMetadata streamMetadata(ImageWriter writer, IndexColorModel palette)
            throws IIOInvalidTreeException {
        IIOMetadata meta = writer.getDefaultStreamMetadata(writer.getDefaultWriteParam());
        String format = "javax_imageio_gif_stream_1.0";
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode table = child(root, "GlobalColorTable");
        while (table.getFirstChild() != null) {
            table.removeChild(table.getFirstChild());
        }
        table.setAttribute("sizeOfGlobalColorTable", Integer.toString(palette.getMapSize()));
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < palette.getMapSize(); i++) {
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            e.setAttribute("index", Integer.toString(i));
            e.setAttribute("red", Integer.toString(palette.getRed(i)));
            e.setAttribute("green", Integer.toString(palette.getGreen(i)));
            e.setAttribute("blue", Integer.toString(palette.getBlue(i)));
            table.appendChild(e);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static void configure(IIOMetadata meta, int delayCs, boolean first) throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        for (int i = root.getLength() - 1; i >= 0; i--) {
            if (root.item(i).getNodeName().equals("LocalColorTable")) {
                root.removeChild(root.item(i)); // every frame uses the stream's global table
            }
        }
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayCs));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
