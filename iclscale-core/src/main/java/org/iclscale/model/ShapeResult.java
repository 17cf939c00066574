package org.iclscale.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.iclscale.scaling.ExactShapeOptimizer;
import org.iclscale.scaling.ExactTerms;
import org.iclscale.scaling.ShapeOptimizer;

/**
 * The compute-optimal shape at one budget ({@link Theory#shape(ShapeRequest)}): the four-term optimum (continuous
 * and integer-rounded, {@link ShapeOptimizer.Shape}); with the exact loss, the exact single-bottleneck terms at the
 * four-term shape ({@link ExactTerms}) and the integer optimum of the exact joint loss ({@link ExactShape}).
 *
 * @param fourTerm the four-term optimum; {@code fourTerm.rounded()} is the reported integer shape
 * @param exactTerms the exact single-bottleneck terms at the rounded four-term shape (with the exact loss only)
 * @param exact the exact optimisation (with the exact loss only)
 */
public record ShapeResult(ShapeRequest request, ShapeOptimizer.Shape fourTerm, Optional<ExactTerms> exactTerms,
        Optional<ExactShape> exact, String method, List<String> notes) {

    public ShapeResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(fourTerm, "fourTerm");
        notes = List.copyOf(notes);
    }

    /**
     * The integer optimum of the exact joint loss at the budget.
     *
     * @param dim D of the exact loss at finite N or P
     * @param optimum the shape (t from the budget), its loss, evaluations, skipped candidates, resources at a bound
     * @param fourTermShapeLoss the exact loss at the rounded four-term shape, when it can be evaluated
     * @param fourTermShapeNotEvaluated why not, otherwise (its width exceeds D)
     */
    public record ExactShape(int dim, ExactShapeOptimizer.Result optimum, OptionalDouble fourTermShapeLoss,
            Optional<String> fourTermShapeNotEvaluated, String method) {
    }
}
