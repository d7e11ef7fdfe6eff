package io.github.attribution.cli;

import io.github.attribution.datadriven.ModelLimitException;
import io.github.attribution.internal.Escaping;
import io.github.attribution.io.AtomicOutput;
import io.github.attribution.io.DataFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar attribution-cli.jar COMMAND [options]}. Exit codes: 0 success; 2 bad usage or bad
 * input, explained in one line on standard error; 1 anything else.
 */
public final class Main {
    /** Every command, in the order {@code help} lists them. Adding a command is one line here. */
    static final List<Command> COMMANDS = List.of(
            new HelpCommand(),
            new DemoCommand(),
            new ModelsCommand(),
            new AttributeCommand(),
            new ReportCommand(),
            new CompareCommand(),
            new PathsCommand(),
            new GenerateCommand(),
            new EvaluateCommand());

    private Main() {}

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line with these streams, without exiting (for tests and embedding).
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * Runs the command line with these streams and environment variables (of which {@code COLUMNS},
     * the terminal's width, is read), without exiting.
     *
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        // SLF4J starts here, on one thread: a first logging call from several worker threads at once
        // would be queued during its start and replayed with three lines of SLF4J(W) notes
        LoggerFactory.getILoggerFactory();
        if (args.length == 0) {
            err.println("error: no command given");
            err.println(HelpCommand.overview());
            return 2;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            out.println("attribution " + version());
            return 0;
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            out.println(HelpCommand.overview());
            return 0;
        }
        Optional<Command> command = find(args[0]);
        if (command.isEmpty()) {
            err.println(line(unknownCommand(args[0])));
            return 2;
        }
        Command c = command.get();
        Command.Context context = new Command.Context(out, err, System.console() != null, width(env));
        try {
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            if (rest.contains("--help") || rest.contains("-h")) {
                out.println(HelpCommand.help(c));
                return 0;
            }
            if (c instanceof HelpCommand && rest.size() == 1 && !rest.get(0).startsWith("--")) {
                return HelpCommand.helpFor(rest.get(0), context);
            }
            Args parsed = Args.parse(rest, c.options());
            Output.requireDistinct(parsed);
            return c.run(parsed, context);
        } catch (UsageException e) {
            err.println(line("error: " + e.getMessage() + " (see 'help " + c.name() + "')"));
            return 2;
        } catch (DataFileException | ModelLimitException e) {
            err.println(line("error: " + e.getMessage()));
            return 2;
        } catch (UncheckedIOException e) {
            err.println(line("error: " + describe(e.getCause())));
            return 1;
        } catch (IOException e) {
            err.println(line("error: " + describe(e)));
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give the JVM more heap (java -Xmx8g -jar ...)");
            return 1;
        } catch (Exception | Error e) {
            err.println(line("error: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            return 1;
        }
    }

    /** The terminal's width from {@code COLUMNS}; {@link Command#DEFAULT_WIDTH} when unset or not a width. */
    static int width(Map<String, String> env) {
        String columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                int w = Integer.parseInt(columns.trim());
                if (w >= 20 && w <= 10_000) {
                    return w;
                }
            } catch (NumberFormatException e) {
                // not a width: the default
            }
        }
        return Command.DEFAULT_WIDTH;
    }

    /** The version of this build, from the {@code version.properties} Maven fills in; {@code unknown} without it. */
    static String version() {
        try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("$")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // reported as unknown
        }
        return "unknown";
    }

    /** The error for an unknown command: the nearest command when it looks like a typo, else every command. */
    static String unknownCommand(String name) {
        String hint =
                Suggest.didYouMean(name, COMMANDS.stream().map(Command::name).toList(), "");
        return "error: unknown command '" + name + "'" + (hint.isEmpty() ? "; commands: " + names() : hint);
    }

    /** The longest error line printed; longer ones are cut with a note of their length. */
    static final int MAX_LINE = 4096;

    /**
     * {@code message} as one safe line: control and bidirectional characters escaped ({@link
     * Escaping#printable}), cut to {@value #MAX_LINE} characters. Every error goes through here.
     */
    static String line(String message) {
        return Escaping.printable(Escaping.truncate(message, MAX_LINE));
    }

    static Optional<Command> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", COMMANDS.stream().map(Command::name).toArray(String[]::new));
    }

    private static String describe(IOException e) {
        if (e instanceof AtomicOutput.WriteException) {
            return e.getMessage(); // names the user's path already
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
