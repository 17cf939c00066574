package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@link ChartFiles#python}'s probe finds matplotlib without importing it: it answers as the import would. */
class ChartFilesPythonProbeTest {

    @Test
    void probeAgreesWithTheImportOnEveryCandidate() throws Exception {
        int tried = 0;
        for (String python : new String[] {"python3", "/usr/bin/python3"}) {
            Integer imported = exit(python, "import matplotlib");
            if (imported == null) {
                continue; // not installed
            }
            tried++;
            assertEquals(imported == 0 ? 0 : 1, exit(python, ChartFiles.FIND_MATPLOTLIB), python);
            // and it answers no for a package that is not there
            assertEquals(1, exit(python, ChartFiles.FIND_MATPLOTLIB.replace("'matplotlib'", "'iclscale_no_such_package'")),
                    python);
        }
        assumeTrue(tried > 0, "no python3");
    }

    private static Integer exit(String python, String code) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return null;
        }
    }
}
