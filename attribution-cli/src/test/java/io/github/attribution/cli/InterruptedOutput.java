package io.github.attribution.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A process that opens an output file, writes 20 MB into it (more than one {@link FileSink} buffer),
 * says {@code ready} and waits to be signalled: what {@code attribute} looks like in the middle of a
 * large write. Started by {@link SignalCleanupTest}.
 */
final class InterruptedOutput {
    private InterruptedOutput() {}

    public static void main(String[] args) throws Exception {
        try (Output output = Output.open(args[0], System.out)) {
            OutputStream stream = output.stream();
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                stream.write(chunk);
            }
            PrintStream out = System.out;
            out.println("ready");
            out.flush();
            Thread.sleep(60_000);
        }
    }
}
