package org.iclscale.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object: every field, then every column as an array, then {@code notes} when there are any.
 */
public final class JsonWriter implements ReportWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The one compact writer of JSON lines (an ObjectWriter is immutable and thread-safe). */
    private static final ObjectWriter LINE = new ObjectMapper().writer();

    @Override
    public void write(Report report, PrintWriter out) {
        out.println(toJson(report));
        out.flush();
    }

    public static String toJson(Report report) {
        ReportWriter.requireFinite(report);
        try {
            return MAPPER.writeValueAsString(asMap(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Several reports as ONE JSON document: {@code {"<key>": [report, ...], ...}} with each report's title as its
     * {@code title} field (e.g. the tour's sections and its summary), so a multi-part output is still valid JSON.
     */
    public static String document(Map<String, java.util.List<Report>> parts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        parts.forEach((key, reports) -> {
            java.util.List<Object> list = new java.util.ArrayList<>();
            for (Report r : reports) {
                ReportWriter.requireFinite(r);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("title", r.title());
                m.putAll(asMap(r));
                list.add(m);
            }
            doc.put(key, list);
        });
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as the ordered map that is serialised (also used by sweeps for JSON lines). */
    public static Map<String, Object> asMap(Report report) {
        Map<String, Object> all = new LinkedHashMap<>(report.fields());
        all.putAll(report.columns());
        if (!report.notes().isEmpty()) {
            all.put("notes", report.notes());
        }
        return all;
    }

    /** Compact single-line JSON (for JSON-lines streams). */
    public static String toJsonLine(Report report) {
        ReportWriter.requireFinite(report);
        return line(asMap(report));
    }

    /** Compact single-line JSON of an ordered map of report values (the caller has checked they are finite). */
    public static String line(Map<String, ?> values) {
        try {
            return LINE.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
