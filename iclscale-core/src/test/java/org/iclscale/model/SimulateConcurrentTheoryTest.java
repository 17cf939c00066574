package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * {@link Theory#simulate} with the theory beside the Monte Carlo ({@link SideTask}) gives the result of the sequential
 * order, field for field (the same doubles, notes in the same order), and a theory that throws fails the call with
 * its own exception, as the direct call did.
 */
class SimulateConcurrentTheoryTest {

    private static final Theory THEORY = Theory.standard();

    @Test
    void concurrentTheoryGivesTheSequentialResult() {
        List<ModelSpec> specs = List.of(
                ModelSpec.rrs(PowerLaw.of(1.25, 0.75, 60)).width(15).alpha(1).depth(2).build(),
                ModelSpec.rrs(PowerLaw.of(1.25, 0.75, 40)).width(10).alpha(Double.POSITIVE_INFINITY).depth(3).build(),
                ModelSpec.fs(PowerLaw.of(1.5, 0.8, 48)).alpha(0.7).depth(4).sigma(0.3).build(), // realised alpha note
                ModelSpec.iso().alpha(1).depth(4).build());
        for (ModelSpec spec : specs) {
            SimulationResult sequential = THEORY.simulate(spec, 2.0, 30, 50, 7, false);
            SimulationResult concurrent = THEORY.simulate(spec, 2.0, 30, 50, 7, true);
            assertEquals(sequential, concurrent, spec.toString());
            assertTrue(concurrent.theoryLoss().isPresent(), spec.toString());
            assertEquals(sequential.notes(), concurrent.notes());
        }
    }

    @Test
    void publicSimulateIsTheConcurrentPath() {
        ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.25, 0.75, 60)).width(15).alpha(1).depth(2).build();
        assertEquals(THEORY.simulate(spec, 3.0, 0, 40, 1, false), THEORY.simulate(spec, 3.0, 0, 40, 1));
    }

    @Test
    void sideTaskReturnsItsValue() {
        assertEquals(42, SideTask.start("t", () -> 42).join());
    }

    @Test
    void sideTaskRethrowsTheTheorysOwnException() {
        InvalidInputException thrown = new InvalidInputException("width", 3, "something else");
        SideTask<Object> side = SideTask.start("t", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(InvalidInputException.class, side::join));
    }

    @Test
    void sideTaskRethrowsAnError() {
        StackOverflowError thrown = new StackOverflowError("deep");
        SideTask<Object> side = SideTask.start("t", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(StackOverflowError.class, side::join));
    }

    @Test
    void anInterruptedCallerStillGetsTheValueAndKeepsItsInterrupt() {
        SideTask<Integer> side = SideTask.start("t", () -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return 7;
        });
        Thread.currentThread().interrupt();
        try {
            assertEquals(7, side.join());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
