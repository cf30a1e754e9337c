package org.optbench.workloads.mnist;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.optbench.api.BadInputException;

/**
 * An IDX file of unsigned bytes (LeCun's MNIST format): a big-endian magic {@code 0x0000 08 nd} (type 0x08 =
 * unsigned byte, {@code nd} dimensions), {@code nd} big-endian 32-bit sizes, then the data in row-major order.
 * Gzipped files (magic {@code 1f 8b}) are read transparently.
 *
 * @param dims the sizes, outermost first
 * @param data the bytes, row-major; {@code data.length} is the product of {@code dims}
 */
public record IdxFile(int[] dims, byte[] data) {

    /** Reads {@code path}; any problem with it is a one-line {@link BadInputException} naming the file. */
    public static IdxFile read(Path path, int expectedDims) {
        try (InputStream raw = Files.newInputStream(path)) {
            return read(raw, path.toString(), expectedDims);
        } catch (NoSuchFileException e) {
            throw new BadInputException("IDX file " + path + " does not exist", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read IDX file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX stream, gzipped or not.
     *
     * @param name the file's name, for messages
     * @param expectedDims the number of dimensions it must have (3 for images, 1 for labels)
     */
    public static IdxFile read(InputStream raw, String name, int expectedDims) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            DataInputStream data = new DataInputStream(in);
            int magic = data.readInt();
            int type = (magic >>> 8) & 0xff;
            int nd = magic & 0xff;
            if ((magic >>> 16) != 0 || type != 0x08 || nd != expectedDims) {
                throw new BadInputException(String.format(
                        "IDX file %s starts with magic 0x%08x; expected 0x%08x (unsigned bytes, %d dimensions)",
                        name, magic, 0x0800 | expectedDims, expectedDims));
            }
            int[] dims = new int[nd];
            long total = 1;
            for (int i = 0; i < nd; i++) {
                dims[i] = data.readInt();
                if (dims[i] < 0) {
                    throw new BadInputException("IDX file " + name + " has negative size " + dims[i]
                            + " in dimension " + i);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new BadInputException("IDX file " + name + " declares " + Arrays.toString(dims)
                        + ", too large for one array");
            }
            byte[] bytes = new byte[(int) total];
            int read = data.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                throw new BadInputException("IDX file " + name + " is truncated: header " + Arrays.toString(dims)
                        + " declares " + total + " data bytes, found " + read);
            }
            return new IdxFile(dims, bytes);
        } catch (EOFException e) {
            throw new BadInputException("IDX file " + name + " ends early: " + e.getMessage(), e);
        } catch (ZipException e) {
            throw new BadInputException("IDX file " + name + " is not valid gzip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read IDX file " + name + ": " + e.getMessage(), e);
        }
    }

    /** The number of items (the first dimension). */
    public int count() {
        return dims[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxFile f && Arrays.equals(f.dims, dims) && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxFile" + Arrays.toString(dims);
    }
}
