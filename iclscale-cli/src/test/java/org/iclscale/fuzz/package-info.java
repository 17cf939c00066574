/**
 * The command-line fuzz harness of issue 18: {@link org.iclscale.fuzz.FuzzCases} draws seeded command lines over
 * every verb and option, {@link org.iclscale.fuzz.CliFuzzTest} runs them in-process under a watchdog and checks the
 * exit-code, stderr, output-validity, time and memory contract.
 */
package org.iclscale.fuzz;
