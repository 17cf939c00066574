package org.iclscale.cli;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.CsvWriter;
import org.iclscale.io.JsonWriter;
import org.iclscale.io.Report;
import org.iclscale.io.ReportWriter;
import org.iclscale.sweep.Axis;
import org.iclscale.sweep.Point;

/**
 * The one output schema of a sweep, shared by CSV, JSON lines and the Spark runner's Parquet files.
 *
 * <p>Columns, in order: {@code index} (the point's grid index, with {@code --with-index}), one column per swept
 * option (its camelCase key), the curve columns of a verb whose report has columns (then one row per curve
 * point, the swept values repeated), then the scalar fields of the report (nested ones with dotted keys): every
 * number, flag and text except the prose that describes how a value was computed, {@code method},
 * {@code convention} and keys ending in {@code Method} or {@code Convention} (JSON lines carry everything).
 * {@code --fields} selects columns instead. The columns are fixed by the report at the grid's first point
 * (point 0), whichever shard is running, so every shard writes the same columns; a later point without one of
 * them leaves its cell empty.
 *
 * <p>A swept column holds the verb's own echo of the value when it echoes the same value (so {@code depth} is
 * the integer 1 as in the verb's own JSON, not 1.0), else the value as written: an integer, a number, or text
 * ({@code opt}, {@code iso}). Infinity is the string {@code "inf"} in CSV and JSON (never a JSON number); in
 * Parquet a numeric column holds it as +∞ ({@link #typedRows}).
 */
public final class SweepTable {

    /** The type of a column in a typed (Parquet) output. */
    public enum Type { LONG, DOUBLE, BOOLEAN, STRING }

    /** A column: its name and type. */
    public record Column(String name, Type type) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Which report keys a table writes: the curve columns, the scalar fields and the typed columns. Fixed by grid
     * point 0; serializable, so a distributed runner computes it once on the driver and every task writes the same
     * columns without evaluating point 0 again ({@link #of(SweepPlan, Layout)}).
     */
    public record Layout(boolean withIndex, List<String> curves, List<String> scalars, List<Column> columns)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Layout {
            curves = List.copyOf(curves);
            scalars = List.copyOf(scalars);
            columns = List.copyOf(columns);
        }
    }


    private final SweepPlan plan;
    private final boolean withIndex;
    private final List<String> curves;
    private final List<String> scalars;
    private final List<Column> columns;
    /** {@link #fromLabel} of every label of every axis, converted once (not per row). */
    private final Object[][] labelValues;
    /** The column key of each axis ({@link SweepPlan#axisKey}), derived once. */
    private final String[] axisKeys;

    private SweepTable(SweepPlan plan, boolean withIndex, List<String> curves, List<String> scalars, List<Column> columns,
            Object[][] labelValues) {
        this.plan = plan;
        this.withIndex = withIndex;
        this.curves = List.copyOf(curves);
        this.scalars = List.copyOf(scalars);
        this.columns = List.copyOf(columns);
        this.labelValues = labelValues;
        this.axisKeys = new String[labelValues.length];
        for (int k = 0; k < axisKeys.length; k++) {
            axisKeys[k] = plan.axisKey(k);
        }
    }

    /**
     * {@link #fromLabel} of every label of every axis of {@code plan}, by axis and coordinate. A γ label that
     * {@link Gamma#parse} read as a fixed number and that is not an integer is that number: Gamma.parse reads it with
     * Double.parseDouble after the number grammar, as fromLabel would, so the label is not parsed a second time
     * (issue 17 goal 2; SweepTableLabelsTest).
     */
    static Object[][] labelValues(SweepPlan plan) {
        List<Axis> axes = plan.grid().axes();
        Object[][] values = new Object[axes.size()][];
        for (int k = 0; k < axes.size(); k++) {
            List<String> labels = axes.get(k).labels();
            List<Object> converted = axes.get(k).values();
            values[k] = new Object[labels.size()];
            for (int j = 0; j < labels.size(); j++) {
                String label = labels.get(j);
                values[k][j] = converted.get(j) instanceof Gamma.Fixed g && !integer(label) ? (Object) g.value()
                        : fromLabel(label);
            }
        }
        return values;
    }

    /**
     * The schema of {@code plan}'s sweep from the report at its first point ({@code first}, the result of grid
     * point 0), with the columns {@code fields} selects (null: the default rule above).
     *
     * @throws InvalidInputException for a selected key the report does not have
     */
    public static SweepTable of(SweepPlan plan, Report first, List<String> fields, boolean withIndex) {
        Point p0 = plan.grid().point(0);
        Map<String, Object> swept = swept(plan, p0, first);
        Map<String, Object> flat = ReportWriter.flatten(first.fields());
        List<String> curves = new ArrayList<>();
        for (String c : first.columns().keySet()) {
            if (!swept.containsKey(c) && (fields == null || fields.contains(c))) {
                curves.add(c);
            }
        }
        List<String> scalars = new ArrayList<>();
        flat.forEach((k, v) -> {
            if (swept.containsKey(k) || first.columns().containsKey(k)) {
                return;
            }
            boolean scalar = v instanceof Number || v instanceof Boolean || (v instanceof String && (fields != null || !prose(k)));
            if (scalar && (fields == null || fields.contains(k))) {
                scalars.add(k);
            }
        });
        if (fields != null) {
            for (String s : fields) {
                if (!curves.contains(s) && !scalars.contains(s) && !swept.containsKey(s)) {
                    throw new InvalidInputException("--fields", s, "keys of the '" + first.title() + "' result: "
                            + String.join(", ", flat.keySet())
                            + (first.columns().isEmpty() ? "" : ", " + String.join(", ", first.columns().keySet())));
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        if (withIndex) {
            columns.add(new Column("index", Type.LONG));
        }
        Object[][] labelValues = labelValues(plan); // converted once, for the types and for the rows
        int k = 0;
        for (Map.Entry<String, Object> e : swept.entrySet()) {
            columns.add(new Column(e.getKey(), axisType(e.getValue(), plan.grid().axes().get(k).labels(),
                    labelValues[k])));
            k++;
        }
        curves.forEach(c -> columns.add(new Column(c, Type.DOUBLE)));
        scalars.forEach(s -> columns.add(new Column(s, scalarType(flat.get(s)))));
        return new SweepTable(plan, withIndex, curves, scalars, columns, labelValues);
    }

    /** The table of {@code plan} with a layout fixed before ({@link #layout()} of a table of the same plan). */
    public static SweepTable of(SweepPlan plan, Layout layout) {
        return new SweepTable(plan, layout.withIndex(), layout.curves(), layout.scalars(), layout.columns(),
                labelValues(plan));
    }

    /** This table's layout (to rebuild the same table elsewhere). */
    public Layout layout() {
        return new Layout(withIndex, curves, scalars, columns);
    }

    /** Descriptive text, left to JSON: {@code method}, {@code convention}, {@code ...Method}, {@code ...Convention}. */
    static boolean prose(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return last.equals("method") || last.endsWith("Method") || last.equals("convention") || last.endsWith("Convention");
    }

    public List<Column> columns() {
        return columns;
    }

    /** The CSV header line. */
    public String csvHeader() {
        return String.join(",", columns.stream().map(Column::name).toList());
    }

    /** The CSV lines of {@code point}'s report: one, or one per curve point. */
    public List<String> csvRows(Point point, Report r) {
        return csvStream().rows(point, r);
    }

    /** A writer of this table's CSV lines for one stream of rows ({@link CsvStream}; not thread-safe). */
    public CsvStream csvStream() {
        return new CsvStream();
    }

    /**
     * The CSV lines of one stream of rows, as {@link #csvRows}: a cell equal (same class, same bits) to the cell
     * before it in its column, or to the cell before it in its row, reuses that cell's text, so values that repeat
     * down a sweep (the fixed options, the stability edge; loss and excessLoss at σ = 0) are formatted once.
     */
    public final class CsvStream {
        private final Object[] lastValue = new Object[columns.size()];
        private final String[] lastText = new String[columns.size()];

        private CsvStream() {
        }

        private GammaRun run;
        private Object[] runLayout;
        private final long[] lastBits = new long[columns.size()];
        private final String[] lastNumber = new String[columns.size()];

        /**
         * The CSV line of {@code row} without building its report: the run's fixed cells as they were formatted once,
         * the γ-dependent numbers read from the run's results through the one exact format ({@link ReportWriter#exact});
         * the same text as {@link #rows} of the row's report. Null where that fast line does not apply (see
         * {@link SweepTable#runLayout}) or a value is not finite: then write {@code rows(point, row.report())}.
         */
        public String row(Point point, GammaRun.Row row) {
            if (row.run() != run) {
                run = row.run();
                runLayout = runLayout(run, point);
            }
            if (runLayout == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder(24 * runLayout.length);
            for (int i = 0; i < runLayout.length; i++) {
                Object cell = runLayout[i];
                if (i > 0) {
                    sb.append(',');
                }
                if (cell instanceof String text) {
                    sb.append(text);
                } else if (cell == INDEX) {
                    sb.append(point.index());
                } else {
                    double v;
                    if (cell instanceof int[] axis) {
                        double g = run.gamma(row.index());
                        Object fromLabel = labelValues[axis[0]][point.coordinate(axis[0])];
                        if (!(fromLabel instanceof Number n) || n.doubleValue() != g) {
                            return null; // the label's own text (swept()): through the report
                        }
                        v = g;
                    } else {
                        v = run.number((Integer) cell, row.index());
                    }
                    if (!Double.isFinite(v)) {
                        return null; // the report's requireFinite names it
                    }
                    long bits = Double.doubleToRawLongBits(v);
                    if (lastNumber[i] == null || bits != lastBits[i]) {
                        lastBits[i] = bits;
                        // the same bits as the cell before (loss = excessLoss at σ = 0): the same text, as rows()
                        lastNumber[i] = i > 0 && lastNumber[i - 1] != null && lastBits[i - 1] == bits
                                && !(runLayout[i - 1] instanceof String) && runLayout[i - 1] != INDEX
                                ? lastNumber[i - 1] : ReportWriter.exact(v);
                    }
                    sb.append(lastNumber[i]);
                }
            }
            return sb.toString();
        }

        /** The CSV lines of {@code point}'s report: one, or one per curve point. */
        public List<String> rows(Point point, Report r) {
            List<Object[]> rows = cells(point, r);
            List<String> lines = new ArrayList<>(rows.size());
            for (Object[] cells : rows) {
                StringBuilder sb = new StringBuilder(16 * cells.length);
                Object previous = null;
                String previousText = null;
                for (int i = 0; i < cells.length; i++) {
                    Object v = cells[i];
                    String text;
                    if (v == null) {
                        text = "";
                    } else if (v.equals(lastValue[i])) {
                        text = lastText[i];
                    } else if (v.equals(previous)) {
                        text = previousText;
                    } else {
                        text = CsvWriter.quote(ReportWriter.exact(v));
                    }
                    lastValue[i] = v;
                    lastText[i] = text;
                    previous = v;
                    previousText = text;
                    sb.append(i == 0 ? "" : ",").append(text);
                }
                lines.add(sb.toString());
            }
            return lines;
        }
    }

    /**
     * How a {@link GammaRun}'s rows are written without a report per row (issue 17 goal 2): per column the text that
     * is the same on every row of the run, or the {@link GammaRun#number} key whose value varies with γ. Built from
     * the run's first report by the rules of {@link #cells}, so each cell is the text {@link CsvStream#rows} writes.
     * Null (each row through its report) when the table has curves, a column the run does not cover (a prose field
     * selected by --fields, a standard error) or a value that is not finite.
     */
    private Object[] runLayout(GammaRun run, Point point) {
        if (!curves.isEmpty()) {
            return null;
        }
        Report first = run.report(0);
        try {
            ReportWriter.requireFinite(first);
        } catch (RuntimeException e) {
            return null; // the row's own report says which value (cells)
        }
        Map<String, Object> flat = nested(first.fields()) ? ReportWriter.flatten(first.fields()) : first.fields();
        Object[] layout = new Object[columns.size()];
        int i = 0;
        if (withIndex) {
            layout[i++] = INDEX;
        }
        for (int k = 0; k < point.axes().size(); k++) {
            String key = axisKeys[k];
            Object echoed = first.fields().get(key);
            if (key.equals(GammaRun.VARYING.get(GammaRun.GAMMA)) && SweepPlan.GAMMA.equals(plan.axisOptions().get(k))) {
                layout[i++] = new int[] {k}; // the swept γ: echo or label, per row (swept())
            } else {
                Object fromLabel = labelValues[k][point.coordinate(k)];
                Object v = sameValue(echoed, point.label(k), fromLabel) ? echoed : fromLabel;
                layout[i++] = CsvWriter.quote(ReportWriter.exact(v));
            }
        }
        for (String key : scalars) {
            int varying = GammaRun.VARYING.indexOf(key);
            Object v = flat.get(key);
            if (varying >= 0) {
                layout[i++] = v == null ? "" : (Object) varying;
            } else if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String && !key.equals("method")) {
                layout[i++] = v == null ? "" : CsvWriter.quote(ReportWriter.exact(v));
            } else {
                return null;
            }
            if (key.equals("standardError") || key.equals("method")) {
                return null; // vary with γ and are not in GammaRun.number
            }
        }
        return layout;
    }

    /** In a {@link #runLayout}: the column of the grid index. */
    private static final Object INDEX = new Object();

    /**
     * The rows of {@code point}'s report as values of the column types: LONG a {@code Long}, DOUBLE a
     * {@code Double} ({@code "inf"} is +∞), BOOLEAN a {@code Boolean}, STRING the CSV text; null for a missing
     * value or one that does not fit the column's type (text in a numeric column).
     */
    public List<Object[]> typedRows(Point point, Report r) {
        List<Object[]> rows = cells(point, r);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = typed(row[i], columns.get(i).type());
            }
        }
        return rows;
    }

    private List<Object[]> cells(Point point, Report r) {
        ReportWriter.requireFinite(r);
        Map<String, Object> swept = swept(point, r);
        Map<String, Object> flat = nested(r.fields()) ? ReportWriter.flatten(r.fields()) : r.fields();
        int rows = curves.isEmpty() ? 1 : r.rows();
        List<Object[]> out = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            Object[] cells = new Object[columns.size()];
            int i = 0;
            if (withIndex) {
                cells[i++] = point.index();
            }
            for (Object v : swept.values()) {
                cells[i++] = v;
            }
            for (String c : curves) {
                double[] col = r.columns().get(c);
                cells[i++] = col == null || row >= col.length ? null : col[row];
            }
            for (String k : scalars) {
                cells[i++] = flat.get(k);
            }
            out.add(cells);
        }
        return out;
    }

    /** One JSON line: {@code index} (with {@code --with-index}), the swept values, then every field of the report. */
    public static String jsonLine(SweepPlan plan, Point point, Report r, boolean withIndex) {
        ReportWriter.requireFinite(r);
        Map<String, Object> all = new LinkedHashMap<>();
        if (withIndex) {
            all.put("index", point.index());
        }
        all.putAll(swept(plan, point, r));
        JsonWriter.asMap(r).forEach(all::putIfAbsent);
        return JsonWriter.line(all);
    }

    /** Whether some field is a nested map (then the CSV keys are dotted: {@link ReportWriter#flatten}). */
    private static boolean nested(Map<String, Object> fields) {
        for (Object v : fields.values()) {
            if (v instanceof Map<?, ?>) {
                return true;
            }
        }
        return false;
    }

    /** {@link #swept(SweepPlan, Point, Report)} from the labels' values converted once. */
    private Map<String, Object> swept(Point point, Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < point.axes().size(); k++) {
            String key = axisKeys[k];
            String label = point.label(k);
            Object fromLabel = labelValues[k][point.coordinate(k)];
            Object echoed = r.fields().get(key);
            m.put(key, sameValue(echoed, label, fromLabel) ? echoed : fromLabel);
        }
        return m;
    }

    /** The swept values of {@code point}, by column key: the verb's echo where it is the same value, else the label. */
    static Map<String, Object> swept(SweepPlan plan, Point point, Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < point.axes().size(); k++) {
            String key = plan.axisKey(k);
            String label = point.label(k);
            Object fromLabel = fromLabel(label);
            Object echoed = r.fields().get(key);
            m.put(key, sameValue(echoed, label, fromLabel) ? echoed : fromLabel);
        }
        return m;
    }

    /** The label as a value: an integer ({@code Long}), a finite number ({@code Double}), or the text. */
    static Object fromLabel(String label) {
        if (integer(label)) {
            return Long.parseLong(label);
        }
        try {
            double d = Double.parseDouble(label);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // text: inf, opt, iso, a file name ...
        }
        return label;
    }

    /** Whether the label is an integer of {@link #fromLabel}: {@code -?[0-9]{1,18}} (a scan, no regular expression). */
    static boolean integer(String label) {
        int from = label.startsWith("-") ? 1 : 0;
        int n = label.length() - from;
        if (n < 1 || n > 18) {
            return false;
        }
        for (int i = from; i < label.length(); i++) {
            if (label.charAt(i) < '0' || label.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object echoed, String label, Object fromLabel) {
        if (echoed instanceof Number e && fromLabel instanceof Number l) {
            return e.doubleValue() == l.doubleValue();
        }
        return echoed instanceof String s && s.equalsIgnoreCase(label);
    }

    private static Type axisType(Object firstValue, List<String> labels, Object[] values) {
        boolean integers = true;
        boolean numbers = true;
        for (int j = 0; j < values.length; j++) {
            String label = labels.get(j);
            Object v = values[j]; // fromLabel(label)
            integers &= v instanceof Long;
            numbers &= v instanceof Number || infinity(label);
        }
        boolean integerValue = firstValue instanceof Long || firstValue instanceof Integer;
        if (integers && integerValue) {
            return Type.LONG;
        }
        return numbers ? Type.DOUBLE : Type.STRING;
    }

    private static Type scalarType(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return Type.LONG;
        }
        if (v instanceof Number || (v instanceof String s && infinity(s))) {
            return Type.DOUBLE;
        }
        return v instanceof Boolean ? Type.BOOLEAN : Type.STRING;
    }

    private static boolean infinity(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.equals("inf") || t.equals("+inf") || t.equals("-inf");
    }

    private static Object typed(Object v, Type type) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case LONG -> v instanceof Long || v instanceof Integer || v instanceof Short ? (Object) ((Number) v).longValue()
                    : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (Object) d.longValue() : null;
            case DOUBLE -> v instanceof Number n ? (Object) n.doubleValue()
                    : v instanceof String s && infinity(s) ? (Object) (s.trim().startsWith("-")
                            ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
            case STRING -> ReportWriter.exact(v);
        };
    }
}
