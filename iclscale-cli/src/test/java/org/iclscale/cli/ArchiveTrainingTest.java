package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The launcher's class-data training run: every command of it must succeed, or its classes miss the archive. */
class ArchiveTrainingTest {

    @Test
    void everyTrainingCommandSucceeds() {
        for (String[] command : ArchiveTraining.COMMANDS) {
            CliHarness.Run run = CliHarness.run(command);
            assertEquals(0, run.code(), String.join(" ", command) + ": " + run.err());
        }
    }
}
