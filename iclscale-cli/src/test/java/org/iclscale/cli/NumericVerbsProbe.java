package org.iclscale.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.iclscale.symbolic.FormulaLibrary;
import org.iclscale.symbolic.SymbolicEngine;

/** Runs the numeric verbs (and the library listing) in a fresh JVM and reports whether Symja was started. */
public final class NumericVerbsProbe {

    private NumericVerbsProbe() {
    }

    public static void main(String[] args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        String[][] runs = {
            {"risk", "--alpha", "0.5", "--depth", "4", "--gamma", "1"},
            {"optimum", "--alpha", "2", "--depth", "3", "--format", "json"},
            {"landscape", "--alpha", "1", "--depth", "2", "--points", "10"},
            {"sgd", "--alpha", "1", "--kappa", "1", "--tau", "1", "--eta", "0.02", "--steps", "5"},
            {"derive", "--list"}};
        int failures = 0;
        for (String[] r : runs) {
            int code = Main.execute(sink, sink, r);
            if (code != 0) {
                System.out.println("exit " + code + " for " + String.join(" ", r));
                failures++;
            }
        }
        boolean plain = !FormulaLibrary.standard().names().isEmpty() && !SymbolicEngine.isStarted();
        System.out.println("symbolicEngineStarted=" + SymbolicEngine.isStarted());
        System.out.println("formulaLibraryIsPlainJava=" + plain);
        System.exit(failures == 0 ? 0 : 1);
    }
}
