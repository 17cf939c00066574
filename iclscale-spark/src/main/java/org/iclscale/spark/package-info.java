/**
 * The Apache Spark runner of sweeps ({@code iclscale-spark sweep VERB ...}, module iclscale-spark, built only with
 * {@code -Pspark}): the grid of {@code iclscale sweep} split into many contiguous blocks of grid indices, each block
 * a Spark task that rebuilds the same {@link org.iclscale.cli.SweepPlan} from the verb's arguments (the driver ships
 * only the arguments, the column layout and the block bounds) and evaluates its points through the same verb code
 * as the in-JVM sweep. Output: Parquet (typed columns, with the grid index), CSV or JSON lines on any Hadoop path
 * (part files in index order: {@code cat DIR/part-*} is the in-JVM sweep's output byte for byte), or streamed to
 * standard output in index order (windows of partitions collected in parallel, written in order).
 *
 * <p>Classpath rules (issue 12): Spark is {@code provided}; Spark's Jackson wins in this module; iclscale-symbolic and
 * Symja are not on it (the numeric verbs never load them); slf4j 2.0.x binds to Spark's log4j2.
 */
package org.iclscale.spark;
