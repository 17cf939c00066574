package org.iclscale.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iclscale.core.ComputationException;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    private static String render(OutputFormat format, Report report) {
        StringWriter sw = new StringWriter();
        format.writer().write(report, new PrintWriter(sw));
        return sw.toString();
    }

    private static Report sample() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("loss", 0.25);
        nested.put("time", 0.5);
        return new Report("sample").put("alpha", 1.5).put("depth", 4).put("method", "a, b").put("computeOptimal", nested)
                .column("time", new double[] {1, 10}).column("loss", new double[] {0.5, 0.125}).note("a note");
    }

    @Test
    void jsonIsOneObjectWithFieldsColumnsAndNotes() throws Exception {
        JsonNode node = new ObjectMapper().readTree(render(OutputFormat.JSON, sample()));
        assertEquals(1.5, node.get("alpha").asDouble());
        assertEquals(4, node.get("depth").asInt());
        assertEquals(0.25, node.get("computeOptimal").get("loss").asDouble());
        assertEquals(0.125, node.get("loss").get(1).asDouble());
        assertEquals("a note", node.get("notes").get(0).asText());
    }

    @Test
    void csvRepeatsScalarsOnEveryRowAndQuotesCommas() {
        String[] lines = render(OutputFormat.CSV, sample()).split("\\R");
        assertEquals("time,loss,alpha,depth,method,computeOptimal.loss,computeOptimal.time", lines[0]);
        assertEquals("10,0.125,1.5,4,\"a, b\",0.25,0.5", lines[2]);
        assertEquals(3, lines.length);
    }

    @Test
    void csvWithoutColumnsIsHeaderAndOneRow() {
        String[] lines = render(OutputFormat.CSV, new Report("x").put("loss", 0.1).put("gamma", 2.0)).split("\\R");
        assertEquals("loss,gamma", lines[0]);
        assertEquals("0.1,2", lines[1]);
    }

    @Test
    void tableAlignsColumnsAndPrintsNotes() {
        String text = render(OutputFormat.TABLE, sample());
        assertTrue(text.startsWith("sample"));
        assertTrue(text.contains("computeOptimal.loss"));
        assertTrue(text.contains("# a note"));
    }

    @Test
    void texUsesTheReportsOwnTexWhenPresent() {
        assertEquals("\\frac{1}{2}", render(OutputFormat.TEX, new Report("x").put("a", 1.0).tex("\\frac{1}{2}")).trim());
        assertTrue(render(OutputFormat.TEX, sample()).contains("\\begin{tabular}{rr}"));
    }

    @Test
    void everyWriterRefusesNonFiniteNumbers() {
        for (OutputFormat f : OutputFormat.values()) {
            Report nanField = new Report("bad").put("loss", Double.NaN);
            Report infColumn = new Report("bad").column("loss", new double[] {1, Double.POSITIVE_INFINITY});
            Map<String, Object> nested = Map.of("x", Double.NEGATIVE_INFINITY);
            Report infNested = new Report("bad").put("computeOptimal", nested);
            assertThrows(ComputationException.class, () -> render(f, nanField), f.name());
            assertThrows(ComputationException.class, () -> render(f, infColumn), f.name());
            assertThrows(ComputationException.class, () -> render(f, infNested), f.name());
        }
    }

    @Test
    void humanNumbersHaveTenSignificantDigits() {
        assertEquals("0.3333333333", ReportWriter.human(1.0 / 3));
        assertEquals("1.234567891e-7", ReportWriter.human(1.2345678912e-7));
        assertEquals("42", ReportWriter.human(42.0));
    }

    @Test
    void columnsMustHaveEqualLength() {
        Report r = new Report("x").column("a", new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> r.column("b", new double[] {1}));
    }
}
