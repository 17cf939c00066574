package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The start-up shortcuts of {@link Main} (issue 17 item 6) change nothing a user sees. */
class StartupPathTest {

    @Test
    void versionAloneBuildsNoVerbAndPrintsWhatTheFullCommandLinePrints() {
        CommandLine alone = Main.commandLine("--version");
        assertTrue(alone.getSubcommands().isEmpty(), "verbs built for --version: " + alone.getSubcommands().keySet());
        assertTrue(Main.commandLine("-V").getSubcommands().isEmpty());
        assertEquals(Main.VERBS.size(), Main.commandLine("--version", "--help").getSubcommands().size());
        for (String option : new String[] {"--version", "-V"}) {
            assertEquals(versionText(Main.commandLine()), versionText(Main.commandLine(option)), option);
        }
    }

    @Test
    void picocliLooksForNoGroovyClosures() {
        Main.commandLine("risk");
        // picocli's DefaultFactory reads the property once; its lookup of groovy.lang.Closure opens every jar
        assertEquals("true", System.getProperty("picocli.disable.closures"));
    }

    private static String versionText(CommandLine cl) {
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute("--version"));
        return out.toString();
    }
}
