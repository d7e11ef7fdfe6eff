package io.github.attribution.cli;

/** {@code help [COMMAND]}: what the tool does, its commands, and each command's options. */
final class HelpCommand implements Command {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "this text; 'help COMMAND' shows a command's options";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public Args.Spec options() {
        return Args.Spec.none();
    }

    @Override
    public int run(Args args, Context context) {
        context.out().println(overview());
        return 0;
    }

    /** The overview: usage line, commands, an example, exit codes. */
    static String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("attribution: exact multi-touch revenue attribution for B2B\n\n");
        sb.append("usage: java -jar attribution-cli.jar COMMAND [options]\n");
        sb.append("       java -jar attribution-cli.jar --version | --help | help COMMAND\n\n");
        sb.append("commands:\n");
        for (Command c : Main.COMMANDS) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        sb.append("\nexample (writes under out/, which .gitignore leaves out of the repository):\n");
        sb.append("  java -jar attribution-cli.jar generate --opportunities 1000 --seed 1 --out out/data\n");
        sb.append("  java -jar attribution-cli.jar attribute --touchpoints out/data/touchpoints.csv \\\n");
        sb.append("      --opportunities out/data/opportunities.csv --people out/data/people.csv \\\n");
        sb.append("      --model w-shaped --model time-decay:half-life-days=14 --out out/credits.csv\n");
        sb.append("  java -jar attribution-cli.jar report --touchpoints out/data/touchpoints.csv \\\n");
        sb.append("      --opportunities out/data/opportunities.csv --costs out/data/costs.csv \\\n");
        sb.append("      --by channel --by quarter --format text\n");
        sb.append("  java -jar attribution-cli.jar compare --touchpoints out/data/touchpoints.csv \\\n");
        sb.append("      --opportunities out/data/opportunities.csv --people out/data/people.csv \\\n");
        sb.append("      --format text --html out/compare.html\n\n");
        sb.append("'help COMMAND' lists a command's options. Exit codes: 0 success, 2 bad usage or bad input\n");
        sb.append("(the message names file, line, column and value), 1 anything else. A summary goes to\n");
        sb.append("standard error after each run; --out files appear only when the run succeeds.");
        return sb.toString();
    }

    /** One command's help. */
    static String help(Command c) {
        String usage = c.usage();
        String operands = c instanceof HelpCommand ? " [COMMAND]" : usage.isEmpty() ? "" : " [options]";
        return "usage: java -jar attribution-cli.jar " + c.name() + operands + "\n" + c.summary()
                + (usage.isEmpty() ? "" : "\n\noptions:\n" + usage);
    }

    /** {@code help COMMAND} is parsed here since it takes a bare word. */
    static int helpFor(String name, Context context) {
        return Main.find(name)
                .map(c -> {
                    context.out().println(help(c));
                    return 0;
                })
                .orElseGet(() -> {
                    context.err().println(Main.line(Main.unknownCommand(name)));
                    return 2;
                });
    }
}
