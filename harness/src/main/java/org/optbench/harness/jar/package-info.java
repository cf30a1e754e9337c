/**
 * Submission jars: loading one in a class loader that sees only the api and ND4J ({@link
 * org.optbench.harness.jar.SubmissionJar}), and checking one before it runs ({@link
 * org.optbench.harness.jar.JarCheck}): its service entry, api version, hooks, default search space, and a bytecode
 * scan of every class file in it for references a submission may not make ({@link org.optbench.harness.jar.Rule}):
 * anything off the allow-list ({@code allowed-references.txt}), and, with a specific category, what the deny-list
 * forbids.
 */
package org.optbench.harness.jar;
