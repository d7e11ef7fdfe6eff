package io.github.attribution.cli;

import java.io.PrintStream;

/**
 * One command of the command line. Implementations are stateless; {@link Main} creates one of each
 * and lists them in {@code Main.COMMANDS}, which is all it takes to add a command.
 */
interface Command {
    /**
     * What a command sees of the world: standard output, standard error, whether standard error is a
     * terminal (for progress), and the terminal's width in columns for text tables ({@code COLUMNS},
     * or {@link #DEFAULT_WIDTH} when unknown).
     */
    record Context(PrintStream out, PrintStream err, boolean terminal, int width) {}

    /** The width of text tables when the terminal's is unknown. */
    int DEFAULT_WIDTH = 100;

    /** The name typed on the command line ({@code attribute}). */
    String name();

    /** One line for {@code help}. */
    String summary();

    /** The options, for {@code help COMMAND}: one line per option, indented by two spaces. */
    String usage();

    /** The options this command accepts; anything else is a usage error. */
    Args.Spec options();

    /**
     * Runs the command.
     *
     * @return the exit code, 0 on success
     * @throws UsageException for bad usage (exit code 2)
     * @throws io.github.attribution.io.DataFileException for a bad input file (exit code 2)
     * @throws Exception for anything else (exit code 1)
     */
    int run(Args args, Context context) throws Exception;
}
