package org.iclscale.symbolic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iclscale.core.NearestName;

/**
 * What a user's expression may contain (issue 18, "expressions are code"): an allow-list of mathematical heads
 * (arithmetic, elementary and special functions, comparisons for {@code Piecewise}, {@code Sum}/{@code Product}
 * with bounded iterators) and constants; the formula library's symbols read-only and the model's variables come
 * from a {@link Vocabulary}. Everything else is refused before anything is evaluated; the refusal names the head
 * and, for the known dangerous ones, its family (files, processes, Java, network, environment, dialogs,
 * assignments, patterns, definitions, programming).
 */
public final class ExpressionPolicy {

    /** Longest accepted input text (characters). */
    public static final int MAX_LENGTH = 20_000;

    /** Deepest accepted nesting of brackets in the text, and of the parsed tree. */
    public static final int MAX_DEPTH = 200;

    /** Most terms of a Sum/Product with literal integer bounds. */
    public static final long MAX_TERMS = 1_000_000;

    /** Heads whose arguments are plain mathematics. */
    static final Set<String> FUNCTIONS = Set.of(
            // arithmetic
            "Plus", "Times", "Power", "Sqrt", "CubeRoot", "Surd", "Subtract", "Divide", "Minus", "Abs", "Sign", "Max",
            "Min", "Floor", "Ceiling", "Round", "IntegerPart", "FractionalPart", "Mod", "Quotient", "Rational",
            "Complex", "Re", "Im", "Conjugate", "Arg", "Clip", "UnitStep", "HeavisideTheta", "KroneckerDelta",
            "Boole", "Piecewise", "List",
            // comparisons and logic (conditions of Piecewise, Boole)
            "Less", "LessEqual", "Greater", "GreaterEqual", "Equal", "Unequal", "Inequality", "And", "Or", "Not",
            // elementary functions
            "Exp", "Log", "Log2", "Log10", "Sin", "Cos", "Tan", "Cot", "Sec", "Csc", "ArcSin", "ArcCos", "ArcTan",
            "ArcCot", "ArcSec", "ArcCsc", "Sinh", "Cosh", "Tanh", "Coth", "Sech", "Csch", "ArcSinh", "ArcCosh",
            "ArcTanh", "ArcCoth", "ArcSech", "ArcCsch", "Sinc",
            // special functions and combinatorics
            "Gamma", "LogGamma", "Beta", "Binomial", "Multinomial", "Factorial", "Factorial2", "Pochhammer",
            "CatalanNumber", "BernoulliB", "HarmonicNumber", "PolyGamma", "Zeta", "PolyLog", "Erf", "Erfc",
            "ExpIntegralE", "ExpIntegralEi", "LogIntegral", "Hypergeometric2F1", "Hypergeometric1F1",
            "HypergeometricPFQ", "BesselJ", "BesselY", "BesselI", "BesselK", "AiryAi", "AiryBi", "LegendreP",
            "ChebyshevT", "ChebyshevU", "HermiteH", "LaguerreL", "GegenbauerC", "JacobiP", "EllipticK", "EllipticE",
            "ProductLog", "BetaRegularized", "GammaRegularized", "StirlingS1", "StirlingS2",
            // finite sums and products (iterators checked separately)
            "Sum", "Product");

    /** Built-in constants (atoms). */
    static final Set<String> CONSTANTS = Set.of("Pi", "E", "I", "EulerGamma", "Catalan", "GoldenRatio", "Degree",
            "True", "False");

    /** Heads that bind an iterator variable. */
    static final Set<String> ITERATING = Set.of("Sum", "Product");

    /** Known non-mathematical heads by family, for the refusal message. */
    private static final Map<String, String> FAMILIES = new LinkedHashMap<>();

    static {
        family("file access", "Export", "ExportString", "Import", "ImportString", "Get", "Put", "PutAppend", "Save",
                "DumpSave", "OpenRead", "OpenWrite", "OpenAppend", "Close", "Read", "ReadList", "ReadString", "Write",
                "WriteString", "WriteLine", "CreateFile", "CreateDirectory", "CopyFile", "CopyDirectory", "DeleteFile",
                "DeleteDirectory", "RenameFile", "FileNames", "FileExistsQ", "Directory", "SetDirectory",
                "ParentDirectory", "FilePrint", "File", "BinaryRead", "BinaryWrite", "Splice", "Compress",
                "Uncompress", "Find", "Skip", "StringToStream");
        family("process control", "Run", "RunProcess", "StartProcess", "KillProcess", "SystemOpen", "Install", "Exit",
                "Quit", "Pause", "Abort", "Interrupt", "TimeConstrained", "MemoryConstrained", "ParallelEvaluate");
        family("Java access", "JavaNew", "LoadJavaClass", "JavaObject", "JavaClass", "JavaShow", "JavaObjectQ",
                "InstanceOf", "AddToClassPath", "JavaForm", "Compile", "CompiledFunction", "CompilePrint",
                "ExternalEvaluate", "StartExternalSession");
        family("network access", "URLFetch", "URLRead", "URLExecute", "URLSave", "URLSubmit", "HTTPRequest",
                "SendMail", "ServiceConnect", "ServiceExecute", "SocketConnect", "SocketOpen");
        family("environment access", "Environment", "GetEnvironment", "SetEnvironment", "SystemInformation",
                "MemoryInUse", "MaxMemoryUsed", "SessionTime", "AbsoluteTime", "Date", "DateList", "DateString",
                "Now", "RandomInteger", "RandomReal", "RandomChoice", "RandomSample", "SeedRandom", "Names");
        family("dialogs and printing", "Input", "InputString", "SystemDialogInput", "Dialog", "ChoiceDialog",
                "Print", "Echo", "Message", "Beep", "Speak", "Show", "Plot", "Manipulate");
        family("assignment", "Set", "SetDelayed", "UpSet", "UpSetDelayed", "TagSet", "TagSetDelayed", "Unset",
                "Clear", "ClearAll", "Remove", "AddTo", "SubtractFrom", "TimesBy", "DivideBy", "Increment",
                "Decrement", "PreIncrement", "PreDecrement", "AppendTo", "PrependTo");
        family("redefinition of built-ins", "Unprotect", "Protect", "SetAttributes", "ClearAttributes", "Attributes",
                "Definition", "DownValues", "UpValues", "OwnValues", "SubValues", "Options", "SetOptions", "Begin",
                "BeginPackage", "End", "EndPackage", "Needs", "Information", "Context");
        family("pattern definition", "Pattern", "Blank", "BlankSequence", "BlankNullSequence", "Optional",
                "Condition", "PatternTest", "Alternatives", "Repeated", "RepeatedNull", "Except", "Rule",
                "RuleDelayed", "ReplaceAll", "ReplaceRepeated", "Replace", "ReplacePart");
        family("programming constructs", "CompoundExpression", "Module", "Block", "With", "Function", "Slot",
                "SlotSequence", "While", "Do", "For", "Nest", "NestList", "NestWhile", "FixedPoint", "FixedPointList",
                "Table", "Array", "Map", "MapAt", "Apply", "Scan", "Fold", "FoldList", "If", "Which", "Switch",
                "Return", "Throw", "Catch", "Goto", "Label", "Evaluate", "ReleaseHold", "Hold", "HoldForm",
                "HoldComplete", "Unevaluated", "ToExpression", "Symbol", "ToString", "Trace", "Sow", "Reap",
                "Timing", "AbsoluteTiming", "Out", "In", "Derivative", "D", "Integrate", "NIntegrate", "Limit",
                "Series", "Solve", "NSolve", "FindRoot", "Simplify", "FullSimplify", "Expand", "Factor", "Together",
                "N", "NSum", "NProduct", "Dot", "NonCommutativeMultiply");
    }

    private static void family(String name, String... heads) {
        for (String h : heads) {
            FAMILIES.put(h, name);
        }
    }

    private ExpressionPolicy() {
    }

    /**
     * The names a user may refer to besides the built-in allow-list: the model's variables (free symbols) and the
     * formula library's symbols, plain ones as values and function ones as heads (read-only: assignments are
     * refused everywhere).
     *
     * @param variables free symbols allowed (the formula's domain variables; empty for constant input)
     * @param libraryValues plain library symbols ({@code isoOptimalLoss})
     * @param libraryFunctions library function heads ({@code mpMoment})
     * @param context how to name the allowed variables in a refusal ("a variable of isoOptimalLoss (domain ...)")
     */
    public record Vocabulary(Set<String> variables, Set<String> libraryValues, Set<String> libraryFunctions,
            String context) {

        public Vocabulary {
            variables = Set.copyOf(variables);
            libraryValues = Set.copyOf(libraryValues);
            libraryFunctions = Set.copyOf(libraryFunctions);
        }

        /** Constants only: numbers, allowed functions and constants, no variables, no library symbols. */
        public static Vocabulary constants() {
            return new Vocabulary(Set.of(), Set.of(), Set.of(), "a constant (a number or an expression without variables)");
        }

        /** This vocabulary with other variables (same library). */
        public Vocabulary withVariables(Set<String> names, String newContext) {
            return new Vocabulary(names, libraryValues, libraryFunctions, newContext);
        }
    }

    /** Whether {@code head} is an allowed built-in function. */
    public static boolean allowedFunction(String head) {
        return FUNCTIONS.contains(head);
    }

    /** Whether {@code name} is an allowed built-in constant. */
    public static boolean allowedConstant(String name) {
        return CONSTANTS.contains(name);
    }

    /** The family of a known non-mathematical head ("file access", ...), or null. */
    public static String family(String head) {
        return FAMILIES.get(head);
    }

    /** Every allowed built-in function, sorted (for help texts and the README). */
    public static List<String> functions() {
        return List.copyOf(new TreeSet<>(FUNCTIONS));
    }

    /** The one-line reason for refusing {@code head} used as a function. */
    static String refusal(String head, Vocabulary vocabulary) {
        if (head.equals("NonCommutativeMultiply")) {
            return "'**' is not a power in Mathematica syntax: use ^ (e.g. (1+alpha)^-1)";
        }
        if (head.equals("Dot")) {
            return "'.' (Dot) is refused: write products with '*'";
        }
        if (head.startsWith("$")) {
            return head + " is refused (system and environment symbols are not mathematics)";
        }
        String family = FAMILIES.get(head);
        if (family != null) {
            return head + " is refused (" + family + "): " + allowed();
        }
        if (vocabulary.variables().contains(head) || vocabulary.libraryValues().contains(head)) {
            return head + " is a value, not a function: write '*' for a product (" + head + "*(...))";
        }
        String hint = NearestName.nearest(head, allNames(vocabulary));
        return head + " is not an allowed function" + (hint == null ? "" : " (did you mean " + hint + "?)") + ": "
                + allowed();
    }

    /** The one-line reason for refusing the symbol {@code name} used as a value. */
    static String refusedSymbol(String name, Vocabulary vocabulary, boolean builtIn) {
        if (name.startsWith("$")) {
            return name + " is refused (system and environment symbols are not mathematics)";
        }
        if (name.contains("`")) {
            return name + " is refused (context-qualified symbols are not allowed)";
        }
        if (name.equals("Infinity") || name.equals("ComplexInfinity") || name.equals("Indeterminate")) {
            return name + " is refused: expressions are compared at finite points (for a limit in a variable use "
                    + "'derive NAME --series VAR')";
        }
        if (builtIn || FAMILIES.containsKey(name) || FUNCTIONS.contains(name)) {
            String family = FAMILIES.get(name);
            return name + " is a built-in" + (family == null ? "" : " (" + family + ")") + ", not " + vocabulary.context()
                    + (name.length() == 1 ? " (the single capitals N, C, D, E, I, O are built-ins)" : "");
        }
        String hint = NearestName.nearest(name, vocabulary.variables());
        String exponent = name.matches("[eE]\\d*") ? "; note 1e-3 reads as 1*e - 3 in Mathematica syntax: write 10^-3 or 1*^-3"
                : "";
        return "uses " + name + ", not " + vocabulary.context() + (hint == null ? "" : " (did you mean " + hint + "?)")
                + exponent;
    }

    private static String allowed() {
        return "only arithmetic, elementary and special functions, Sum/Product, formula-library symbols and the "
                + "model variables are allowed";
    }

    private static Set<String> allNames(Vocabulary v) {
        Set<String> all = new TreeSet<>(FUNCTIONS);
        all.addAll(v.libraryFunctions());
        return all;
    }
}
