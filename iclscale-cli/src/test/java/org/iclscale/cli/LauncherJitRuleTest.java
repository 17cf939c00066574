package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's JIT rule for {@code simulate} (issue 17 goal 5): the client compiler alone for a small fs/rrs run
 * (W = trials·D·(P + N + 1)·L ≤ 1e8), C2 otherwise and whenever the rule cannot read the arguments. Asked through
 * {@code ICLSCALE_JIT_RULE=1 ./iclscale ARGS}, which prints the choice before anything is built or started.
 */
class LauncherJitRuleTest {

    private static String rule(String args) throws IOException, InterruptedException {
        Path launcher = Path.of("..", "iclscale").toAbsolutePath().normalize();
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ICLSCALE_JIT_RULE", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void smallStructuredRunsUseTheClientCompiler() throws Exception {
        assertEquals(true, Files.isRegularFile(Path.of("..", "iclscale")));
        // the README's RRS example (W = 400·200·251·2 = 4.0e7) and the FS size of bench/cold-simulate.sh (6.6e7)
        assertEquals("c1", rule("simulate --setting rrs --nu 1.25 --beta 0.75 --dim 200 --width 50 --alpha 1 --depth 2"
                + " --gamma 3 --trials 400"));
        assertEquals("c1", rule("simulate --setting fs --nu 1.5 --beta 0.8 --dim 128 --alpha 1 --depth 4 --gamma 2"
                + " --trials 1000"));
        // = forms, case-insensitive values, the width as a ratio, alpha = inf (P = 0)
        assertEquals("c1", rule("simulate --setting=RRS --dim=200 --width-ratio=0.25 --alpha=1 --depth=2 --gamma 3"
                + " --trials=400"));
        assertEquals("c1", rule("simulate --setting rrs --dim 256 --width 64 --alpha INF --depth 4 --gamma 2 --trials 1000"));
        // the boundary: 1e8 exactly, and one trial more
        assertEquals("c1", rule("simulate --setting fs --dim 100 --alpha 0.99 --depth 1 --gamma 1 --trials 10000"));
        assertEquals("c2", rule("simulate --setting fs --dim 100 --alpha 0.99 --depth 1 --gamma 1 --trials 10001"));
    }

    @Test
    void everythingElseKeepsC2() throws Exception {
        assertEquals("c2", rule("simulate --alpha 1 --depth 4 --gamma 2 --dim 200 --trials 2000 --seed 7")); // iso
        assertEquals("c2", rule("simulate --alpha 1 --depth 1 --gamma 2 --dim 20 --trials 10")); // iso, however small
        assertEquals("c2", rule("simulate --setting fs --nu 1.5 --beta 0.8 --dim 128 --alpha 1 --depth 4 --gamma 2"
                + " --trials 4000"));
        assertEquals("c2", rule("simulate --setting fs --alpha inf --dim 1000 --depth 4 --gamma 2 --trials 1000000"));
        assertEquals("c2", rule("simulate --setting fs --spectrum spectrum.csv --alpha 1 --gamma 1"));
        assertEquals("c2", rule("simulate --setting rrs --dim 100 --alpha 0.5x --gamma 1"));
        assertEquals("c2", rule("simulate --setting rrs --width 10 --alpha 1 --gamma 1")); // no --dim
        assertEquals("c2", rule("simulate --setting rrs --dim 100 --width ten --alpha 1 --gamma 1"));
    }
}
