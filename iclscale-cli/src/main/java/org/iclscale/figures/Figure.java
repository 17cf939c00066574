package org.iclscale.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.io.Report;
import org.iclscale.plot.Chart;
import org.iclscale.plot.Plot;

/** A paper figure: an id ("1", "2", ...), a title, its panels and notes. */
public record Figure(String id, String title, List<Panel> panels, List<String> notes) {

    public Figure {
        panels = List.copyOf(panels);
        notes = List.copyOf(notes);
    }

    /**
     * One panel: file stem (e.g. {@code fig2a}), caption, the chart (drawn by every writer of {@code plot}) and the
     * wide CSV tables behind it (key = file suffix: "" for the curves, "-minima", "-simulation", ...).
     */
    public record Panel(String name, String caption, Chart chart, Map<String, Report> data) {
        public Panel {
            data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }

        public Panel(String name, String caption, Chart chart, Report curves) {
            this(name, caption, chart, Map.of("", curves));
        }

        public Panel with(String suffix, Report extra) {
            Map<String, Report> m = new LinkedHashMap<>(data);
            m.put(suffix, extra);
            return new Panel(name, caption, chart, m);
        }

        /** The XChart drawing of the chart. */
        public Plot plot() {
            return Plot.of(chart);
        }
    }
}
