package io.oteldoctor.cli;

import io.oteldoctor.analysis.AnalysisOptions;
import io.oteldoctor.analysis.Analyzer;
import io.oteldoctor.analysis.GroupBy;
import io.oteldoctor.corpus.CalibrationFit;
import io.oteldoctor.corpus.Evaluation;
import io.oteldoctor.corpus.LabelledLog;
import io.oteldoctor.corpus.Scores;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.ingest.InputPaths;
import io.oteldoctor.ingest.LineScanner;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.report.JsonRenderer;
import io.oteldoctor.report.Report;
import io.oteldoctor.report.ReportRenderer;
import io.oteldoctor.report.TextRenderer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.FutureTask;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.slf4j.LoggerFactory;

/** The otel-doctor command line. */
public final class Main {

    private static final String USAGE = "otel-doctor analyze [options] [PATH...]  |  otel-doctor follow [options] [FILE...]"
            + "  |  otel-doctor eval [DIR...]";
    private static final String HEADER = "%nReads OpenTelemetry Collector and SDK logs (files, directories, archives, "
            + "compressed files, or standard input when no PATH or '-' is given) and reports why exports fail: ranked causes per exporter, the evidence "
            + "lines, the fix, and how to confirm it.%n%n";
    private static final String FOOTER = "%nExit codes: 0 no problem found, 1 problems diagnosed, 2 usage error, "
            + "3 some input could not be read, 70 internal error.%nDocs: docs/user-guide.md%n";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream stdin;

    Main(PrintStream out, PrintStream err, InputStream stdin) {
        this.out = out;
        this.err = err;
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        // The provider named here is loaded without a search of the class path, and SLF4J is
        // asked not to say so on stderr (see StderrLoggingProvider).
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", StderrLoggingProvider.class.getName());
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        // Bound here, before any other thread starts. A thread that asks for a logger while
        // another binds SLF4J gets a stand-in that holds its events back, replays them with a
        // warning of three lines on stderr, and can lose one; the rulebase's thread asks for its
        // first logger a few milliseconds after it starts, so binding now costs it nothing.
        LoggerFactory.getILoggerFactory();
        int code = new Main(System.out, System.err, System.in).run(args).code();
        System.out.flush();
        System.exit(code);
    }

    ExitCode run(String[] args) {
        Options options = options();
        if (args.length == 0) {
            usage(err, options);
            return ExitCode.USAGE;
        }
        String first = args[0];
        if (first.equals("--version") || first.equals("-V")) {
            out.println("otel-doctor " + version());
            return ExitCode.HEALTHY;
        }
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            usage(out, options);
            return ExitCode.HEALTHY;
        }
        if (first.equals("follow")) {
            return new io.oteldoctor.cli.follow.FollowCommand(out, err, stdin).run(Arrays.copyOfRange(args, 1, args.length));
        }
        if (first.equals("eval")) {
            return eval(Arrays.copyOfRange(args, 1, args.length));
        }
        if (!first.equals("analyze")) {
            err.println("otel-doctor: unknown command '" + first + "'; try 'otel-doctor --help'");
            return ExitCode.USAGE;
        }
        // the rulebase is most of a short run's start-up: begin it while the command line and the inputs are read
        FutureTask<Rulebase> rulebase = new FutureTask<>(Rulebase::bundled);
        Thread loader = new Thread(rulebase, "otel-doctor-rules");
        loader.setDaemon(true);
        loader.start();
        CommandLine cmd;
        try {
            cmd = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
        } catch (ParseException e) {
            err.println("otel-doctor: " + e.getMessage() + "; try 'otel-doctor --help'");
            return ExitCode.USAGE;
        }
        if (cmd.hasOption("help")) {
            usage(out, options);
            return ExitCode.HEALTHY;
        }
        CommandLines.applyVerbose(cmd);
        ReportRenderer renderer;
        GroupBy groupBy;
        int maxLineBytes;
        int threads;
        io.oteldoctor.ingest.InputFormat inputFormat;
        try {
            inputFormat = cmd.hasOption("input-format") ? io.oteldoctor.ingest.InputFormat.parse(cmd.getOptionValue("input-format")) : null;
            renderer = ReportRenderer.forFormat(cmd.getOptionValue("format", "text"));
            groupBy = GroupBy.parse(cmd.getOptionValue("group-by", "none"));
            maxLineBytes = Integer.parseInt(cmd.getOptionValue("max-line-bytes", String.valueOf(LineScanner.DEFAULT_MAX_LINE_BYTES)));
            if (maxLineBytes < 1024) {
                throw new IllegalArgumentException("--max-line-bytes must be at least 1024");
            }
            threads = Integer.parseInt(cmd.getOptionValue("threads", String.valueOf(AnalysisOptions.defaultThreads())));
            if (threads < 1 || threads > 2) {
                throw new IllegalArgumentException("--threads must be 1 or 2");
            }
        } catch (IllegalArgumentException e) {
            err.println("otel-doctor: " + e.getMessage());
            return ExitCode.USAGE;
        }
        List<String> paths = cmd.getArgList();
        if (paths.stream().filter("-"::equals).count() > 1) {
            err.println("otel-doctor: standard input ('-') can be named only once");
            return ExitCode.USAGE;
        }
        try {
            InputPaths.Selection selection = new InputPaths.Selection(CommandLines.values(cmd, "include"), CommandLines.values(cmd, "exclude"));
            InputPaths.Expansion inputs = InputPaths.expand(paths, stdin, selection);
            for (InputPaths.Problem p : inputs.problems()) {
                err.println("otel-doctor: " + p.path() + ": " + p.message());
            }
            AnalysisOptions analysis = new AnalysisOptions(groupBy, !cmd.hasOption("no-prefilter"), maxLineBytes, inputFormat,
                    threads, AnalysisOptions.DEFAULT_PIECE_BYTES, true);
            CauseCatalogue catalogue = CauseCatalogue.bundled();
            Analyzer analyzer = new Analyzer(loaded(rulebase), catalogue, analysis, version());
            Report report = analyzer.analyze(inputs.sources(), inputs.problems());
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            renderer.render(report, w);
            w.flush();
            if (cmd.hasOption("stats")) {
                err.print(TextRenderer.stats(report.stats()));
                err.flush();
            }
            if (!report.input().complete()) {
                return ExitCode.INPUT_ERROR;
            }
            return report.hasDiagnoses() ? ExitCode.PROBLEMS_FOUND : ExitCode.HEALTHY;
        } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
            err.println("otel-doctor: internal error: " + e);
            LoggerFactory.getLogger(Main.class).debug("internal error", e);
            return ExitCode.INTERNAL_ERROR;
        }
    }

    private static Rulebase loaded(FutureTask<Rulebase> rulebase) {
        try {
            return rulebase.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rulebase was loaded", e);
        }
    }

    /** {@code otel-doctor eval [DIR...]}: scores the engine on labelled logs. */
    private ExitCode eval(String[] args) {
        Options o = new Options();
        o.addOption(Option.builder("f").longOpt("format").hasArg().argName("text|json").desc("output format (default: text)").get());
        o.addOption(Option.builder().longOpt("min-top1").hasArg().argName("fraction")
                .desc("exit 1 when top-1 accuracy is below this, or when a healthy log gets a diagnosis").get());
        o.addOption(Option.builder().longOpt("max-partial").hasArg().argName("fraction")
                .desc("exit 1 when more than this share of the logs with cite labels get the right cause from the wrong lines").get());
        o.addOption(Option.builder().longOpt("fit-calibration").hasArg().argName("file")
                .desc("fit the confidence calibration on these logs, write it to file and print the fit instead of the scores").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        CommandLine cmd;
        double minTop1;
        double maxPartial;
        try {
            cmd = new DefaultParser().parse(o, args);
            minTop1 = Double.parseDouble(cmd.getOptionValue("min-top1", "0"));
            maxPartial = Double.parseDouble(cmd.getOptionValue("max-partial", "1"));
        } catch (ParseException | NumberFormatException e) {
            err.println("otel-doctor: " + e.getMessage() + "; try 'otel-doctor eval --help'");
            return ExitCode.USAGE;
        }
        String format = cmd.getOptionValue("format", "text");
        if (cmd.hasOption("help") || !(format.equals("text") || format.equals("json"))) {
            (cmd.hasOption("help") ? out : err).print(CommandLines.help("otel-doctor eval [options] [DIR...]",
                    "%nScores otel-doctor on labelled logs: files with '#@ expect:' headers, or files in a folder "
                            + "named after a cause or 'healthy'; a log NAME's labels may instead sit in a sidecar .NAME.labels "
                            + "beside it. DIR defaults to corpus/.%n%n", o, ""));
            return cmd.hasOption("help") ? ExitCode.HEALTHY : ExitCode.USAGE;
        }
        List<String> dirs = cmd.getArgList().isEmpty() ? List.of("corpus") : cmd.getArgList();
        try {
            CauseCatalogue catalogue = CauseCatalogue.bundled();
            List<LabelledLog> logs = new java.util.ArrayList<>();
            for (String d : dirs) {
                java.nio.file.Path dir = java.nio.file.Path.of(d);
                if (!java.nio.file.Files.isDirectory(dir)) {
                    err.println("otel-doctor: " + d + ": not a directory");
                    return ExitCode.USAGE;
                }
                // named by the path given, so logs of two folders with the same layout stay apart
                for (LabelledLog log : LabelledLog.load(dir, catalogue.ids())) {
                    logs.add(log.named(dir.resolve(log.name()).normalize().toString()));
                }
            }
            if (cmd.hasOption("fit-calibration")) {
                CalibrationFit.Result fit = CalibrationFit.fit(CalibrationFit.points(Rulebase.bundled(), catalogue, logs));
                java.nio.file.Files.writeString(java.nio.file.Path.of(cmd.getOptionValue("fit-calibration")), fit.json());
                out.print(format.equals("json") ? fit.json() : fit.table());
                return ExitCode.HEALTHY;
            }
            Scores scores = new Evaluation(Rulebase.bundled(), catalogue).score(logs);
            if (format.equals("json")) {
                out.println(JsonRenderer.pretty(scores));
            } else {
                out.print(scores.table());
            }
            boolean fails = scores.top1() < minTop1 || minTop1 > 0 && scores.falseAlarms() > 0
                    || scores.citations().partialMissRate() > maxPartial;
            return fails ? ExitCode.PROBLEMS_FOUND : ExitCode.HEALTHY;
        } catch (IOException | RuntimeException e) {
            err.println("otel-doctor: internal error: " + e);
            return ExitCode.INTERNAL_ERROR;
        }
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("f").longOpt("format").hasArg().argName("text|json")
                .desc("output format (default: text)").get());
        o.addOption(Option.builder("g").longOpt("group-by").hasArg().argName("none|file|host")
                .desc("one report for all input (none, the default), one per source file, or one per host").get());
        o.addOption(Option.builder().longOpt("input-format").hasArg().argName("layout")
                .desc("read every line as this layout instead of detecting it ("
                        + String.join(", ", java.util.Arrays.stream(io.oteldoctor.ingest.InputFormat.values())
                                .map(io.oteldoctor.ingest.InputFormat::id).toList())
                        + "); lines in another layout count as unrecognized").get());
        o.addOption(Option.builder().longOpt("include").hasArg().argName("glob")
                .desc("in directories, read only files whose path below the directory matches (repeatable)").get());
        o.addOption(Option.builder().longOpt("exclude").hasArg().argName("glob")
                .desc("in directories, skip files whose path below the directory matches (repeatable)").get());
        o.addOption(Option.builder().longOpt("max-line-bytes").hasArg().argName("bytes")
                .desc("cut longer lines to this length and count them as truncated (default: 1048576)").get());
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("1|2")
                .desc("threads that scan a log larger than 4 MiB, compressed or piped too: with 2, two worker threads scan "
                        + "pieces of it, cut where records start, with the same result (default: 2 on two or more cores; "
                        + "1 reads every log from the top on one thread)").get());
        o.addOption(Option.builder().longOpt("no-prefilter")
                .desc("parse every line instead of only those containing a rule trigger (slow; for rule authors)").get());
        o.addOption(Option.builder().longOpt("stats")
                .desc("print how much was read, how fast, peak heap and time per stage to standard error "
                        + "(the JSON report always holds them)").get());
        return CommandLines.withCommonOptions(o);
    }

    private static void usage(PrintStream stream, Options options) {
        stream.print(CommandLines.help(USAGE, HEADER, options, FOOTER));
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
