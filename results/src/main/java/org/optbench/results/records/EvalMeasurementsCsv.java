package org.optbench.results.records;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.optbench.api.BadInputException;

/**
 * AlgoPerf's {@code eval_measurements.csv}: one row per evaluation. Written with AlgoPerf's column names (the
 * bookkeeping columns first, then {@code train/<m>}, {@code validation/<m>}, {@code test/<m>}); read by header
 * name, since AlgoPerf's own files order the columns alphabetically. An empty cell, {@code nan} or {@code NaN} is
 * NaN; {@code inf} and {@code Infinity} are infinite.
 */
public final class EvalMeasurementsCsv {
    /** The file name inside a trial directory. */
    public static final String FILE_NAME = "eval_measurements.csv";

    public static final String GLOBAL_STEP = "global_step";
    public static final String PREEMPTION_COUNT = "preemption_count";
    /** AlgoPerf's scoring clock; equal to {@link #ACCUMULATED_SUBMISSION_TIME}. */
    public static final String SCORE = "score";
    public static final String TOTAL_DURATION = "total_duration";
    public static final String ACCUMULATED_SUBMISSION_TIME = "accumulated_submission_time";
    public static final String ACCUMULATED_EVAL_TIME = "accumulated_eval_time";
    public static final String ACCUMULATED_LOGGING_TIME = "accumulated_logging_time";

    /** The bookkeeping columns, in the order optbench writes them, before the metric columns. */
    public static final List<String> BOOKKEEPING_COLUMNS = List.of(GLOBAL_STEP, PREEMPTION_COUNT, SCORE,
            TOTAL_DURATION, ACCUMULATED_SUBMISSION_TIME, ACCUMULATED_EVAL_TIME, ACCUMULATED_LOGGING_TIME);

    /** Metric column prefixes in the order their columns are written. */
    private static final List<String> SPLIT_PREFIXES = List.of("train/", "validation/", "test/");

    private EvalMeasurementsCsv() {
    }

    /**
     * The header for {@code rows}: the bookkeeping columns, then the union of the rows' metric columns grouped
     * train, validation, test (then any other), each group in order of first appearance.
     */
    public static List<String> header(List<EvalRow> rows) {
        Set<String> metricColumns = new LinkedHashSet<>();
        for (EvalRow row : rows) {
            metricColumns.addAll(row.metrics().keySet());
        }
        List<String> header = new ArrayList<>(BOOKKEEPING_COLUMNS);
        for (String prefix : SPLIT_PREFIXES) {
            for (String column : metricColumns) {
                if (column.startsWith(prefix)) {
                    header.add(column);
                }
            }
        }
        for (String column : metricColumns) {
            if (SPLIT_PREFIXES.stream().noneMatch(column::startsWith)) {
                header.add(column);
            }
        }
        return header;
    }

    /** The CSV text of {@code rows}, header first; a metric a row lacks is written as an empty cell. */
    public static String format(List<EvalRow> rows) {
        List<String> header = header(rows);
        return line(header) + lines(header, rows);
    }

    /** The CSV lines of {@code rows} under {@code header}, without the header line. */
    public static String lines(List<String> header, List<EvalRow> rows) {
        StringBuilder out = new StringBuilder();
        for (EvalRow row : rows) {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(Long.toString(row.globalStep()));
            cells.add(Integer.toString(row.preemptionCount()));
            cells.add(formatNumber(row.submissionSeconds()));
            cells.add(formatNumber(row.totalDurationSeconds()));
            cells.add(formatNumber(row.submissionSeconds()));
            cells.add(formatNumber(row.evalSeconds()));
            cells.add(formatNumber(row.loggingSeconds()));
            for (String column : header.subList(BOOKKEEPING_COLUMNS.size(), header.size())) {
                Double value = row.metrics().get(column);
                cells.add(value == null ? "" : formatNumber(value));
            }
            out.append(line(cells));
        }
        return out.toString();
    }

    private static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /** Reads {@code eval_measurements.csv} (optbench's or AlgoPerf's). */
    public static List<EvalRow> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * Parses CSV text in this format.
     *
     * @param source names the input in error messages (usually the path)
     */
    public static List<EvalRow> parse(Reader reader, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).build();
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, format);
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            throw new BadInputException(source + ": bad header: " + e.getMessage(), e);
        }
        try (parser) {
            Map<String, Integer> columns = parser.getHeaderMap();
            if (columns == null || columns.isEmpty()) {
                throw new BadInputException(source + ": empty file; expected a header with " + GLOBAL_STEP
                        + " and " + ACCUMULATED_SUBMISSION_TIME);
            }
            if (!columns.containsKey(GLOBAL_STEP)) {
                throw new BadInputException(source + ": no column " + GLOBAL_STEP);
            }
            String clock = columns.containsKey(ACCUMULATED_SUBMISSION_TIME) ? ACCUMULATED_SUBMISSION_TIME
                    : columns.containsKey(SCORE) ? SCORE : null;
            if (clock == null) {
                throw new BadInputException(source + ": no column " + ACCUMULATED_SUBMISSION_TIME + " or " + SCORE);
            }
            List<String> metricColumns = new ArrayList<>();
            for (String name : parser.getHeaderNames()) {
                if (name.contains("/")) {
                    metricColumns.add(name);
                }
            }
            List<EvalRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Cells cells = new Cells(record, source, columns);
                Map<String, Double> metrics = new LinkedHashMap<>();
                for (String column : metricColumns) {
                    metrics.put(column, cells.number(column));
                }
                rows.add(new EvalRow(cells.integer(GLOBAL_STEP), (int) cells.integerOr(PREEMPTION_COUNT, 0),
                        cells.number(clock), cells.numberOr(ACCUMULATED_EVAL_TIME, Double.NaN),
                        cells.numberOr(ACCUMULATED_LOGGING_TIME, Double.NaN),
                        cells.numberOr(TOTAL_DURATION, Double.NaN), metrics));
            }
            return rows;
        } catch (UncheckedIOException e) {
            throw new BadInputException(source + ": malformed CSV: " + e.getCause().getMessage(), e);
        }
    }

    /** Writes a number so that both this reader and pandas read it back exactly. */
    static String formatNumber(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    /** Parses one cell; empty means NaN. */
    static double parseNumber(String text) {
        String t = text.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "", "nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(t);
        }
    }

    /** The cells of one record, read by column name, with errors naming file, line and column. */
    private record Cells(CSVRecord record, String source, Map<String, Integer> columns) {
        Cells {
            if (!record.isConsistent()) {
                throw new BadInputException(source + " line " + line(record) + ": expected " + columns.size()
                        + " cells, found " + record.size());
            }
        }

        double number(String column) {
            String text = record.get(column);
            try {
                return parseNumber(text);
            } catch (NumberFormatException e) {
                throw new BadInputException(source + " line " + line(record) + " column " + column
                        + ": expected a number, got '" + text + "'");
            }
        }

        double numberOr(String column, double fallback) {
            return columns.containsKey(column) ? number(column) : fallback;
        }

        long integer(String column) {
            double value = number(column);
            if (Double.isNaN(value) || Double.isInfinite(value) || value != Math.rint(value)) {
                throw new BadInputException(source + " line " + line(record) + " column " + column
                        + ": expected a whole number, got '" + record.get(column) + "'");
            }
            return (long) value;
        }

        long integerOr(String column, long fallback) {
            return columns.containsKey(column) ? integer(column) : fallback;
        }

        private static long line(CSVRecord record) {
            return record.getRecordNumber() + 1; // the header is line 1
        }
    }
}
