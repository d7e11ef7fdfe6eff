package io.github.attribution.cli;

import io.github.attribution.io.DatasetReader;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on standard error for long runs: silent unless standard error is a terminal and the run
 * has taken more than two seconds, then one line rewritten at most twice a second, from the first
 * file read to the last model run ({@code reading touchpoints.csv: 1.2 GB / 2.3 GB (52%)}, then
 * {@code attribute linear: 44%}).
 *
 * <p>Each line is written over the one before: back to the start of the line ({@code \r}), the text,
 * then spaces over whatever the line before had beyond it, so a shorter line leaves nothing of a
 * longer one behind; no escape codes. A line is cut to the terminal's width less one, so that it never
 * wraps (a wrapped line cannot be rewritten). Used on one thread; a run calls {@link #done} before
 * printing anything else to standard error.
 */
final class Progress implements DatasetReader.Progress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final int width;
    private final long began;
    private final LongSupplier clock;
    private long last;
    /** The length of the line on screen; 0 when none. */
    private int shown;

    /** Progress of a run that began at {@code began} ({@link System#nanoTime()}). */
    Progress(Command.Context context, long began) {
        this(context.err(), context.terminal(), context.width(), began, System::nanoTime);
    }

    /** Progress with this clock of nanoseconds (for tests). */
    Progress(PrintStream err, boolean terminal, int width, long began, LongSupplier clock) {
        this.err = err;
        this.enabled = terminal;
        this.width = width;
        this.began = began;
        this.clock = clock;
    }

    /** Reports {@code what} at {@code done} of {@code total}. */
    void update(String what, long done, long total) {
        if (due()) {
            show(what + ": " + percent(done, total) + "%");
        }
    }

    /** Reports reading {@code file}: {@code bytesRead} of {@code bytesTotal}. */
    @Override
    public void read(String file, long bytesRead, long bytesTotal) {
        if (due()) {
            show("reading " + file + ": " + bytes(bytesRead) + " / " + bytes(bytesTotal) + " ("
                    + percent(bytesRead, bytesTotal) + "%)");
        }
    }

    /** Clears the progress line, if one is shown. */
    void done() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    private boolean due() {
        if (!enabled) {
            return false;
        }
        long now = clock.getAsLong();
        if (now - began < QUIET_NANOS || shown > 0 && now - last < EVERY_NANOS) {
            return false;
        }
        last = now;
        return true;
    }

    private void show(String text) {
        String line = Main.line(text);
        int max = Math.max(1, width - 1);
        if (line.length() > max) {
            line = line.substring(0, max);
        }
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    private static long percent(long done, long total) {
        return total <= 0 ? 100 : Math.min(100, done * 100 / total);
    }

    /** {@code bytes} in decimal units to one decimal: {@code 512 B}, {@code 1.2 MB}, {@code 2.3 GB}. */
    static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
