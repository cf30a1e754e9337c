package org.optbench.harness.confinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InaccessibleObjectException;
import java.nio.file.Path;

import javax.management.InstanceNotFoundException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.cli.Main;
import org.optbench.harness.jar.JarFixtures;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;

import picocli.CommandLine;

/**
 * A submission in a confined trial JVM reaches only what the api hands it. Each hostile jar's {@code update} makes
 * one attempt on the harness, the workload or the JVM and throws whatever the attempt threw (wrapped, so the trial
 * loop records it); each runs with {@code --allow-unchecked}, so only the JVM stands in its way. The test reads the
 * outcome from the trial's record: the trial failed in step 1 with the exception the JVM's checks throw, module
 * message and all, and never reached a target. Had an attempt succeeded, the record would say "BREACH" instead.
 * Real jars, real forked trial JVMs.
 */
class ConfinementTest {
    @TempDir
    Path work;

    private TrialRecord run(String name, String attempt) {
        return run(name, attempt, "");
    }

    private TrialRecord run(String name, String attempt, String members) {
        // The trial loop records a RuntimeException with its message; the attempt's own exception, checked or an
        // Error, is carried in that message whole.
        return runJar(name, "try {\n" + attempt + "\n} catch (Throwable t) {\n"
                + "    throw new IllegalStateException(t.toString(), t);\n}\n"
                + "throw new IllegalStateException(\"BREACH: the attempt succeeded\");", members);
    }

    private TrialRecord runJar(String name, String updateBody, String members) {
        Path jar = JarFixtures.submissionJar(work, name + ".jar", "hostile." + name, updateBody, members);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("run", "--workload", "quadratic", "--submission", jar.toString(), "--allow-unchecked",
                "--out", work.resolve("runs").toString(), "--budget-seconds", "1");
        assertEquals(0, code, name + ": " + err);
        String submission = name.toLowerCase(java.util.Locale.ROOT);
        return TrialRecords.read(work.resolve("runs/" + submission + "/study_0/quadratic/trial_1")).record();
    }

    private static void assertRefused(TrialRecord record, Class<? extends Throwable> exception, String... evidence) {
        assertEquals(StopReason.FAILED, record.stopReason(), record.failure());
        assertFalse(record.reachedValidationTarget(), record.failure());
        assertTrue(record.failure().startsWith("exception in step 1: IllegalStateException: " + exception.getName()
                + ": "), record.failure());
        for (String e : evidence) {
            assertTrue(record.failure().contains(e), record.failure());
        }
    }

    @Test
    void setAccessibleOnAPrivateFieldOfTheContextIsRefused() {
        TrialRecord r = run("SetAccessible", """
                java.lang.reflect.Field model = context.getClass().getDeclaredField("model");
                model.setAccessible(true);
                System.err.println(model.get(context));""");
        assertRefused(r, InaccessibleObjectException.class, "TrialContext.model accessible: module optbench.trial "
                + "does not \"opens org.optbench.harness.trial\" to unnamed module");
    }

    @Test
    void theWorkloadBehindTheBatchStreamIsOutOfReach() {
        // The quadratic's stream is an anonymous class of the workload, which holds the validation set.
        TrialRecord r = run("StreamOwner", """
                java.lang.reflect.Field owner = stream.getClass().getDeclaredField("this$0");
                owner.setAccessible(true);
                System.err.println(owner.get(stream));""", """
                private BatchStream stream;
                public Batch selectData(BatchStream stream, StepContext context) {
                    this.stream = stream;
                    return stream.next();
                }""");
        assertRefused(r, InaccessibleObjectException.class, "module optbench.trial does not \"opens "
                + "org.optbench.workloads.quadratic\" to unnamed module");
    }

    @Test
    void javaBeansIsNotThereToCallAPublicMethodOfTheWorkloads() {
        // java.desktop (java.beans) is not among the trial JVM's modules; linking to it fails.
        TrialRecord r = run("Beans", """
                Class<?> workloads = Class.forName("org.optbench.workloads.Workloads", true,
                        org.optbench.api.Params.class.getClassLoader());
                System.err.println(new java.beans.Expression(workloads, "names", new Object[0]).getValue());""");
        assertRefused(r, NoClassDefFoundError.class, "java/beans/Expression");
    }

    @Test
    void aPrivateLookupInTheContextIsRefused() {
        TrialRecord r = run("PrivateLookup", """
                java.lang.invoke.MethodHandles.privateLookupIn(context.getClass(),
                        java.lang.invoke.MethodHandles.lookup());""");
        assertRefused(r, IllegalAccessException.class,
                "module optbench.trial does not open org.optbench.harness.trial to unnamed module");
    }

    @Test
    void theSystemClassLoaderHoldsNothingOfOptbench() {
        TrialRecord r = run("SystemLoader", """
                ClassLoader.getSystemClassLoader().loadClass("org.optbench.workloads.Workloads");""");
        assertRefused(r, ClassNotFoundException.class, "org.optbench.workloads.Workloads");
    }

    @Test
    void aPublicStaticMethodOfTheWorkloadsCannotBeCalledThroughTheApisLoader() {
        TrialRecord r = run("ApiLoader", """
                Class<?> workloads = org.optbench.api.Params.class.getClassLoader()
                        .loadClass("org.optbench.workloads.Workloads");
                System.err.println(workloads.getMethod("names").invoke(null));""");
        assertRefused(r, IllegalAccessException.class, "cannot access class org.optbench.workloads.Workloads (in "
                + "module optbench.trial) because module optbench.trial does not export org.optbench.workloads to "
                + "unnamed module");
    }

    @Test
    void sunMiscUnsafeIsNotInTheJdk() {
        TrialRecord r = run("BootUnsafe", """
                Class<?> unsafe = Class.forName("sun.misc.Unsafe", false, null);
                java.lang.reflect.Field the = unsafe.getDeclaredField("theUnsafe");
                the.setAccessible(true);""");
        // The bootstrap loader names the class as the VM does.
        assertRefused(r, ClassNotFoundException.class, "sun/misc/Unsafe");
    }

    @Test
    void theLibrariesUnsafeCannotBeTakenByReflection() {
        // The boot module's stand-in, which JavaCPP uses, loads through the layer's loader but is open to
        // optbench.libraries alone.
        TrialRecord r = run("LayerUnsafe", """
                Class<?> unsafe = org.optbench.api.Params.class.getClassLoader().loadClass("sun.misc.Unsafe");
                java.lang.reflect.Field the = unsafe.getDeclaredField("theUnsafe");
                the.setAccessible(true);""");
        assertRefused(r, InaccessibleObjectException.class,
                "module optbench.boot does not \"opens sun.misc\" to unnamed module");
    }

    @Test
    void theContextDoesNotSerialize() {
        TrialRecord r = run("SerializeContext", """
                new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream()).writeObject(context);""");
        assertRefused(r, NotSerializableException.class, "org.optbench.harness.trial.TrialContext");
    }

    @Test
    void deserializationRefusesTheLayersClassesWhateverTheStreamsFilter() {
        // The api's exception is Serializable; a forged one is refused even by a stream that allows everything.
        TrialRecord r = run("Deserialize", """
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                    out.writeObject(new org.optbench.api.BadInputException("forged"));
                }
                java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()));
                in.setObjectInputFilter(info -> java.io.ObjectInputFilter.Status.ALLOWED);
                in.readObject();""");
        assertRefused(r, InvalidClassException.class, "filter status: REJECTED");
    }

    @Test
    void ndFourJsReflectionHelperIsNotExported() {
        // nd4j-common's Spring ReflectionUtils would make any member of ND4J's module accessible.
        TrialRecord r = run("Nd4jDeputy", """
                java.lang.reflect.Field model = context.getClass().getDeclaredField("model");
                org.nd4j.common.io.ReflectionUtils.makeAccessible(model);""");
        assertRefused(r, IllegalAccessError.class, "org.nd4j.common.io.ReflectionUtils",
                "module optbench.libraries does not export org.nd4j.common.io to unnamed module");
    }

    @Test
    void ndFourJsOpProfilerIsNotExported() {
        // Its listeners would receive every op ND4J runs, the evaluation's on the validation set too.
        TrialRecord r = run("OpListener", """
                org.nd4j.linalg.profiler.OpProfiler.getInstance().addListener(op -> System.err.println(op.x()));""");
        assertRefused(r, IllegalAccessError.class,
                "module optbench.libraries does not export org.nd4j.linalg.profiler to unnamed module");
    }

    @Test
    void theMainClassCannotBeStartedAgain() {
        TrialRecord r = run("Restart", """
                @SuppressWarnings("unchecked")
                java.util.function.Consumer<String[]> runner = java.util.ServiceLoader.load(
                        org.optbench.api.Params.class.getModule().getLayer(), java.util.function.Consumer.class)
                        .findFirst().orElseThrow();
                runner.accept(new String[] {"workloads"});""");
        assertRefused(r, IllegalStateException.class, "the main class of optbench.trial has been started already");
    }

    @Test
    void noHeapDumpOrDiagnosticCommandIsRegistered() {
        TrialRecord r = run("HeapDump", """
                java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap",
                        new Object[] {"/tmp/optbench-heap.hprof", true},
                        new String[] {"java.lang.String", "boolean"});""");
        assertRefused(r, InstanceNotFoundException.class, "com.sun.management:type=HotSpotDiagnostic");
    }

    @Test
    void noProcessCanAttachToTheTrialJvm() {
        TrialRecord r = run("Attach", """
                String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
                Process p = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), "VM.version")
                        .redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes()).replaceAll("\\\\s+", " ");
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("jcmd: " + output);
                }""");
        assertRefused(r, IllegalStateException.class, "jcmd: ", "AttachNotSupportedException");
    }

    @Test
    void theApiAndNd4jASubmissionLinksToAreTheClassesOfTheHarnessInTheLayer() {
        // ApiOnlyClassLoader hands the jar the layer's classes, not copies: the jar reports what it sees.
        TrialRecord r = runJar("Identity", """
                throw new IllegalStateException("api in " + StepContext.class.getModule().getName()
                        + ", arrays in " + context.params().value(0).getClass().getModule().getName()
                        + ", the context's api: " + java.util.Arrays.asList(context.getClass().getInterfaces())
                                .contains(StepContext.class)
                        + ", the harness's Nd4j: " + (org.nd4j.linalg.factory.Nd4j.class.getClassLoader()
                                == context.getClass().getClassLoader())
                        + ", submission in a named module: " + getClass().getModule().isNamed());""", "");
        assertEquals("exception in step 1: IllegalStateException: api in optbench.trial, arrays in optbench.libraries,"
                + " the context's api: true, the harness's Nd4j: true, submission in a named module: false",
                r.failure());
    }

    @Test
    void ndFourJJavaCppAndOpenBlasWorkThroughTheirExports() {
        // Plain SGD through the exported native api: a JavaCPP pointer on each buffer and OpenBLAS's daxpy.
        TrialRecord r = runJar("BlasSgd", """
                org.optbench.api.Params gradients = context.lossAndGradients().gradients();
                org.optbench.api.Params params = context.params();
                for (int i = 0; i < params.size(); i++) {
                    org.nd4j.linalg.api.ndarray.INDArray theta = params.value(i);
                    org.nd4j.linalg.api.ndarray.INDArray g = gradients.value(i);
                    if (theta.dataType() == org.nd4j.linalg.api.buffer.DataType.DOUBLE && theta.offset() == 0
                            && g.offset() == 0) {
                        org.bytedeco.openblas.global.openblas.cblas_daxpy((int) theta.length(), -0.05,
                                new org.bytedeco.javacpp.DoublePointer(g.data().addressPointer()), 1,
                                new org.bytedeco.javacpp.DoublePointer(theta.data().addressPointer()), 1);
                    } else {
                        theta.subi(g.mul(0.05));
                    }
                }""", "");
        assertNull(r.failure());
        assertTrue(r.steps() > 10 && r.evals() >= 2, r.steps() + " steps, " + r.evals() + " evaluations");
    }
}
