/**
 * {@code iclscale serve}: the command line as a long-lived process answering JSON lines, for Python and other
 * hosts that would otherwise pay a JVM start per call. A request names a verb and its options exactly as the
 * command line does (without the dashes); the answer holds the verb's {@code --format json} object, or the
 * command line's error as data (code, option, value, valid range, the same one-line message). Nothing here knows
 * a verb: {@link org.iclscale.serve.VerbRunner} turns a request into the verb's argument vector and runs it through
 * picocli on a command line built once per worker thread. {@link org.iclscale.serve.LineServer} reads stdin and
 * answers on stdout (in parallel, or in request order); {@link org.iclscale.serve.HttpFrontEnd} offers the same on a
 * loopback port.
 */
package org.iclscale.serve;
