package org.optbench.harness.trial;

/**
 * Parses a Linux {@code /proc/<pid>/stat} line. The second field, the command name, is in parentheses and may hold
 * spaces or parentheses itself, so fields are counted from the last closing parenthesis.
 */
public final class ProcStat {
    private ProcStat() {
    }

    /** Field {@code n} (1-based, as in proc(5)); fields 1 and 2 are the pid and the command. */
    static String field(String stat, int n) {
        int close = stat.lastIndexOf(')');
        String[] rest = stat.substring(close + 2).trim().split(" ");
        return rest[n - 3];
    }

    /** utime + stime + cutime + cstime (fields 14 to 17), in clock ticks. */
    public static long cpuTicks(String stat) {
        return Long.parseLong(field(stat, 14)) + Long.parseLong(field(stat, 15)) + Long.parseLong(field(stat, 16))
                + Long.parseLong(field(stat, 17));
    }

    /** The parent process id (field 4). */
    public static long parentPid(String stat) {
        return Long.parseLong(field(stat, 4));
    }
}
