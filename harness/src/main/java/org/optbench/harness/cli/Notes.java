package org.optbench.harness.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.optbench.results.records.TrialRecord;

/** Lines for the user on standard error: what the study layer says, and warnings about contended trials. */
final class Notes {
    private Notes() {
    }

    static void print(PrintWriter err, String line) {
        err.println("optbench: " + line);
        err.flush();
    }

    /** One warning line for a trial whose training thread had too little of the machine. */
    static void warnIfContended(PrintWriter err, TrialRecord r) {
        if (r.contended()) {
            print(err, String.format(Locale.ROOT, "warning: %s/study_%d/%s/trial_%d was contended: its training "
                    + "thread ran %.0f %% of the wall time of its steps (load average %s at the start, %s at the "
                    + "end); the %s clock keeps its times, but the machine was shared", r.submission(), r.study(),
                    r.workload(), r.trial(), r.cpuShare() * 100, load(r.loadAverageStart()),
                    load(r.loadAverageEnd()), r.clockOrWall()));
        }
    }

    /** One warning per contended trial and a summary line, when any was. */
    static void summarizeContention(PrintWriter err, List<TrialRecord> records) {
        long contended = records.stream().filter(TrialRecord::contended).count();
        if (contended > 0) {
            print(err, String.format(Locale.ROOT, "%d of %d trials were contended (the machine was shared); their "
                    + "records say so (contended, cpu_share) and the reports carry a banner", contended,
                    records.size()));
        }
    }

    private static String load(Double value) {
        return value == null ? "unknown" : String.format(Locale.ROOT, "%.2f", value);
    }
}
