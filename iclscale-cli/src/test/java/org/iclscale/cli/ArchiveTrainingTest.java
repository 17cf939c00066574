package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's class-data training run: every command of it must succeed, or its classes miss the archive. */
class ArchiveTrainingTest {

    @Test
    void everyTrainingCommandSucceeds() {
        for (String[] command : ArchiveTraining.COMMANDS) {
            CliHarness.Run run = CliHarness.run(command);
            assertEquals(0, run.code(), String.join(" ", command) + ": " + run.err());
        }
    }

    /** The figure of the training succeeds and draws its panels (the plotting classes are loaded). */
    @Test
    void trainingFigureSucceedsAndDrawsItsPanels(@TempDir Path dir) {
        CliHarness.Run run = CliHarness.run(ArchiveTraining.figure(dir));
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(dir.resolve("fig7a.png")), "XChart's PNG drawn");
        assertTrue(Files.exists(dir.resolve("fig7a.svg")), "SVG written");
    }
}
