package org.iclscale.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.iclscale.cli.SweepCommand;
import org.iclscale.cli.SweepPlan;
import org.iclscale.cli.SweepTable;
import org.iclscale.io.Report;
import org.iclscale.sweep.Point;
import org.iclscale.sweep.PointFailedException;

/**
 * What the driver ships to every task: the verb, its arguments (lists and ranges as written), the options not
 * expanded, and the column layout fixed by grid point 0. A task rebuilds the {@link SweepPlan} from these (once per
 * JVM, {@link #plan()}), so no point or converted value travels over the network; it evaluates a {@link Block} of
 * indices lazily, one point after the other, with a verb instance of its own.
 *
 * @param layout the CSV/Parquet columns (null for JSON lines, which carry every field)
 * @param header whether block 0 starts with the CSV header
 */
record SweepJob(String verb, List<String> args, Set<String> noExpand, SweepTable.Layout layout, boolean withIndex,
        boolean header) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Plans rebuilt in this JVM (an executor runs many tasks of one job). */
    private static final Map<SweepJob, SweepPlan> PLANS = new ConcurrentHashMap<>();
    /** A verb instance per executor thread and sweep (a worker is not thread-safe; tasks reuse pooled threads). */
    private static final ThreadLocal<Map<SweepJob, SweepPlan.Worker>> WORKERS = ThreadLocal.withInitial(HashMap::new);

    SweepJob {
        args = List.copyOf(args);
        noExpand = Set.copyOf(noExpand);
    }

    /** The plan of this sweep, converted and validated once per JVM. */
    SweepPlan plan() {
        return PLANS.computeIfAbsent(this, j -> SweepPlan.of(j.verb, j.args, j.noExpand));
    }

    /** Block {@code b} as CSV lines (the header first in the block that starts at index 0, if asked). */
    Iterator<String> csvLines(Block b) {
        SweepPlan plan = plan();
        SweepTable table = SweepTable.of(plan, layout);
        Iterator<String> rows = flat(b, plan, (p, r) -> table.csvRows(p, r));
        if (!(header && b.from() == 0)) {
            return rows;
        }
        return prepend(table.csvHeader(), rows);
    }

    /** Block {@code b} as JSON lines. */
    Iterator<String> jsonLines(Block b) {
        SweepPlan plan = plan();
        return flat(b, plan, (p, r) -> List.of(SweepTable.jsonLine(plan, p, r, withIndex)));
    }

    /** Block {@code b} as typed rows of the layout's columns (see {@link SweepTable#typedRows}). */
    Iterator<Object[]> typedRows(Block b) {
        SweepPlan plan = plan();
        SweepTable table = SweepTable.of(plan, layout);
        return flat(b, plan, table::typedRows);
    }

    /** The outputs of the points of {@code b}, in index order, computed as the iterator is read. */
    private <T> Iterator<T> flat(Block b, SweepPlan plan, BiFunction<Point, Report, List<T>> out) {
        SweepPlan.Worker worker = WORKERS.get().computeIfAbsent(this, j -> plan.newWorker());
        return new Iterator<>() {
            private long next = b.from();
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < b.to()) {
                    Point p = plan.grid().point(next++);
                    List<T> items;
                    try {
                        items = out.apply(p, worker.evaluate(p));
                    } catch (RuntimeException | Error e) {
                        throw TaskFailure.of(SweepCommand.failure(new PointFailedException(p, e)));
                    }
                    current = items.iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private static Iterator<String> prepend(String first, Iterator<String> rest) {
        List<String> head = new ArrayList<>(List.of(first));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !head.isEmpty() || rest.hasNext();
            }

            @Override
            public String next() {
                return head.isEmpty() ? rest.next() : head.remove(0);
            }
        };
    }
}
