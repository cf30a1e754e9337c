package org.optbench.results.scoring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.optbench.api.BadInputException;

/**
 * Per-workload times as plain numbers, e.g. from a paper: a CSV with header {@code submission,workload,seconds},
 * {@code inf} for a miss; a missing row means not run. Every workload in the file is a base workload unless it is
 * named as a held-out variant ({@code --held-out VARIANT=BASE}).
 */
public final class TimesCsv {
    private static final List<String> COLUMNS = List.of("submission", "workload", "seconds");

    private TimesCsv() {
    }

    /** Reads the file; held-out variants are given by the caller. */
    public static ScoringInput read(Path file, Map<String, String> variantToBase) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString(), variantToBase);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses CSV text; {@code source} names it in errors. */
    public static ScoringInput parse(Reader reader, String source, Map<String, String> variantToBase)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setCommentMarker('#').build();
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": bad header: " + e.getMessage(), e);
        }
        try (parser) {
            for (String column : COLUMNS) {
                if (parser.getHeaderMap() == null || !parser.getHeaderMap().containsKey(column)) {
                    throw new BadInputException(source + ": no column '" + column + "'; expected header "
                            + String.join(",", COLUMNS));
                }
            }
            TimeTable.Builder table = TimeTable.builder();
            List<String> bases = new ArrayList<>();
            for (CSVRecord record : parser) {
                String where = source + " line " + parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new BadInputException(where + ": expected " + parser.getHeaderMap().size() + " cells, found "
                            + record.size());
                }
                String submission = record.get("submission");
                String workload = record.get("workload");
                if (submission.isEmpty() || workload.isEmpty()) {
                    throw new BadInputException(where + ": empty submission or workload");
                }
                table.put(submission, workload, seconds(where, record.get("seconds")), where);
                if (!variantToBase.containsKey(workload) && !bases.contains(workload)) {
                    bases.add(workload);
                }
            }
            TimeTable times = table.build();
            variantToBase.forEach((variant, base) -> {
                // A misspelt name would otherwise make every base time infinite under v0.5.
                if (!times.workloads().contains(variant)) {
                    throw new BadInputException(source + ": held-out variant '" + variant + "' has no row; workloads: "
                            + String.join(", ", times.workloads()));
                }
                if (!bases.contains(base)) {
                    throw new BadInputException(source + ": held-out variant's base '" + base + "' has no row; "
                            + "workloads: " + String.join(", ", times.workloads()));
                }
            });
            return new ScoringInput(times, bases, variantToBase, Map.of());
        } catch (UncheckedIOException e) {
            throw new BadInputException(source + ": malformed CSV: " + e.getCause().getMessage(), e);
        }
    }

    private static double seconds(String where, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("infinity") || t.equals("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double value = Double.parseDouble(t);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadInputException(where + " column seconds: expected a positive number or inf, got '"
                    + text + "'");
        }
    }
}
