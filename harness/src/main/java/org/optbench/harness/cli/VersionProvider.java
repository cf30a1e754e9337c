package org.optbench.harness.cli;

import org.optbench.harness.trial.Software;

import picocli.CommandLine.IVersionProvider;

/** {@code optbench --version}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"optbench " + Software.version() + " (commit " + Software.gitCommit() + ")"};
    }
}
