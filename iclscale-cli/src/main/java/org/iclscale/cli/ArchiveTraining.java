package org.iclscale.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * The run with which the launcher writes its class-data (AppCDS) archive once per build
 * ({@code java -XX:ArchiveClassesAtExit=... org.iclscale.cli.ArchiveTraining}): a few small commands of every
 * kind — picocli and the writers, the ISO and deterministic-equivalent models, the symbolic engine — so that the
 * classes most verbs load come parsed and verified from the archive (issue 17 item 6: ~0.2 CPU-s off a numeric
 * verb, ~1 s off {@code check}). The output is discarded; a command that fails only leaves its classes out.
 */
public final class ArchiveTraining {

    static final List<String[]> COMMANDS = List.of(
            new String[] {"--version"},
            new String[] {"risk", "--alpha", "1", "--depth", "16", "--gamma", "8", "--sigma", "0.5"},
            new String[] {"risk", "--alpha", "2", "--depth", "4", "--gamma", "1", "--format", "json"},
            new String[] {"optimum", "--alpha", "1", "--depth", "8", "--sigma", "0.5", "--format", "csv"},
            new String[] {"landscape", "--alpha", "1", "--depth", "8", "--points", "20"},
            new String[] {"risk", "--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "100", "--width", "20",
                "--alpha", "2", "--depth", "2", "--gamma", "1"},
            new String[] {"dynamics", "--alpha", "1", "--depth", "4", "--times", "1,10"},
            new String[] {"exponents", "--nu", "1.5", "--beta", "0.8", "--numeric-only"},
            new String[] {"check", "2*lambda*omega/(1+4*lambda^3*omega*t)", "--against", "fsModeLoss"});

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        Main.quietSymjaLogging();
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true);
        for (String[] command : COMMANDS) {
            try {
                Main.execute(sink, sink, command);
            } catch (RuntimeException | LinkageError e) {
                // a failing command only leaves its classes out of the archive
            }
        }
    }
}
