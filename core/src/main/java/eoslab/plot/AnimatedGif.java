package eoslab.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * forever (the NETSCAPE2.0 application extension). All frames share one palette of 256 colours: the 128 most frequent
 * colours of all frames (ties by colour value), then, one by one, the colour farthest from those already chosen; every
 * other colour is drawn as its nearest palette colour (squared RGB distance). Deterministic, and far faster than the
 * writer's own per-frame quantizer.
 */
public final class AnimatedGif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private static final int PALETTE = 256;

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
        List<Map.Entry<Integer, Long>> sorted = new ArrayList<>(histogram.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<Integer, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        int[] colours = sorted.stream().mapToInt(Map.Entry::getKey).toArray();
        int size = Math.min(PALETTE, colours.length);
        int[] chosen = new int[PALETTE];
        // the most frequent half, then the colours farthest from those chosen (so rare ramps keep their hues)
        long[] distance = new long[colours.length];
        Arrays.fill(distance, Long.MAX_VALUE);
        boolean[] taken = new boolean[colours.length];
        for (int k = 0; k < size; k++) {
            int pick = k;
            if (k >= PALETTE / 2) {
                pick = -1;
                for (int i = 0; i < colours.length; i++) {
                    if (!taken[i] && (pick < 0 || distance[i] > distance[pick])) {
                        pick = i;
                    }
                }
            }
            taken[pick] = true;
            chosen[k] = colours[pick];
            for (int i = 0; i < colours.length; i++) {
                distance[i] = Math.min(distance[i], distance2(colours[i], colours[pick]));
            }
        }
        byte[] r = new byte[PALETTE];
        byte[] g = new byte[PALETTE];
        byte[] b = new byte[PALETTE];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (chosen[i] >> 16);
            g[i] = (byte) (chosen[i] >> 8);
            b[i] = (byte) chosen[i];
        }
        return new IndexColorModel(8, PALETTE, r, g, b);
    }

    private static long distance2(int c, int d) {
        long dr = ((c >> 16) & 0xFF) - ((d >> 16) & 0xFF);
        long dg = ((c >> 8) & 0xFF) - ((d >> 8) & 0xFF);
        long db = (c & 0xFF) - (d & 0xFF);
        return dr * dr + dg * dg + db * db;
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
            long d = distance2(c, palette.getRGB(i));
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
