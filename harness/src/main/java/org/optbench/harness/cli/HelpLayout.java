package org.optbench.harness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The help of every command, {@value #WIDTH} columns wide, its lines broken only at spaces.
 *
 * <p>picocli breaks a line wherever the JDK's {@code BreakIterator.getLineInstance()} allows a break, and that
 * follows the rules for prose: after {@code .}, {@code ,}, {@code :} or {@code |} when a letter or digit comes next,
 * and before {@code [}. So {@code algoperf-v0.6} became {@code algoperf-v0.} and {@code 6} on the next line, and
 * {@code e.g.}, {@code (*.jar)} and {@code adamw,nadamw,sgd_nesterov} broke the same way (picocli guards {@code -}
 * only); a word longer than its column it cuts where the column ends. Option values, versions, paths and lists are
 * tokens, not prose. So here picocli lays the help out with room for every line (nothing wraps), and each section's
 * long lines are broken at their last space that fits and continued where picocli continues them: under the
 * synopsis's first option, 2 columns into a description. A token longer than its column is not broken: it runs past
 * the width.
 */
final class HelpLayout {
    /** The width of the help. */
    static final int WIDTH = 80;
    /** A width at which picocli wraps nothing. */
    private static final int UNWRAPPED = 10_000;
    /** How much further in than its first line picocli continues a description in a table (an option, a command). */
    private static final int CONTINUATION_INDENT = 2;

    private HelpLayout() {
    }

    /** Lays out the help of {@code cli} and of all its subcommands {@code width} columns wide. */
    static void install(CommandLine cli, int width) {
        cli.setUsageHelpWidth(UNWRAPPED);
        installSections(cli, width);
    }

    private static void installSections(CommandLine command, int width) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
        command.getHelpSectionMap().forEach((key, renderer) -> sections.put(key, broken(key, renderer, width)));
        command.setHelpSectionMap(sections);
        command.getSubcommands().values().forEach(sub -> installSections(sub, width));
    }

    private static IHelpSectionRenderer broken(String key, IHelpSectionRenderer section, int width) {
        return switch (key) {
            case CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS -> help -> synopsis(section.render(help),
                    help, width);
            case CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                    CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
                    CommandLine.Model.UsageMessageSpec.SECTION_KEY_AT_FILE_PARAMETER,
                    CommandLine.Model.UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS,
                    CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                    CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST -> help -> table(section.render(
                            help), width);
            default -> help -> text(section.render(help), width);
        };
    }

    /**
     * The synopsis, which follows its heading ({@code Usage: }) on the first line; continued under the first
     * option, after {@code Usage: optbench tune }.
     */
    private static String synopsis(String synopsis, Help help, int width) {
        int heading = help.synopsisHeadingLength();
        int continuation = heading + help.commandSpec().qualifiedName().length() + 1;
        String[] lines = lines(synopsis);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == 0) {
                List<String> broken = breakLine(" ".repeat(heading) + lines[0], width, continuation, continuation);
                broken.set(0, broken.get(0).substring(heading));
                append(out, broken);
            } else {
                append(out, breakLine(lines[i], width, 0, continuation));
            }
            if (i < lines.length - 1) {
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /**
     * A table (options, parameters, commands): names, then descriptions that all start in one column. A description
     * is broken after its first word at the earliest and continued 2 columns further in.
     */
    private static String table(String table, int width) {
        String[] lines = lines(table);
        int descriptions = descriptionColumn(lines);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int continuation = descriptions >= 0 ? descriptions + CONTINUATION_INDENT : leadingSpaces(line);
            out.addAll(breakLine(line, width, Math.max(descriptions, 0), continuation));
        }
        return String.join(System.lineSeparator(), out);
    }

    /** Text (description, header, footer, headings): each line continued at its own indent. */
    private static String text(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : lines(text)) {
            out.addAll(breakLine(line, width, 0, leadingSpaces(line)));
        }
        return String.join(System.lineSeparator(), out);
    }

    /**
     * The column where a table's descriptions start: on a row whose names are followed by two or more spaces, the
     * column after those; the least such column over the rows (a line of description text can only show a later
     * one). -1 when no row shows it.
     */
    private static int descriptionColumn(String[] lines) {
        int column = -1;
        for (String line : lines) {
            Visible visible = Visible.of(line);
            int names = visible.firstNonSpace(0);
            if (names < 0) {
                continue;
            }
            int gap = visible.gapOfTwo(names);
            if (gap >= 0) {
                int start = visible.firstNonSpace(gap);
                if (start >= 0 && (column < 0 || visible.column(start) < column)) {
                    column = visible.column(start);
                }
            }
        }
        return column;
    }

    /**
     * {@code line} broken into lines at most {@code width} columns wide, at spaces after its indent and, on the first
     * line, at or after column {@code from} only; every further line starts at column {@code continuation}. Where
     * no such space lies within the width, the line breaks at its first space after it: a token is never broken.
     */
    static List<String> breakLine(String line, int width, int from, int continuation) {
        List<String> out = new ArrayList<>();
        String rest = line;
        int breakFrom = from;
        while (true) {
            Visible visible = Visible.of(rest);
            if (visible.width() <= width) {
                break;
            }
            int cut = -1;
            int indent = visible.indent();
            for (int i = 0; i < rest.length(); i++) {
                if (!visible.isSpace(i) || visible.column(i) < Math.max(breakFrom, indent)) {
                    continue;
                }
                if (visible.column(i) <= width) {
                    cut = i;
                } else {
                    cut = cut < 0 ? i : cut;
                    break;
                }
            }
            if (cut < 0) {
                break;
            }
            String head = rest.substring(0, cut).stripTrailing();
            String tail = rest.substring(cut).stripLeading();
            if (tail.isEmpty()) {
                rest = head;
                break;
            }
            out.add(head);
            rest = " ".repeat(continuation) + tail;
            breakFrom = continuation;
        }
        out.add(rest);
        return out;
    }

    private static int leadingSpaces(String line) {
        return Visible.of(line).indent();
    }

    private static String[] lines(String text) {
        return text.split("\\R", -1);
    }

    private static void append(StringBuilder out, List<String> lines) {
        out.append(String.join(System.lineSeparator(), lines));
    }

    /**
     * A line's characters by the column they show in: ANSI escape sequences (picocli's colours on a terminal) take
     * none.
     */
    private record Visible(String line, int[] columns, boolean[] escape) {
        static Visible of(String line) {
            int[] columns = new int[line.length() + 1];
            boolean[] escape = new boolean[line.length()];
            int column = 0;
            for (int i = 0; i < line.length(); i++) {
                columns[i] = column;
                if (line.charAt(i) == '\u001B') {
                    int end = i + 1;
                    if (end < line.length() && line.charAt(end) == '[') {
                        end++;
                        while (end < line.length() && !Character.isLetter(line.charAt(end))) {
                            end++;
                        }
                    }
                    for (int j = i; j <= Math.min(end, line.length() - 1); j++) {
                        columns[j] = column;
                        escape[j] = true;
                    }
                    i = Math.min(end, line.length() - 1);
                } else {
                    column++;
                }
            }
            columns[line.length()] = column;
            return new Visible(line, columns, escape);
        }

        int width() {
            return columns[line.length()];
        }

        /** The column of the first visible character that is not a space; the width when there is none. */
        int indent() {
            int first = firstNonSpace(0);
            return first < 0 ? width() : columns[first];
        }

        int column(int index) {
            return columns[index];
        }

        boolean isSpace(int index) {
            return !escape[index] && line.charAt(index) == ' ';
        }

        /** The index of the first visible non-space character at or after {@code from}; -1 when none. */
        int firstNonSpace(int from) {
            for (int i = from; i < line.length(); i++) {
                if (!escape[i] && line.charAt(i) != ' ') {
                    return i;
                }
            }
            return -1;
        }

        /** The index of the first of two or more spaces in a row at or after {@code from}; -1 when none. */
        int gapOfTwo(int from) {
            for (int i = from; i + 1 < line.length(); i++) {
                if (isSpace(i) && nextVisible(i + 1) >= 0 && isSpace(nextVisible(i + 1))) {
                    return i;
                }
            }
            return -1;
        }

        private int nextVisible(int from) {
            for (int i = from; i < line.length(); i++) {
                if (!escape[i]) {
                    return i;
                }
            }
            return -1;
        }
    }
}
