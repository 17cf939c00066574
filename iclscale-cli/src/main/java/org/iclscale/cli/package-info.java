/**
 * The command line ({@code ./iclscale <verb>}): one picocli command class per verb, shared option mixins
 * and converters, exit-code mapping in {@link org.iclscale.cli.Main}. Commands only parse, validate, call a
 * model and hand the {@link org.iclscale.io.Report} to a writer; no mathematics lives here.
 */
package org.iclscale.cli;
