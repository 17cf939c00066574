package org.iclscale.symbolic;

import java.util.List;
import java.util.Objects;
import org.matheclipse.core.interfaces.IExpr;

/**
 * An expression typed by a user (a {@code check} EXPR, a {@code derive --set} value), parsed by Symja's parser
 * without any evaluation and accepted by {@link ExpressionPolicy}: only this checked tree is ever evaluated (the
 * text is never re-read). Immutable; obtain one from {@link SymbolicEngine#parse}.
 */
public final class UserExpression {

    private final String text;
    private final IExpr tree;
    private final List<String> freeVariables;

    UserExpression(String text, IExpr tree, List<String> freeVariables) {
        this.text = Objects.requireNonNull(text);
        this.tree = Objects.requireNonNull(tree);
        this.freeVariables = List.copyOf(freeVariables);
    }

    /** The text as the user typed it. */
    public String text() {
        return text;
    }

    /** The variables of the vocabulary it uses (iterator variables excluded), sorted; library symbols not expanded. */
    public List<String> freeVariables() {
        return freeVariables;
    }

    /** The checked tree (package-private: no Symja type leaves this package). */
    IExpr tree() {
        return tree;
    }

    /** At most {@code max} characters of the text (error messages quote a bounded excerpt). */
    public String excerpt(int max) {
        String one = text.replaceAll("\\s+", " ").trim();
        return one.length() <= max ? one : one.substring(0, Math.max(0, max - 3)) + "...";
    }

    @Override
    public String toString() {
        return excerpt(200);
    }
}
