package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iclscale.core.ParameterGrid;
import org.junit.jupiter.api.Test;

/**
 * The sweep's output stream, which is flushed every {@link SweepCommand#FLUSH_ROWS} points and whenever the sweep
 * waits for a point, not once per row (issue 17 goal 2): every row arrives, in grid order; a reader that goes away
 * ends the sweep with exit 1 and one line on stderr, no stack trace, and the line's count of written points never
 * exceeds the rows that reached the reader.
 */
class SweepOutputStreamTest {

    private static final String[] WISHART = {"risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "100",
        "--depth", "4", "--alpha", "0.5"};
    private static final Pattern STOPPED = Pattern.compile(
            "iclscale sweep: cannot write to standard output \\(closed pipe or full device\\) after (\\d+) of (\\d+) "
                    + "points; stopped");

    private static String[] sweep(String format, String gammas, String... extra) {
        String[] head = {"sweep", "--format", format, "--threads", "2"};
        String[] args = new String[head.length + extra.length + WISHART.length + 2];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(extra, 0, args, head.length, extra.length);
        System.arraycopy(WISHART, 0, args, head.length + extra.length, WISHART.length);
        args[args.length - 2] = "--gamma";
        args[args.length - 1] = gammas;
        return args;
    }

    /**
     * Every row, in order, across many flushes: a batched γ sweep of 3,000 points (24 blocks of 128, 11 flushes of
     * 256 rows) has the header, then exactly the range's γ in order, each row with the grid index of its line; the
     * bytes do not depend on the number of worker threads, and JSON lines come in the same order.
     */
    @Test
    void everyRowArrivesInGridOrder() {
        String gammas = "0.5:5.4:lin:3000";
        List<String> labels = ParameterGrid.parse("--gamma", gammas);
        CliHarness.Run csv = CliHarness.run(sweep("csv", gammas, "--with-index"));
        assertEquals(0, csv.code(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals(labels.size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("index,gamma,"), lines.get(0));
        for (int i = 0; i < labels.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(Integer.toString(i), cells[0], "line " + (i + 1));
            assertEquals(labels.get(i), cells[1], "line " + (i + 1));
        }
        String[] oneThread = sweep("csv", gammas, "--with-index");
        oneThread[4] = "1";
        assertEquals(csv.out(), CliHarness.run(oneThread).out(), "the same bytes on one worker thread");

        CliHarness.Run json = CliHarness.run(sweep("json", gammas, "--with-index"));
        assertEquals(0, json.code(), json.err());
        List<String> jsonLines = json.out().lines().toList();
        assertEquals(labels.size(), jsonLines.size());
        for (int i = 0; i < labels.size(); i++) {
            assertTrue(jsonLines.get(i).startsWith("{\"index\":" + i + ",\"gamma\":"), jsonLines.get(i));
        }
    }

    /**
     * A device that fails after 3,000 bytes under a batched γ sweep of 100,000 points: exit 1, one line, and the
     * count it gives is at most the complete rows that the device took (a row held in the buffer is not counted).
     */
    @Test
    void aFailingDeviceStopsABatchedSweepAndTheCountIsNotTooHigh() {
        int limit = 3000;
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (taken.size() >= limit) {
                    throw new IOException("No space left on device");
                }
                taken.write(b);
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new PrintStream(failing, true), true), new PrintWriter(err, true),
                sweep("csv", "0.5:5.4:lin:100000"));
        assertEquals(1, code, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        Matcher m = STOPPED.matcher(err.toString().strip());
        assertTrue(m.matches(), err.toString());
        assertEquals("100000", m.group(2));
        long rowsTaken = taken.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() - 1; // header
        assertTrue(Long.parseLong(m.group(1)) <= Math.max(0, rowsTaken), m.group(1) + " counted, " + rowsTaken + " taken");
    }

    /**
     * {@code iclscale sweep ... | head -1} as a separate JVM: the reader closes the pipe after the header; the sweep
     * ends with exit 1 and exactly the one line on stderr (no stack trace), long before its 400,000 points.
     */
    @Test
    void aClosedPipeEndsTheSweepWithOneLine() throws Exception {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] args = sweep("csv", "0.5:5.4:lin:400000");
        String[] command = new String[args.length + 6];
        System.arraycopy(new String[] {java, "-XX:+UseSerialGC", "-Xss16m", "-cp", cp, "org.iclscale.cli.Main"}, 0,
                command, 0, 6);
        System.arraycopy(args, 0, command, 6, args.length);
        Process p = new ProcessBuilder(command).start();
        String first;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            first = r.readLine(); // then close: the reader goes away, as head -1 does
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the sweep stops when its reader is gone");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(first != null && first.startsWith("gamma,"), first);
        assertEquals(1, p.exitValue(), err);
        assertEquals(1, err.strip().lines().count(), err);
        Matcher m = STOPPED.matcher(err.strip());
        assertTrue(m.matches(), err);
        assertTrue(Long.parseLong(m.group(1)) < 400_000, err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
