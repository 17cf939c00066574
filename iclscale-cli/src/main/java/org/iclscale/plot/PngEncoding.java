package org.iclscale.plot;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.XYChart;

/**
 * A chart as PNG bytes at a given resolution: the same image, writer, parameters and metadata as XChart 3.8.8's
 * {@code BitmapEncoder.saveBitmapWithDPI} (so the same bytes), but encoded into memory. XChart writes through a
 * {@code FileImageOutputStream}, a RandomAccessFile write per PNG chunk piece, which cost ~0.2 CPU-s over
 * {@code figure all}'s 22 panels (issue 17); the caller writes the bytes to the file at once.
 */
final class PngEncoding {

    private PngEncoding() {
    }

    static byte[] encode(XYChart chart, int dpi) throws IOException {
        double scale = dpi / 72.0;
        BufferedImage image = new BufferedImage((int) (chart.getWidth() * scale), (int) (chart.getHeight() * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        AffineTransform at = g.getTransform();
        at.scale(scale, scale);
        g.setTransform(at);
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            ImageTypeSpecifier type = ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB);
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
            if (metadata.isReadOnly() || !metadata.isStandardMetadataFormatSupported()) {
                throw new IOException("the PNG writer cannot record the resolution");
            }
            setResolution(metadata, dpi);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 17);
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** The resolution entry exactly as XChart's {@code setDPI} writes it (value dpi/10/2.54 for both pixel sizes). */
    private static void setResolution(IIOMetadata metadata, int dpi) throws IOException {
        double value = 1.0 * dpi / 10 / 2.54;
        IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
        horizontal.setAttribute("value", Double.toString(value));
        IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
        vertical.setAttribute("value", Double.toString(value));
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        dimension.appendChild(horizontal);
        dimension.appendChild(vertical);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        metadata.mergeTree("javax_imageio_1.0", root);
    }
}
