package org.iclscale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Row-major points addressed by index, and shards as contiguous blocks [floor(i n/N), floor((i+1) n/N)). */
class GridTest {

    private static final Grid G = new Grid(List.of(Axis.ofLabels("--alpha", List.of("1", "2")),
            new Axis("--depth", List.of("1", "4", "16"), List.of(1, 4, 16))));

    @Test
    void pointsAreRowMajorLastAxisFastest() {
        assertEquals(6, G.size());
        assertEquals(List.of("1", "1"), labels(G.point(0)));
        assertEquals(List.of("1", "16"), labels(G.point(2)));
        assertEquals(List.of("2", "1"), labels(G.point(3)));
        assertEquals(List.of("2", "16"), labels(G.point(5)));
        assertEquals(16, G.point(5).value(1), "typed values travel with the labels");
        assertEquals("point 4 of 6 (--alpha 2 --depth 1)", G.point(3).where());
        assertThrows(IndexOutOfBoundsException.class, () -> G.point(6));
        assertEquals(1, new Grid(List.of()).size(), "no axes: one point");
        assertEquals("point 1 of 1", new Grid(List.of()).point(0).where());
    }

    /** The index of a point, recomputed from its coordinates, is the index it was built from. */
    @Test
    void indexAndCoordinatesAreInverse() {
        Grid g = new Grid(List.of(Axis.ofLabels("a", List.of("1", "2", "3")), Axis.ofLabels("b", List.of("1", "2")),
                Axis.ofLabels("c", List.of("1", "2", "3", "4", "5"))));
        for (long i = 0; i < g.size(); i++) {
            Point p = g.point(i);
            long back = (p.coordinate(0) * 2L + p.coordinate(1)) * 5 + p.coordinate(2);
            assertEquals(i, back);
        }
    }

    @Test
    void shardsAreDisjointContiguousAndCoverTheGrid() {
        for (long n : new long[] {0, 1, 5, 6, 7, 10_000, 9_999_999}) {
            for (int count : new int[] {1, 2, 3, 4, 7, 16, 1000}) {
                long expectedFrom = 0;
                long smallest = Long.MAX_VALUE;
                long largest = 0;
                for (int i = 0; i < count; i++) {
                    IndexRange b = new Shard(i, count).block(n);
                    assertEquals(expectedFrom, b.from(), "shard " + i + "/" + count + " of " + n);
                    assertEquals(Math.floorDiv((long) i * n, count), b.from());
                    expectedFrom = b.to();
                    smallest = Math.min(smallest, b.size());
                    largest = Math.max(largest, b.size());
                }
                assertEquals(n, expectedFrom, "the last block ends at n");
                assertTrue(largest - smallest <= 1, "balanced to one point");
            }
        }
        assertEquals(new IndexRange(2500, 5000), new Shard(1, 4).block(10_000));
    }

    @Test
    void shardParsing() {
        assertEquals(new Shard(3, 8), Shard.parse("shard", "3/8"));
        assertEquals(new Shard(0, 1), Shard.parse("shard", " 0 / 1 "));
        assertEquals("3/8", Shard.parse("shard", "3/8").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/0", "3/2", "2/2", "-1/4", "1/-4", "text", "", "1/", "/4", "1.5/4", "1/4/5", "1/2000000",
        "99999999999/100000000000"})
    void badShardsNameTheParameterAndTheValidForm(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Shard.parse("shard", text));
        assertTrue(e.getMessage().startsWith("shard: '" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("0 <= I < N"), e.getMessage());
    }

    @Test
    void tooLargeAGridNamesTheAxis() {
        List<String> thousand = java.util.stream.IntStream.range(0, 1000).mapToObj(Integer::toString).toList();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Grid(List.of(
                Axis.ofLabels("--alpha", thousand), Axis.ofLabels("--depth", thousand), Axis.ofLabels("--sigma", thousand))));
        assertTrue(e.getMessage().startsWith("--sigma: the sweep has more than 10000000 points"), e.getMessage());
    }

    private static List<String> labels(Point p) {
        return java.util.stream.IntStream.range(0, p.axes().size()).mapToObj(p::label).toList();
    }
}
