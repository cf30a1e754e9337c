package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How one line of help is broken: at spaces only, continued at the indent it is given. */
class HelpLayoutTest {
    @Test
    void breaksAtTheLastSpaceThatFitsAndContinuesAtTheIndent() {
        // 20 columns: "      --preset=NAME " is 20 wide; the description starts at 8 and continues at 10.
        assertEquals(List.of("  --p=N Ruleset", "          sizes:", "          algoperf-v0.6;", "          default"),
                HelpLayout.breakLine("  --p=N Ruleset sizes: algoperf-v0.6; default", 16, 8, 10));
    }

    @Test
    void keepsATokenLongerThanTheWidthWhole() {
        assertEquals(List.of("Logs:", "  DIR/<submission>/study_<j>/eval.csv", "  here."),
                HelpLayout.breakLine("Logs: DIR/<submission>/study_<j>/eval.csv here.", 20, 0, 2));
    }

    @Test
    void neverBreaksBeforeTheFirstAllowedColumn() {
        // The names of an option and the gap after them stay on the first line, whatever the width.
        assertEquals(List.of("  -h, --help      Show", "                    this", "                    help."),
                HelpLayout.breakLine("  -h, --help      Show this help.", 10, 18, 20));
    }

    @Test
    void countsAnsiEscapesAsNoColumns() {
        String bold = "\u001B[1m";
        String reset = "\u001B[21m\u001B[0m";
        // Without its 13 characters of escapes the line is 21 columns wide.
        String line = "Usage: " + bold + "optbench" + reset + " [-hV]";
        assertEquals(List.of(line), HelpLayout.breakLine(line, 21, 0, 16));
        assertEquals(List.of("Usage: " + bold + "optbench" + reset, "  [-hV]"),
                HelpLayout.breakLine(line, 20, 0, 2));
    }
}
