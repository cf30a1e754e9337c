package org.optbench.workloads.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import org.optbench.api.BadInputException;
import org.optbench.workloads.Split;

/**
 * The State of the Union addresses 1961-2021 at character level (see the resource's README): each split's
 * addresses as one array of symbol ids, and the windows cut from them. A window is {@code context + 1}
 * consecutive symbols inside one address (inputs are the first {@code context}, targets the last
 * {@code context}); windows start at {@code 0, context, 2 context, ...} of each address, so their targets do not
 * overlap. Immutable.
 */
public final class SotuText {
    /** The vocabulary, id = index; {@code '~'} (id 0) stands for every other character. */
    public static final String VOCABULARY = "~ !\"$%&'(),-./0123456789:;?abcdefghijklmnopqrstuvwxyz";
    /** The bundled resource. */
    static final String RESOURCE = "/org/optbench/workloads/sotu/sotu-1961-2021.tsv.gz";

    /**
     * One split's text.
     *
     * @param ids the split's addresses concatenated, as symbol ids
     * @param windowStarts where each window starts in {@code ids}
     * @param addresses the number of addresses
     */
    public record SplitText(byte[] ids, int[] windowStarts, int addresses) {
        /** The number of windows. */
        public int windows() {
            return windowStarts.length;
        }
    }

    private static final Map<Integer, SotuText> BUNDLED = new ConcurrentHashMap<>();

    private final int context;
    private final SplitText train;
    private final SplitText validation;
    private final SplitText test;

    private SotuText(int context, SplitText train, SplitText validation, SplitText test) {
        this.context = context;
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /**
     * The bundled addresses, cut into windows of {@code context + 1} symbols. Parsed once per context and shared
     * (the registry builds a workload per name); callers must not modify the arrays.
     */
    public static SotuText bundled(int context) {
        return BUNDLED.computeIfAbsent(context, SotuText::readBundled);
    }

    private static SotuText readBundled(int context) {
        try (InputStream raw = SotuText.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new BadInputException("bundled resource " + RESOURCE + " is missing from the class path");
            }
            return read(raw, RESOURCE, context);
        } catch (IOException e) {
            throw new BadInputException("bundled resource " + RESOURCE + " is not a readable gzip file: "
                    + e.getMessage());
        }
    }

    static SotuText read(InputStream gzipped, String source, int context) throws IOException {
        List<byte[]> train = new ArrayList<>();
        List<byte[]> validation = new ArrayList<>();
        List<byte[]> test = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped),
                StandardCharsets.US_ASCII))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String[] fields = line.split("\t", -1);
                if (fields.length != 4) {
                    throw new BadInputException(source + " line " + number + ": expected 4 tab-separated fields "
                            + "(year, address, split, text), got " + fields.length);
                }
                byte[] ids = encode(fields[3], source + " line " + number);
                switch (fields[2]) {
                    case "train" -> train.add(ids);
                    case "validation" -> validation.add(ids);
                    case "test" -> test.add(ids);
                    default -> throw new BadInputException(source + " line " + number + ": split '" + fields[2]
                            + "', expected train, validation or test");
                }
            }
        }
        return new SotuText(context, cut(train, context), cut(validation, context), cut(test, context));
    }

    /** The ids of {@code text}; a character outside {@link #VOCABULARY} is a {@link BadInputException}. */
    static byte[] encode(String text, String where) {
        byte[] ids = new byte[text.length()];
        for (int i = 0; i < ids.length; i++) {
            int id = VOCABULARY.indexOf(text.charAt(i));
            if (id < 0) {
                throw new BadInputException(where + ": character '" + text.charAt(i) + "' at " + i
                        + " is not in the vocabulary");
            }
            ids[i] = (byte) id;
        }
        return ids;
    }

    private static SplitText cut(List<byte[]> addresses, int context) {
        int total = 0;
        int windows = 0;
        for (byte[] a : addresses) {
            total += a.length;
            windows += a.length > context ? (a.length - 1) / context : 0;
        }
        byte[] ids = new byte[total];
        int[] starts = new int[windows];
        int at = 0;
        int w = 0;
        for (byte[] a : addresses) {
            System.arraycopy(a, 0, ids, at, a.length);
            for (int s = 0; s + context + 1 <= a.length; s += context) {
                starts[w++] = at + s;
            }
            at += a.length;
        }
        return new SplitText(ids, starts, addresses.size());
    }

    /** The window length minus one. */
    public int context() {
        return context;
    }

    /** The training addresses. */
    public SplitText train() {
        return train;
    }

    /** The text of a split ({@link Split#TRAIN} is the training text). */
    public SplitText text(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }

    /**
     * The windows a split is evaluated on: {@code count} windows spread evenly over the split's windows (window
     * {@code floor(i * windows / count)} for {@code i < count}), fixed for the data.
     */
    public int[] evaluationWindows(Split split, int count) {
        SplitText s = text(split);
        int n = Math.min(count, s.windows());
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.windowStarts()[(int) ((long) i * s.windows() / n)];
        }
        return out;
    }
}
