package org.optbench.harness.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.optbench.api.BadInputException;
import org.optbench.tuning.search.PlanPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optbench plan --search-space FILE --trials N [--seed S] [--no-shuffle]}: prints the hyperparameter points
 * one study draws from an AlgoPerf search space (AlgoPerf's scrambled Halton quasi-random search; a list-form space
 * gives its first N points in order), as a JSON list of objects. Exit code 0, or 2 with one line on bad input.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Print the hyperparameter points a study draws from a search space, as JSON.",
        footerHeading = "%nExamples:%n",
        footer = {"  # AlgoPerf's MNIST search space, five points",
                "  ./optbench plan --trials 5 --seed 7 --search-space \\",
                "      tuning/src/test/resources/algoperf/mnist_tuning_search_space.json"})
public final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--search-space", required = true, paramLabel = "FILE",
            description = "AlgoPerf tuning_search_space.json: a map of ranges and feasible points, or a list of points")
    Path searchSpace;

    @Option(names = "--trials", required = true, paramLabel = "N", description = "Number of points (trials), >= 1.")
    int trials;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the study's shuffle of the points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-shuffle", description = "Keep Halton sequence order (AlgoPerf's shuffle_sequence=False).")
    boolean noShuffle;

    @Override
    public Integer call() {
        try {
            if (trials < 1) {
                throw new BadInputException("--trials must be at least 1, got " + trials);
            }
            String json = PlanPrinter.drawnPoints(searchSpace, trials, seed, !noShuffle);
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (BadInputException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
