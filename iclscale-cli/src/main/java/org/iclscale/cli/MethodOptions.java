package org.iclscale.cli;

import org.iclscale.model.Method;
import picocli.CommandLine.Option;

/** {@code --method deteq|monte-carlo} of risk, optimum and landscape ({@link Method}; issue 16 item 13). */
public final class MethodOptions {

    @Option(names = "--method", paramLabel = "deteq|monte-carlo", defaultValue = "deteq",
            description = {"deteq (default): the regime's theory, an exact limit or a deterministic equivalent;",
                "monte-carlo: the defining in-context GD at the spectrum's D (fs, rrs; finite depth; 400 contexts",
                "per gamma, seed 1, common random numbers across gamma), with its standard error."})
    String method = "deteq";

    /** The parsed method (exit 2 naming --method otherwise). */
    public Method method() {
        return Method.parse(method);
    }
}
