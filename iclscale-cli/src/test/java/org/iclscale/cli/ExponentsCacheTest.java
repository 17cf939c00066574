package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exponents} with the launcher's build cache (issue 17 item 6): the run that stores the symbolic
 * derivations and a later run at another point on the same branches print exactly what a run without the cache
 * prints (JSON and TeX). Reuse itself is tested in iclscale-symbolic's DerivationCacheTest (the classes of a
 * test run have no code identity, so here each run may derive again: the output must not depend on which).
 */
class ExponentsCacheTest {

    @Test
    void cachedRunsPrintWhatSymjaPrints(@TempDir Path dir) throws Exception {
        String[][] commands = {
            {"exponents", "--nu", "1.25", "--beta", "0.75", "--compute", "t*N^2*L", "--format", "json"},
            {"exponents", "--nu", "1.3", "--beta", "0.7", "--compute", "t*N^2*L", "--format", "json"},
            {"exponents", "--nu", "1.25", "--beta", "0.75", "--format", "tex"},
            {"exponents", "--nu", "1.5", "--beta", "2.5", "--format", "json"}};
        String[] live = new String[commands.length];
        for (int i = 0; i < commands.length; i++) {
            CliHarness.Run r = CliHarness.run(commands[i]);
            assertEquals(0, r.code(), r.err());
            live[i] = r.out();
        }
        String previous = System.getProperty(BuildCache.PROPERTY);
        System.setProperty(BuildCache.PROPERTY, dir.toString());
        try {
            for (int round = 0; round < 2; round++) { // the first round stores, the second may read
                for (int i = 0; i < commands.length; i++) {
                    assertEquals(live[i], CliHarness.run(commands[i]).out(), String.join(" ", commands[i]));
                }
            }
            try (var files = Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("derivation-")),
                        "the derivations were stored");
            }
        } finally {
            if (previous == null) {
                System.clearProperty(BuildCache.PROPERTY);
            } else {
                System.setProperty(BuildCache.PROPERTY, previous);
            }
        }
    }
}
