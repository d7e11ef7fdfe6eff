package io.github.attribution.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rule-based attribution by channel, side by side: the SQL an analyst would run in DuckDB against the
 * command line's {@code report}, each in a process of its own, on the same CSV files and the same
 * cores. Not a JMH benchmark: whole processes (JVM start, reading, everything) are what is compared.
 *
 * <p>Run from the repository root, after {@code mvn -B -q package -DskipTests}:
 *
 * <pre>{@code
 * attribution-benchmarks/duckdb-vs-report.sh            # or, the same:
 * java -cp attribution-benchmarks/target/benchmarks.jar io.github.attribution.benchmarks.DuckDbComparison \
 *     --data /tmp/attribution-1m-seed7 --rounds 3
 * }</pre>
 *
 * It generates the data set when {@code --data} has no {@code touchpoints.csv} ({@code generate
 * --opportunities 1000000 --seed 7}, reused afterwards), then runs each job's two sides one after the
 * other, round after round, under {@code /usr/bin/time -v} for the CPU time (user and system: the
 * fairer figure on a shared machine) and the peak resident set size; checks that
 * both sides give the same pipeline and revenue per currency and channel, to the minor unit; and prints
 * the median wall time and peak RSS of each side with their ratio. For linear it also runs {@code
 * attribute --model linear --out FILE} (every credit row written, 28 M rows and 2.5 GB at 1M
 * opportunities), whose rows it sums per currency and channel, pipeline and won revenue, to check them
 * against the same SQL totals.
 *
 * <p><b>The journey rule the SQL implements</b>, which is the command line's with its default
 * settings and no contacts file: an opportunity's journey is every touchpoint of its account (the
 * {@code account_id} of both files) at or before its {@code closed_at} when it is won or lost, and every
 * touchpoint of its account when it is open (no {@code --as-of}, no lookback, no funnel cycles), in
 * order of {@code occurred_at}, ties by {@code touchpoint_id}. An opportunity with an empty journey
 * credits its whole amount to {@code (unattributed)}. Linear gives each of the {@code n} touches {@code
 * amount div n} minor units and one more to each of the first {@code amount mod n} touches (the
 * apportioner's largest-remainder rule when all shares are equal: ties go to the earlier touch);
 * first-touch gives the whole amount to the first. Pipeline sums every opportunity's credit, revenue
 * the won ones'. The SQL takes amounts with two decimals (the generator's, in USD); it groups by
 * currency as {@code report} does, with an empty currency read as USD.
 *
 * <p>The journey's end is one column ({@code closed_at}, or infinity for open opportunities), so the
 * join condition is an equality and one comparison: DuckDB then plans a hash join. Written with an
 * {@code OR} ({@code status = 'open' OR occurred_at <= closed_at}) it plans a nested-loop join, which
 * did not finish on the 1M data set in 30 minutes.
 */
public final class DuckDbComparison {
    private static final String SQL_SIDE = "DuckDB SQL";
    private static final String OUR_SIDE = "report";
    private static final String ATTRIBUTE_SIDE = "attribute --out";

    private DuckDbComparison() {}

    /**
     * One job: a model, the SQL that turns the opportunities {@code o} and touchpoints {@code t} into
     * credit rows {@code c (currency, status, channel, credit)}, and our command as printed.
     */
    private record Job(String model, String credits, String oursLabel) {}

    /**
     * Linear: {@code amount div n}, plus one minor unit for each of the first {@code amount mod n}
     * touches, so each touch needs its position in the journey (a window sort per opportunity).
     */
    private static final Job LINEAR = new Job("linear", """
            j AS (
              SELECT o.currency, o.status, o.cents, t.channel,
                     row_number() OVER (PARTITION BY o.opportunity_id
                                        ORDER BY t.occurred_at, t.touchpoint_id) AS pos,
                     count(t.touchpoint_id) OVER (PARTITION BY o.opportunity_id) AS n
              FROM o LEFT JOIN t
                ON t.account_id = o.account_id
               AND t.occurred_at <= o.journey_end
            ),
            c AS (
              SELECT currency, status, coalesce(channel, '(unattributed)') AS channel,
                     CASE WHEN n = 0 THEN cents
                          ELSE cents // n + CASE WHEN pos <= cents % n THEN 1 ELSE 0 END END AS credit
              FROM j
            )""", "report --model linear --by channel");

    /**
     * First-touch as an analyst writes it: one aggregation per opportunity, its amount to the channel
     * of the earliest touch ({@code arg_min}, ties by touchpoint id), no window and no sort.
     */
    private static final Job FIRST_TOUCH = new Job("first-touch", """
            c AS (
              SELECT any_value(o.currency) AS currency, any_value(o.status) AS status,
                     coalesce(arg_min(t.channel, (t.occurred_at, t.touchpoint_id)), '(unattributed)') AS channel,
                     any_value(o.cents) AS credit
              FROM o LEFT JOIN t
                ON t.account_id = o.account_id
               AND t.occurred_at <= o.journey_end
              GROUP BY o.opportunity_id
            )""", "report --model first-touch --by channel");

    /** One measured process. */
    private record Run(double seconds, double cpu, long rssKb, Map<String, long[]> totals) {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("query")) {
            query(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
            return;
        }
        Path data = Path.of("/tmp/attribution-1m-seed7");
        int rounds = 3;
        int threads = 2;
        String heap = "2g";
        long opportunities = 1_000_000;
        long seed = 7;
        Path cli = Path.of("attribution-cli/target/attribution-cli.jar");
        List<String> models = List.of("linear", "first-touch");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--xmx" -> heap = value;
                case "--opportunities" -> opportunities = Long.parseLong(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--cli" -> cli = Path.of(value);
                case "--models" -> models = List.of(value.split(","));
                default -> {
                    System.err.println("usage: DuckDbComparison [--data DIR] [--rounds N] [--threads N] [--xmx SIZE]"
                            + " [--opportunities N --seed S] [--cli JAR] [--models linear,first-touch]");
                    System.exit(2);
                }
            }
            i++;
        }
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("no " + cli + ": build first (mvn -B -q package -DskipTests)");
        }
        if (!Files.isRegularFile(data.resolve("touchpoints.csv"))) {
            System.out.println("generating " + opportunities + " opportunities (seed " + seed + ") into " + data);
            run(List.of(
                    java(),
                    "-Xmx1g",
                    "-jar",
                    cli.toString(),
                    "generate",
                    "--opportunities",
                    Long.toString(opportunities),
                    "--seed",
                    Long.toString(seed),
                    "--out",
                    data.toString()));
        }
        List<Job> jobs = new ArrayList<>();
        for (String m : models) {
            jobs.add(
                    switch (m) {
                        case "linear" -> LINEAR;
                        case "first-touch" -> FIRST_TOUCH;
                        default -> throw new IllegalArgumentException("no SQL for model " + m);
                    });
        }
        long bytes = Files.size(data.resolve("touchpoints.csv")) + Files.size(data.resolve("opportunities.csv"));
        System.out.printf(
                Locale.ROOT,
                "data: %s (touchpoints.csv + opportunities.csv, %.2f GB); %d rounds, %d threads, our heap -Xmx%s%n",
                data,
                bytes / 1e9,
                rounds,
                threads,
                heap);
        System.out.println("load before: " + uptime());
        Path scratch = Files.createTempDirectory("duckdb-vs-report");
        Map<String, List<Run>> runs = new TreeMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Job job : jobs) {
                // alternate which side goes first, so neither always runs on a cooler page cache
                List<String> sides =
                        job == LINEAR ? List.of(SQL_SIDE, OUR_SIDE, ATTRIBUTE_SIDE) : List.of(SQL_SIDE, OUR_SIDE);
                for (int k = 0; k < sides.size(); k++) {
                    String side = sides.get((k + r) % sides.size());
                    Run run = switch (side) {
                        case SQL_SIDE -> sqlRun(job, data, threads, scratch);
                        case OUR_SIDE -> ourRun(job, data, heap, cli, scratch);
                        default -> attributeRun(data, heap, cli, scratch);
                    };
                    runs.computeIfAbsent(job.model + "|" + side, x -> new ArrayList<>())
                            .add(run);
                    System.out.printf(
                            Locale.ROOT,
                            "round %d  %-12s %-15s %7.2f s wall  %7.2f s CPU  %5.2f GB%n",
                            r + 1,
                            job.model,
                            side,
                            run.seconds,
                            run.cpu,
                            run.rssKb / 1e6 * 1.024);
                }
            }
        }
        System.out.println("load after: " + uptime());
        System.out.println();
        System.out.println("| job | DuckDB SQL (JDBC, " + threads + " threads) | this project"
                + " | wall ratio (DuckDB / ours) | CPU ratio |");
        System.out.println("|---|---|---|---|---|");
        boolean agree = true;
        for (Job job : jobs) {
            List<Run> sql = runs.get(job.model + "|" + SQL_SIDE);
            List<Run> ours = runs.get(job.model + "|" + OUR_SIDE);
            List<Run> attribute = runs.getOrDefault(job.model + "|" + ATTRIBUTE_SIDE, List.of());
            for (Run s : sql) {
                for (Run o : ours) {
                    if (!same(job.model, s.totals, o.totals)) {
                        agree = false;
                    }
                }
                for (Run a : attribute) {
                    if (!same(job.model + " (attribute)", s.totals, a.totals)) {
                        agree = false;
                    }
                }
            }
            double sqlWall = median(sql.stream().mapToDouble(Run::seconds).toArray());
            double ourWall = median(ours.stream().mapToDouble(Run::seconds).toArray());
            double sqlCpu = median(sql.stream().mapToDouble(Run::cpu).toArray());
            double ourCpu = median(ours.stream().mapToDouble(Run::cpu).toArray());
            System.out.printf(
                    Locale.ROOT,
                    "| %s credit by channel | %.1f s (%.1f s CPU), %.2f GB RSS | `%s`: %.1f s (%.1f s CPU), %.2f GB RSS"
                            + " | %.2fx %s | %.2fx |%n",
                    job.model,
                    sqlWall,
                    sqlCpu,
                    median(sql.stream().mapToDouble(x -> x.rssKb * 1.024e-6).toArray()),
                    job.oursLabel,
                    ourWall,
                    ourCpu,
                    median(ours.stream().mapToDouble(x -> x.rssKb * 1.024e-6).toArray()),
                    sqlWall / ourWall,
                    sqlWall >= ourWall ? "(ours faster)" : "(ours slower)",
                    sqlCpu / ourCpu);
            if (!attribute.isEmpty()) {
                double wall =
                        median(attribute.stream().mapToDouble(Run::seconds).toArray());
                double cpu = median(attribute.stream().mapToDouble(Run::cpu).toArray());
                System.out.printf(
                        Locale.ROOT,
                        "| %s credit rows to a file | (the query above) | `attribute --model %s --out FILE`: %.1f s"
                                + " (%.1f s CPU), %.2f GB RSS | %.2fx %s | %.2fx |%n",
                        job.model,
                        job.model,
                        wall,
                        cpu,
                        median(attribute.stream()
                                .mapToDouble(x -> x.rssKb * 1.024e-6)
                                .toArray()),
                        sqlWall / wall,
                        sqlWall >= wall ? "(ours faster)" : "(ours slower)",
                        sqlCpu / cpu);
            }
        }
        System.out.println();
        System.out.println("medians of " + rounds + " rounds; CPU = user + system seconds; GB = 10^9 bytes of peak"
                + " resident set size");
        if (!agree) {
            System.out.println("TOTALS DIFFER: see above");
            System.exit(1);
        }
        Map<String, long[]> sample =
                runs.get(jobs.get(0).model + "|" + SQL_SIDE).get(0).totals;
        System.out.println("totals agree to the minor unit in every run: " + sample.size()
                + " (currency, channel) groups per job, pipeline and revenue");
    }

    // ---- the SQL side

    /** The query of {@code job} in a DuckDB process of its own. */
    private static Run sqlRun(Job job, Path data, int threads, Path scratch) throws IOException, InterruptedException {
        String self = Path.of(DuckDbComparison.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        Path out = scratch.resolve("sql.out");
        Measured m = timed(
                List.of(
                        java(),
                        "-Xmx1g",
                        "-cp",
                        self,
                        DuckDbComparison.class.getName(),
                        "query",
                        data.toString(),
                        job.model,
                        Integer.toString(threads)),
                out,
                scratch.resolve("sql.err"));
        Map<String, long[]> totals = new TreeMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            totals.put(f[0] + "," + f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
        }
        return new Run(m.seconds, m.cpu, m.rssKb, totals);
    }

    /** The SQL of {@code job}: journeys as in the class comment, credits summed by currency and channel. */
    static String sql(Path data, Job job) {
        String touchpoints = data.resolve("touchpoints.csv").toString().replace("'", "''");
        String opportunities = data.resolve("opportunities.csv").toString().replace("'", "''");
        return """
                WITH o AS (
                  SELECT opportunity_id, account_id, status,
                         CASE WHEN status = 'open' THEN TIMESTAMP 'infinity' ELSE closed_at END AS journey_end,
                         coalesce(nullif(currency, ''), 'USD') AS currency,
                         CAST(amount * 100 AS BIGINT) AS cents
                  FROM read_csv('%s', header = true, columns = {
                    'opportunity_id': 'VARCHAR', 'account_id': 'VARCHAR', 'amount': 'DECIMAL(18,2)',
                    'currency': 'VARCHAR', 'created_at': 'TIMESTAMP', 'closed_at': 'TIMESTAMP',
                    'status': 'VARCHAR'})
                ),
                t AS (
                  SELECT touchpoint_id, account_id, occurred_at, channel
                  FROM read_csv('%s', header = true, columns = {
                    'touchpoint_id': 'VARCHAR', 'account_id': 'VARCHAR', 'person_id': 'VARCHAR',
                    'occurred_at': 'TIMESTAMP', 'channel': 'VARCHAR', 'source': 'VARCHAR',
                    'campaign': 'VARCHAR', 'offer': 'VARCHAR', 'touch_type': 'VARCHAR'})
                ),
                %s
                SELECT currency, channel, sum(credit) AS pipeline,
                       coalesce(sum(credit) FILTER (WHERE status = 'won'), 0) AS revenue
                FROM c
                GROUP BY currency, channel
                ORDER BY currency, channel
                """.formatted(opportunities, touchpoints, job.credits.stripTrailing());
    }

    /** The {@code query} subcommand: runs one job's SQL in this process, printing tab-separated totals. */
    private static void query(Path data, String model, int threads) throws SQLException {
        Job job = model.equals("linear") ? LINEAR : FIRST_TOUCH;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET preserve_insertion_order = false");
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = s.executeQuery(sql(data, job))) {
                while (rs.next()) {
                    out.append(rs.getString(1))
                            .append('\t')
                            .append(rs.getString(2))
                            .append('\t')
                            .append(rs.getLong(3))
                            .append('\t')
                            .append(rs.getLong(4))
                            .append('\n');
                }
            }
            System.out.print(out);
        }
    }

    // ---- our side

    private static Run ourRun(Job job, Path data, String heap, Path cli, Path scratch)
            throws IOException, InterruptedException {
        Path out = scratch.resolve("ours.out");
        Measured m = timed(
                command(heap, cli, data, "report", job.model, "--by", "channel"), out, scratch.resolve("ours.err"));
        // channel,currency,pipeline,revenue,opportunities,won,touches
        Map<String, long[]> totals = new TreeMap<>();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            totals.put(f[1] + "," + f[0], new long[] {cents(f[2]), cents(f[3])});
        }
        return new Run(m.seconds, m.cpu, m.rssKb, totals);
    }

    /** {@code java -Xmx<heap> -jar <cli> <command> --touchpoints ... --opportunities ... --model <model> <more>}. */
    private static List<String> command(
            String heap, Path cli, Path data, String command, String model, String... more) {
        List<String> c = new ArrayList<>(List.of(
                java(),
                "-Xmx" + heap,
                "-jar",
                cli.toString(),
                command,
                "--touchpoints",
                data.resolve("touchpoints.csv").toString(),
                "--opportunities",
                data.resolve("opportunities.csv").toString(),
                "--model",
                model));
        c.addAll(List.of(more));
        return c;
    }

    /**
     * {@code attribute --model linear --out FILE}: every credit row written to a file, then summed per
     * currency and channel (pipeline, and revenue over the won opportunities of {@code
     * opportunities.csv}) for the check; the file is deleted afterwards.
     */
    private static Run attributeRun(Path data, String heap, Path cli, Path scratch)
            throws IOException, InterruptedException {
        Path credits = scratch.resolve("credits.csv");
        Measured m = timed(
                command(heap, cli, data, "attribute", "linear", "--out", credits.toString()),
                scratch.resolve("attribute.out"),
                scratch.resolve("attribute.err"));
        Set<String> won = new HashSet<>();
        try (var lines = Files.lines(data.resolve("opportunities.csv"), StandardCharsets.UTF_8)) {
            lines.skip(1).map(DuckDbComparison::fields).forEach(f -> {
                if (f.get(6).equals("won")) {
                    won.add(f.get(0));
                }
            });
        }
        // model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency
        Map<String, long[]> totals = new TreeMap<>();
        try (var lines = Files.lines(credits, StandardCharsets.UTF_8)) {
            lines.skip(1).map(DuckDbComparison::fields).forEach(f -> {
                long[] t = totals.computeIfAbsent(f.get(7) + "," + f.get(3), k -> new long[2]);
                long credit = cents(f.get(6));
                t[0] += credit;
                if (won.contains(f.get(1))) {
                    t[1] += credit;
                }
            });
        }
        Files.delete(credits);
        return new Run(m.seconds, m.cpu, m.rssKb, totals);
    }

    /** The fields of a CSV line whose quoted fields (doubled quotes inside) do not span lines. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static long cents(String decimal) {
        return new BigDecimal(decimal).movePointRight(2).longValueExact();
    }

    // ---- processes

    /** Wall seconds, CPU seconds (user and system) and peak RSS of a process. */
    private record Measured(double seconds, double cpu, long rssKb) {}

    /** Runs {@code command} under {@code /usr/bin/time -v}; fails unless it exits 0. */
    private static Measured timed(List<String> command, Path out, Path err) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        full.addAll(command);
        long began = System.nanoTime();
        Process p = new ProcessBuilder(full)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - began) / 1e9;
        String log = Files.readString(err, StandardCharsets.UTF_8);
        if (code != 0) {
            throw new IllegalStateException("exit " + code + " from " + String.join(" ", command) + "\n" + log);
        }
        long rss = -1;
        double cpu = 0;
        for (String line : log.split("\n")) {
            String l = line.trim();
            String value = l.substring(l.indexOf(':') + 1).trim();
            if (l.startsWith("Maximum resident set size (kbytes):")) {
                rss = Long.parseLong(value);
            } else if (l.startsWith("User time (seconds):") || l.startsWith("System time (seconds):")) {
                cpu += Double.parseDouble(value);
            }
        }
        return new Measured(seconds, cpu, rss);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("exit " + code + " from " + String.join(" ", command));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " (load average 1, 5, 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Whether the two sides' totals agree; prints the differences. */
    private static boolean same(String model, Map<String, long[]> sql, Map<String, long[]> ours) {
        boolean same = sql.keySet().equals(ours.keySet());
        for (String k : sql.keySet()) {
            long[] a = sql.get(k);
            long[] b = ours.get(k);
            if (b == null || a[0] != b[0] || a[1] != b[1]) {
                same = false;
                System.out.println(model + " " + k + ": SQL " + Arrays.toString(a) + ", report "
                        + (b == null ? "none" : Arrays.toString(b)));
            }
        }
        if (!same) {
            System.out.println(model + ": groups SQL " + sql.keySet() + ", report " + ours.keySet());
        }
        return same;
    }
}
