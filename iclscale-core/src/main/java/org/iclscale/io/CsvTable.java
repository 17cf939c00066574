package org.iclscale.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.core.InvalidInputException;

/** A CSV table read back (header + rows, RFC-4180 quoting): the input of {@code plot}. */
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows;

    private CsvTable(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable parse(String text, String source) {
        return read(new StringReader(text), source);
    }

    /** Most data rows {@link #read} keeps in memory (plot, issue 18: 10⁶ rows of three columns took ~0.7 GB). */
    public static final int MAX_ROWS = 2_000_000;
    /** Most cells (data rows × columns) {@link #read} keeps in memory. */
    public static final long MAX_CELLS = 10_000_000;

    public static CsvTable read(Reader reader, String source) {
        List<List<String>> lines = new ArrayList<>();
        long cells = 0;
        try (BufferedReader br = new BufferedReader(reader)) {
            String line;
            while ((line = br.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    List<String> row = split(line);
                    cells += lines.isEmpty() ? 0 : row.size();
                    if (lines.size() > MAX_ROWS || cells > MAX_CELLS) {
                        throw new InvalidInputException("in", source + " has more than " + (lines.size() - 1)
                                + " data rows (expected at most " + MAX_ROWS + " rows and " + MAX_CELLS
                                + " cells; thin the data first, e.g. awk 'NR == 1 || NR % 10 == 0')");
                    }
                    lines.add(row);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("in", source + " cannot be read (" + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException("in", source + " holds no CSV header");
        }
        List<String> header = lines.get(0);
        List<List<String>> rows = lines.subList(1, lines.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new InvalidInputException("in", source + " line " + (i + 2) + " has " + rows.get(i).size()
                        + " cells, the header has " + header.size());
            }
        }
        return new CsvTable(List.copyOf(header), List.copyOf(rows));
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    public List<String> header() {
        return header;
    }

    public int rows() {
        return rows.size();
    }

    public int index(String column, String option) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new InvalidInputException(option, column, "a column of the CSV: " + String.join(", ", header));
        }
        return i;
    }

    public String text(int row, int column) {
        return rows.get(row).get(column);
    }

    /** The cell as a number; NaN for empty or non-numeric cells (inf, opt, ...), which plots skip. */
    public double number(int row, int column) {
        try {
            return Double.parseDouble(rows.get(row).get(column).trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Row indices grouped by the text of {@code column} (insertion order), or one group when null. */
    public Map<String, List<Integer>> groups(Integer column) {
        Map<String, List<Integer>> g = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            String key = column == null ? "" : rows.get(r).get(column);
            g.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return g;
    }
}
