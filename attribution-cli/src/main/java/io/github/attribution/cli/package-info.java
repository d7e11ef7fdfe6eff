/**
 * The command line ({@code java -jar attribution-cli.jar COMMAND [options]}): {@link
 * io.github.attribution.cli.Main} parses the command name and hands the options to a {@link
 * io.github.attribution.cli.Command} from its registry. Shared pieces: {@code Args} (option parsing),
 * {@code Inputs} (loading the data files and journey settings), {@code Output} (write to a
 * temporary file, then rename; {@code FileSink} writes large files past the page cache), {@code OutputFormat} ({@code --format csv|json|text}), {@code
 * Summary} (the paragraph on standard error). {@code compare} and {@code demo} share {@code
 * CompareCommand.compare}.
 *
 * <p>To add a command, write one class implementing {@code Command} and add one line to {@code
 * Main.COMMANDS}. May use everything in the library; nothing else depends on it.
 */
package io.github.attribution.cli;
