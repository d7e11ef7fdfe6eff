package io.github.attribution.cli;

import java.io.PrintStream;

/**
 * Progress on standard error for long runs: silent unless standard error is a terminal and the run
 * has taken more than two seconds, then one line rewritten at most twice a second.
 */
final class Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final long began;
    private long last;
    private boolean shown;

    Progress(PrintStream err, boolean terminal, long began) {
        this.err = err;
        this.enabled = terminal;
        this.began = began;
    }

    /** Reports {@code what} at {@code done} of {@code total}. */
    void update(String what, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - began < QUIET_NANOS || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        long percent = total <= 0 ? 100 : done * 100 / total;
        err.print("\r" + what + ": " + percent + "%   ");
        err.flush();
    }

    /** Clears the progress line, if one was shown. */
    void done() {
        if (shown) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
            shown = false;
        }
    }
}
