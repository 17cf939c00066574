package org.iclscale.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.plot.Plot;
import org.iclscale.io.Report;

/** A paper figure: an id ("1c", "2", ...), a title and its panels. */
public record Figure(String id, String title, List<Panel> panels, List<String> notes) {

    /**
     * One panel: file stem (e.g. {@code fig2a}), caption, the chart and the CSV tables behind it (key = file
     * suffix: "" for the curves, "-minima", "-simulation", ...).
     */
    public record Panel(String name, String caption, Plot plot, Map<String, Report> data) {
        public Panel(String name, String caption, Plot plot, Report curves) {
            this(name, caption, plot, new LinkedHashMap<>(Map.of("", curves)));
        }

        public Panel with(String suffix, Report extra) {
            Map<String, Report> m = new LinkedHashMap<>(data);
            m.put(suffix, extra);
            return new Panel(name, caption, plot, m);
        }
    }
}
