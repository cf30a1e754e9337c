/**
 * Submission jars: loading one in a class loader that sees only the api and ND4J ({@link
 * org.optbench.harness.jar.SubmissionJar}), and checking one before it runs ({@link
 * org.optbench.harness.jar.JarCheck}): its service entry, api version, hooks, default search space, and a bytecode
 * scan for references a submission may not make ({@link org.optbench.harness.jar.Rule}).
 */
package org.optbench.harness.jar;
