package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * {@code sweep --progress always|auto|never}: the bar only on an interactive terminal after 1 s (auto), plain lines
 * when forced on a redirected stderr (always), nothing (never); a bad value is exit 2 naming the option.
 */
class SweepProgressTest {

    private static final String[] SWEEP = {"optimum", "--alpha", "0.5,1,2", "--depth", "1,2"};

    private static CliHarness.Run sweep(String... progress) {
        String[] args = new String[1 + progress.length + SWEEP.length];
        args[0] = "sweep";
        System.arraycopy(progress, 0, args, 1, progress.length);
        System.arraycopy(SWEEP, 0, args, 1 + progress.length, SWEEP.length);
        return CliHarness.run(args);
    }

    @Test
    void parsesTheThreeModes() {
        assertEquals(SweepCommand.ProgressMode.AUTO, SweepCommand.ProgressMode.parse("auto"));
        assertEquals(SweepCommand.ProgressMode.ALWAYS, SweepCommand.ProgressMode.parse(" Always "));
        assertEquals(SweepCommand.ProgressMode.NEVER, SweepCommand.ProgressMode.parse("NEVER"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepCommand.ProgressMode.parse("sometimes"));
        assertTrue(e.getMessage().contains("--progress") && e.getMessage().contains("sometimes"), e.getMessage());
    }

    @Test
    void badValueIsExitTwo() {
        CliHarness.Run r = sweep("--progress", "yes");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--progress") && r.err().contains("yes") && r.err().contains("always"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    /** In tests stderr is not a terminal: auto (the default) and never print nothing; the CSV is unchanged. */
    @Test
    void autoAndNeverAreSilentWhenRedirected() {
        CliHarness.Run auto = sweep();
        CliHarness.Run explicitAuto = sweep("--progress", "auto");
        CliHarness.Run never = sweep("--progress", "never");
        for (CliHarness.Run r : new CliHarness.Run[] {auto, explicitAuto, never}) {
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            assertEquals(auto.out(), r.out());
        }
        assertEquals(7, auto.out().lines().count());
    }

    /** always on a redirected stderr: plain lines (no carriage return), the last one at 100 %. */
    @Test
    void alwaysWritesPlainLinesToALog() {
        CliHarness.Run r = sweep("--progress", "always");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("\r"), "no carriage returns in a log");
        assertTrue(r.err().strip().endsWith("s") && r.err().contains("sweep: 6/6 points (100%)"), r.err());
        assertEquals(sweep().out(), r.out());
    }

    /** The terminal bar: carriage returns, a final newline; auto waits 1 s, always does not. */
    @Test
    void terminalBar() {
        StringWriter s = new StringWriter();
        SweepCommand.Progress p = new SweepCommand.Progress(4, SweepCommand.ProgressMode.ALWAYS, true, new PrintWriter(s));
        for (int i = 1; i <= 4; i++) {
            p.done(i);
        }
        p.finish();
        assertTrue(s.toString().startsWith("\rsweep [") && s.toString().contains("4/4 100%"), s.toString());
        assertTrue(s.toString().endsWith(System.lineSeparator()));
        StringWriter quick = new StringWriter();
        SweepCommand.Progress auto = new SweepCommand.Progress(4, SweepCommand.ProgressMode.AUTO, true, new PrintWriter(quick));
        assertTrue(auto.enabled());
        for (int i = 1; i <= 4; i++) {
            auto.done(i);
        }
        auto.finish();
        assertEquals("", quick.toString(), "auto: nothing for a sweep shorter than 1 s");
        assertFalse(new SweepCommand.Progress(4, SweepCommand.ProgressMode.AUTO, false, new PrintWriter(quick)).enabled());
        assertFalse(new SweepCommand.Progress(4, SweepCommand.ProgressMode.NEVER, true, new PrintWriter(quick)).enabled());
    }
}
