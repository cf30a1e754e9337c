package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/**
 * Every visible command's {@code --help}, as a user at an 80-column terminal reads it.
 *
 * <p>A <em>token</em> is a maximal run of non-space characters. Breaking lines only at spaces moves tokens from one
 * line to the next but leaves the help's multiset of tokens as it is; breaking inside a token ({@code algoperf-v0.}
 * then {@code 6;}) takes one token out and puts two fragments in. So the help at 80 columns breaks no token exactly
 * when its tokens are those of the same help rendered by plain picocli with room for every line (10,000 columns,
 * where nothing wraps).
 */
class HelpTest {
    private static final int WIDTH = 80;

    /** The command paths of every command a user can see: {@code []} (optbench itself), {@code [run]}, ... */
    static Stream<List<String>> visibleCommands() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(sub.getKey());
                collect(sub.getValue(), subPath, paths);
            }
        }
    }

    @ParameterizedTest(name = "optbench {0}")
    @MethodSource("visibleCommands")
    void breaksNoToken(List<String> command) {
        Map<String, Integer> shown = tokens(help(command));
        Map<String, Integer> whole = tokens(unwrappedHelp(command));
        if (!shown.equals(whole)) {
            fail("'optbench " + String.join(" ", command) + " --help' breaks tokens: it shows " + difference(shown, whole)
                    + " where the unwrapped help has " + difference(whole, shown) + "\n" + help(command));
        }
    }

    @ParameterizedTest(name = "optbench {0}")
    @MethodSource("visibleCommands")
    void fitsEightyColumnsUnlessOneTokenCannot(List<String> command) {
        for (String line : help(command).split("\\R")) {
            if (line.length() > WIDTH) {
                // A token longer than its column stays whole: then it is alone on its line, after the indent.
                assertEquals(1, line.strip().split(" +").length,
                        "'optbench " + String.join(" ", command) + " --help' has a line of " + line.length()
                                + " columns: " + line);
            }
        }
    }

    @ParameterizedTest(name = "optbench {0}")
    @MethodSource("visibleCommands")
    void listsHelpAndVersionLast(List<String> command) {
        List<String> optionRows = Arrays.stream(help(command).split("\\R"))
                .takeWhile(line -> !line.equals("Commands:") && !line.equals("Examples:"))
                .filter(line -> line.matches(" {2}-\\S.*| {6}--\\S.*")).toList();
        assertTrue(optionRows.size() >= 2, "no options in " + command);
        assertTrue(optionRows.get(optionRows.size() - 2).startsWith("  -h, --help "),
                "-h is not next to last in " + command + ": " + optionRows);
        assertTrue(optionRows.get(optionRows.size() - 1).startsWith("  -V, --version "),
                "-V is not last in " + command + ": " + optionRows);
    }

    @ParameterizedTest(name = "optbench {0}")
    @MethodSource("visibleCommands")
    void printsTheVersion(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("-V");
        CliTestSupport.Result result = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("optbench "), "'-V' of " + command + " printed: " + result.out());
    }

    @ParameterizedTest(name = "optbench {0}")
    @MethodSource("visibleCommands")
    void showsExamplesThatAreCommandLinesOfTheCommand(List<String> command) {
        List<List<String>> examples = examples(help(command));
        assertFalse(examples.isEmpty(), "no examples in 'optbench " + String.join(" ", command) + " --help'");
        for (List<String> example : examples) {
            assertEquals("./optbench", example.get(0), "an example that does not start with ./optbench: " + example);
            List<String> args = example.subList(1, example.size());
            assertEquals(command, args.subList(0, Math.min(command.size(), args.size())),
                    "an example of another command: " + example);
            try {
                Main.commandLine().parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                fail("the example '" + String.join(" ", example) + "' does not parse: " + e.getMessage());
            }
        }
    }

    /** The command lines under "Examples:", a line ending in " \" continued on the next. */
    static List<List<String>> examples(String help) {
        List<List<String>> examples = new ArrayList<>();
        boolean inExamples = false;
        StringBuilder pending = new StringBuilder();
        for (String line : help.split("\\R")) {
            if (line.equals("Examples:")) {
                inExamples = true;
            } else if (inExamples && line.startsWith("  ")) {
                String text = line.strip();
                if (text.endsWith("\\")) {
                    pending.append(text, 0, text.length() - 1);
                    continue;
                }
                pending.append(text);
                if (pending.toString().startsWith("./optbench")) {
                    examples.add(List.of(pending.toString().trim().split(" +")));
                }
                pending.setLength(0);
            } else {
                inExamples = inExamples && line.isEmpty();
            }
        }
        return examples;
    }

    private static String help(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        CliTestSupport.Result result = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, result.exitCode());
        assertEquals("", result.err(), "--help of " + command + " wrote to standard error");
        return result.out();
    }

    /** Plain picocli's rendering of the same command with room for every line. */
    private static String unwrappedHelp(List<String> command) {
        CommandLine cli = new CommandLine(new OptbenchCommand());
        cli.setUsageHelpWidth(10_000);
        for (String name : command) {
            cli = cli.getSubcommands().get(name);
        }
        StringWriter out = new StringWriter();
        cli.usage(new PrintWriter(out), CommandLine.Help.Ansi.OFF);
        return out.toString();
    }

    private static Map<String, Integer> tokens(String text) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String token : text.strip().split("\\s+")) {
            counts.merge(token, 1, Integer::sum);
        }
        return counts;
    }

    /** The tokens of {@code a} that {@code b} has fewer of. */
    private static List<String> difference(Map<String, Integer> a, Map<String, Integer> b) {
        List<String> more = new ArrayList<>();
        a.forEach((token, count) -> {
            for (int i = b.getOrDefault(token, 0); i < count; i++) {
                more.add(token);
            }
        });
        return more;
    }
}
