package org.optbench.workloads.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.optbench.api.BadInputException;
import org.optbench.workloads.Split;

/** The IDX reader on files this test writes itself, and the MNIST directory loader's checks. */
class IdxFileTest {
    @TempDir
    Path dir;

    /** The IDX encoding, written independently of the reader: magic 0x000008nd, sizes, bytes. */
    static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        return bytes.toByteArray();
    }

    static void write(Path path, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(path)) : Files.newOutputStream(path)) {
            out.write(content);
        }
    }

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void roundTripPlainAndGzipped() throws IOException {
        byte[] images = pattern(3 * 28 * 28, 7);
        for (boolean gzip : new boolean[] {false, true}) {
            Path f = dir.resolve("images" + (gzip ? ".gz" : ""));
            write(f, idx(new int[] {3, 28, 28}, images), gzip);
            IdxFile read = IdxFile.read(f, 3);
            assertArrayEquals(new int[] {3, 28, 28}, read.dims());
            assertArrayEquals(images, read.data());
            assertEquals(3, read.count());
        }
        Path labels = dir.resolve("labels");
        write(labels, idx(new int[] {4}, new byte[] {0, 9, 5, 1}), false);
        assertArrayEquals(new byte[] {0, 9, 5, 1}, IdxFile.read(labels, 1).data());
    }

    private static void assertOneLineNaming(BadInputException e, String... parts) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("nothing-here");
        assertOneLineNaming(assertThrows(BadInputException.class, () -> IdxFile.read(missing, 3)),
                missing.toString(), "does not exist");

        Path wrongDims = dir.resolve("labels-as-images");
        write(wrongDims, idx(new int[] {4}, new byte[4]), false);
        assertOneLineNaming(assertThrows(BadInputException.class, () -> IdxFile.read(wrongDims, 3)),
                wrongDims.toString(), "0x00000801", "expected 0x00000803");

        Path truncated = dir.resolve("truncated");
        byte[] full = idx(new int[] {2, 28, 28}, new byte[2 * 784]);
        write(truncated, Arrays.copyOf(full, full.length - 100), false);
        assertOneLineNaming(assertThrows(BadInputException.class, () -> IdxFile.read(truncated, 3)),
                truncated.toString(), "truncated", "1568", "1468");

        Path shortHeader = dir.resolve("short-header");
        write(shortHeader, Arrays.copyOf(full, 6), false);
        assertOneLineNaming(assertThrows(BadInputException.class, () -> IdxFile.read(shortHeader, 3)),
                shortHeader.toString(), "ends early");

        Path corruptGzip = dir.resolve("corrupt.gz");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(full);
        }
        byte[] g = gz.toByteArray();
        write(corruptGzip, Arrays.copyOf(g, g.length / 2), false);
        assertOneLineNaming(assertThrows(BadInputException.class, () -> IdxFile.read(corruptGzip, 3)),
                corruptGzip.toString());
    }

    @Test
    void directoryWithoutTheFilesNamesTheFirstMissingOne() {
        BadInputException e = assertThrows(BadInputException.class, () -> MnistData.fromIdxDirectory(dir));
        assertOneLineNaming(e, dir.toString(), "train-images-idx3-ubyte");
        BadInputException absent = assertThrows(BadInputException.class,
                () -> MnistData.fromIdxDirectory(dir.resolve("absent")));
        assertOneLineNaming(absent, "absent", "not a directory");
    }

    @Test
    void directoryWithTooFewImagesSaysHowManyWereExpected() throws IOException {
        write(dir.resolve("train-images-idx3-ubyte"), idx(new int[] {5, 28, 28}, new byte[5 * 784]), false);
        write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[] {5}, new byte[5]), false);
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), idx(new int[] {5, 28, 28}, new byte[5 * 784]), true);
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), idx(new int[] {5}, new byte[5]), true);
        assertOneLineNaming(assertThrows(BadInputException.class, () -> MnistData.fromIdxDirectory(dir)),
                "train-images-idx3-ubyte", "holds 5 images; expected 60000");
    }

    @Test
    void fullSizeDirectoryLoadsWithTheStandardSplits() throws IOException {
        // Image i carries i mod 251 in its first pixel and i mod 10 as label; t10k images carry 7 and label 3.
        int train = 60_000;
        byte[] trainImages = new byte[train * 784];
        byte[] trainLabels = new byte[train];
        for (int i = 0; i < train; i++) {
            trainImages[i * 784] = (byte) (i % 251);
            trainLabels[i] = (byte) (i % 10);
        }
        byte[] testImages = new byte[10_000 * 784];
        byte[] testLabels = new byte[10_000];
        for (int i = 0; i < 10_000; i++) {
            testImages[i * 784] = 7;
            testLabels[i] = 3;
        }
        write(dir.resolve("train-images-idx3-ubyte.gz"), idx(new int[] {train, 28, 28}, trainImages), true);
        write(dir.resolve("train-labels-idx1-ubyte"), idx(new int[] {train}, trainLabels), false);
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), idx(new int[] {10_000, 28, 28}, testImages), true);
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), idx(new int[] {10_000}, testLabels), true);

        MnistData data = MnistData.fromIdxDirectory(dir);
        assertEquals(70_000, data.count());
        assertEquals(50_000, data.train().length);
        int[] validation = data.indices(Split.VALIDATION);
        assertEquals(10_000, validation.length);
        assertEquals(50_000, validation[0]);
        assertEquals(10_000, data.indices(Split.TEST).length);
        assertEquals(10_000, data.indices(Split.TRAIN).length);

        INDArray inputs = Nd4j.zeros(DataType.DOUBLE, 2, 784);
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, 2, 10);
        data.copyExamples(new int[] {50_001, 60_000}, 0, inputs, targets);
        assertEquals((50_001 % 251) / 255.0, inputs.getDouble(0, 0), 1e-15);
        assertEquals(1.0, targets.getDouble(0, 50_001 % 10));
        assertEquals(1.0, targets.sumNumber().doubleValue() / 2);
        assertEquals(7 / 255.0, inputs.getDouble(1, 0), 1e-15);
        assertEquals(1.0, targets.getDouble(1, 3));
    }
}
