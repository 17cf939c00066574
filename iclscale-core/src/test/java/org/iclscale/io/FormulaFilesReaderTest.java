package org.iclscale.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shared plain-Java reader of formulas/*.m: header, comments, statements, class-path listing. */
class FormulaFilesReaderTest {

    /** The top-level formulas/ folder of the project (tests run in the module directory iclscale-core/). */
    private static final Path PROJECT_FORMULAS = Path.of("..", "formulas");


    @Test
    void parsesHeaderCommentsAndDefinitions() {
        String text = "(*\nname: demo\ntitle: a demo\nnote: first line\n  continued here\nDomain: x (0, 1]\n*)\n"
                + "y := x^2; (* a (* nested *) comment; with a semicolon *)\n"
                + "f[u_, v_] := Min[u, v] +\n   y;\nz := f[1, 2];";
        FormulaFiles.Text t = FormulaFiles.parse("demo.m", text);
        assertEquals("demo", t.name());
        assertEquals(List.of("name", "title", "note", "domain"), List.copyOf(t.header().keySet()));
        assertEquals("first line continued here", t.header().get("note"));
        assertEquals("x (0, 1]", t.header().get("domain"), "keys are lower-cased");
        assertEquals(3, t.definitions().size());
        FormulaFiles.Definition f = t.definitions().get(1);
        assertEquals("f", f.symbol());
        assertEquals("f[u_, v_]", f.lhs());
        assertEquals("Min[u, v] + y", f.rhs(), "line breaks folded");
        assertTrue(f.isFunction());
        assertFalse(t.definitions().get(0).isFunction());
        assertEquals(List.of("y := x^2", "f[u_, v_] := Min[u, v] + y", "z := f[1, 2]"), t.definitionTexts());
        assertEquals("f[1, 2]", t.rhs("z"));
        assertFalse(t.code().contains("nested"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.rhs("w"));
        assertTrue(e.getMessage().contains("formulas/demo.m") && e.getMessage().contains("w"), e.getMessage());
    }

    @Test
    void malformedTextIsRejectedNamingTheFile() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FormulaFiles.parse("a.m", "y := x;"));
        assertTrue(e.getMessage().startsWith("a.m: ") && e.getMessage().contains("header comment"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> FormulaFiles.parse("b.m", "(* name: b *)\ny = x^2;"));
        assertTrue(e.getMessage().startsWith("b.m: ") && e.getMessage().contains("y = x^2"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> FormulaFiles.read("no-such-file.m"));
        assertTrue(e.getMessage().contains("no-such-file.m"), e.getMessage());
    }

    /** The class-path listing is exactly the top-level formulas/ folder of the project (pom.xml copies it). */
    @Test
    void listsAndLoadsThePackagedFiles() throws Exception {
        List<String> onDisk;
        try (Stream<Path> s = Files.list(PROJECT_FORMULAS)) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".m")).sorted().toList();
        }
        assertFalse(onDisk.isEmpty());
        assertEquals(onDisk, FormulaFiles.names());
        FormulaFiles.Text t = FormulaFiles.load("scaling-exponents");
        assertEquals("scaling-exponents", t.header().get("name"));
        assertEquals("(q/p)*Min[s, p*m]", t.rhs("tailExponent"));
        assertEquals("Infinity", t.rhs("timeFilterDecay"));
        assertEquals(Files.readString(PROJECT_FORMULAS.resolve("scaling-exponents.m")), FormulaFiles.read("scaling-exponents.m"));
    }
}
