package org.iclscale.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.HumanNumber;
import org.iclscale.io.Report;
import org.iclscale.io.ReportWriter;
import org.knowm.xchart.BitmapEncoder;

/**
 * A self-contained HTML report (one file, opens in any browser): headings, paragraphs, {@link Report}s as
 * tables (scalar fields as a key/value table, columns as a data table) and figures, either embedded (a
 * {@link Plot} rendered to PNG inside the page) or linked (an image file next to the page, by relative path).
 *
 * <pre>
 *   HtmlReport html = new HtmlReport("ICLScale tour");
 *   html.heading("ISO optimal loss").table(report).plot(plot, "Fig. 1c").image(Path.of("out/fig2a.png"), "Fig. 2a");
 *   html.write(Path.of("out/report.html"));
 * </pre>
 */
public final class HtmlReport {

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    private sealed interface Block permits Text, Table, Embedded, Linked {
    }

    private record Text(String tag, String text) implements Block {
    }

    private record Table(Report report, int maxRows) implements Block {
    }

    private record Embedded(Plot plot, String caption) implements Block {
    }

    private record Linked(Path image, String caption) implements Block {
    }

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        blocks.add(new Text("h2", text));
        return this;
    }

    public HtmlReport paragraph(String text) {
        blocks.add(new Text("p", text));
        return this;
    }

    /** A report as tables (all rows). */
    public HtmlReport table(Report report) {
        return table(report, Integer.MAX_VALUE);
    }

    /** A report as tables, showing at most {@code maxRows} rows of its columns. */
    public HtmlReport table(Report report, int maxRows) {
        blocks.add(new Table(report, maxRows));
        return this;
    }

    /** A chart rendered to PNG and embedded in the page (base64 data URI). */
    public HtmlReport plot(Plot plot, String caption) {
        blocks.add(new Embedded(plot, caption));
        return this;
    }

    /** An image file (PNG or SVG) linked by its path relative to the HTML file. */
    public HtmlReport image(Path image, String caption) {
        blocks.add(new Linked(image, caption));
        return this;
    }

    /** Writes the page (creating the folder); returns the file. */
    public Path write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, render(dir), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new InvalidInputException("--out", file + " is not writable (" + e.getMessage() + ")");
        }
    }

    /** The HTML text; linked images are written relative to {@code base} (null: as given). */
    public String render(Path base) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:2px 8px;"
                        + "text-align:right;font-family:monospace}th{background:#f3f3f3}caption{text-align:left;"
                        + "font-weight:bold;padding:4px 0}figure{margin:1em 0}img{max-width:100%}"
                        + ".note{color:#555;font-size:90%}</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
        for (Block b : blocks) {
            if (b instanceof Text t) {
                sb.append('<').append(t.tag()).append('>').append(esc(t.text())).append("</").append(t.tag()).append(">\n");
            } else if (b instanceof Table t) {
                table(sb, t.report(), t.maxRows());
            } else if (b instanceof Embedded e) {
                byte[] png;
                try {
                    png = BitmapEncoder.getBitmapBytes(e.plot().chart(), BitmapEncoder.BitmapFormat.PNG);
                } catch (IOException ex) {
                    throw new IllegalStateException("PNG rendering failed", ex);
                }
                sb.append("<figure><img alt=\"").append(esc(e.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(esc(e.caption()))
                        .append("</figcaption></figure>\n");
            } else if (b instanceof Linked l) {
                Path p = l.image();
                String src = base != null ? base.relativize(p.toAbsolutePath()).toString() : p.toString();
                sb.append("<figure><img alt=\"").append(esc(l.caption())).append("\" src=\"")
                        .append(esc(src.replace('\\', '/'))).append("\"><figcaption>").append(esc(l.caption()))
                        .append("</figcaption></figure>\n");
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder sb, Report r, int maxRows) {
        ReportWriter.requireFinite(r);
        Map<String, Object> flat = ReportWriter.flatten(r.fields());
        if (!flat.isEmpty()) {
            sb.append("<table><caption>").append(esc(r.title())).append("</caption>\n");
            flat.forEach((k, v) -> sb.append("<tr><th>").append(esc(k)).append("</th><td>")
                    .append(esc(ReportWriter.human(v))).append("</td></tr>\n"));
            sb.append("</table>\n");
        }
        if (!r.columns().isEmpty()) {
            sb.append("<table>");
            if (flat.isEmpty()) {
                sb.append("<caption>").append(esc(r.title())).append("</caption>");
            }
            sb.append("\n<tr>");
            r.columns().keySet().forEach(k -> sb.append("<th>").append(esc(k)).append("</th>"));
            sb.append("</tr>\n");
            int rows = Math.min(r.rows(), maxRows);
            for (int i = 0; i < rows; i++) {
                sb.append("<tr>");
                for (double[] c : r.columns().values()) {
                    sb.append("<td>").append(esc(ReportWriter.human(c[i]))).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
            if (rows < r.rows()) {
                sb.append("<p class=\"note\">").append(r.rows() - rows).append(" more rows in the CSV file.</p>\n");
            }
        }
        for (String n : r.notes()) {
            sb.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
