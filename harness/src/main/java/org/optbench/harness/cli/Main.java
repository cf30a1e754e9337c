package org.optbench.harness.cli;

import org.optbench.harness.trial.Failures;
import org.optbench.api.BadInputException;

import picocli.CommandLine;

/** The {@code optbench} command line. Exit codes: 0 success, 1 a check or gate failed, 2 bad input. */
public final class Main {
    private Main() {
    }

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code, for tests. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line: help {@value HelpLayout#WIDTH} columns wide that breaks lines only at spaces; one
     * line and exit code 2 for every user mistake.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OptbenchCommand());
        HelpLayout.install(cli, HelpLayout.WIDTH);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine command = ex.getCommandLine();
            command.getErr().println("optbench: " + Failures.oneLine(ex.getMessage())
                    + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
            BadInputException bad = findBadInput(ex);
            if (bad != null) {
                command.getErr().println("optbench: " + Failures.oneLine(bad.getMessage()));
                return 2;
            }
            throw ex;
        });
        return cli;
    }

    private static BadInputException findBadInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BadInputException bad) {
                return bad;
            }
        }
        return null;
    }
}
