package org.iclscale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference CSV files under src/test/resources (each produced by the script checked in beside
 * it). Lines starting with '#' are comments; the first other line is the header.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** One row: column name to text value. */
    public record Row(Map<String, String> values) {
        public double number(String column) {
            String v = values.get(column);
            if (v == null) {
                throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
            }
            return Double.parseDouble(v);
        }

        public int integer(String column) {
            return Integer.parseInt(values.get(column));
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    public static List<Row> read(String resource) {
        InputStream in = ReferenceData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = null;
            List<Row> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",");
                if (header == null) {
                    header = parts;
                    continue;
                }
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    m.put(header[i].trim(), parts[i].trim());
                }
                rows.add(new Row(m));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
