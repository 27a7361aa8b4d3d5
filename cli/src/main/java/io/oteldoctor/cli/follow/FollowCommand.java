package io.oteldoctor.cli.follow;

import io.oteldoctor.analysis.GroupBy;
import io.oteldoctor.cli.CommandLines;
import io.oteldoctor.cli.ExitCode;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.follow.DiagnosisEvent;
import io.oteldoctor.follow.FollowOptions;
import io.oteldoctor.follow.Follower;
import io.oteldoctor.ingest.InputFormat;
import io.oteldoctor.ingest.LineScanner;
import io.oteldoctor.matching.Rulebase;
import io.oteldoctor.report.JsonRenderer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.slf4j.LoggerFactory;

/**
 * {@code otel-doctor follow}: diagnoses a live stream and reports each change as it happens.
 * Standard input, followed files and listeners all feed one inbox that a single thread drains,
 * so the diagnosis sees one ordered stream and never needs a lock.
 */
public final class FollowCommand {

    /** Longest wait between a line and the events it causes (the issue allows one second). */
    static final long TICK_MILLIS = 250;
    static final String STDIN = "stdin";

    private static final String USAGE = "otel-doctor follow [options] [FILE...]";
    private static final String HEADER = "%nDiagnoses a live stream of collector or SDK logs and writes an event whenever a "
            + "problem opens, changes or resolves. Reads standard input when no FILE is given (or '-'), follows FILEs "
            + "across rotation like tail -F, and accepts lines from log shippers with --listen.%n%n";
    private static final String FOOTER = "%nExit codes: 0 no problem open at the end, 1 problems still open, 2 usage "
            + "error, 3 input could not be read, 70 internal error.%nDocs: docs/follow.md, docs/integrations/%n";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream stdin;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;

    public FollowCommand(PrintStream out, PrintStream err, InputStream stdin) {
        this.out = out;
        this.err = err;
        this.stdin = stdin;
    }

    public ExitCode run(String[] args) {
        Options options = options();
        CommandLine cmd;
        try {
            cmd = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            err.println("otel-doctor: " + e.getMessage() + "; try 'otel-doctor follow --help'");
            return ExitCode.USAGE;
        }
        if (cmd.hasOption("help")) {
            usage(out, options);
            return ExitCode.HEALTHY;
        }
        CommandLines.applyVerbose(cmd);
        Settings settings;
        try {
            settings = Settings.of(cmd);
        } catch (IllegalArgumentException e) {
            err.println("otel-doctor: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try {
            return follow(settings);
        } catch (IOException e) {
            err.println("otel-doctor: " + e.getMessage());
            return ExitCode.INPUT_ERROR;
        } catch (RuntimeException | LinkageError e) {
            err.println("otel-doctor: internal error: " + e);
            LoggerFactory.getLogger(FollowCommand.class).debug("internal error", e);
            return ExitCode.INTERNAL_ERROR;
        } finally {
            finished.countDown();
        }
    }

    /** What the command line asks for, checked. */
    record Settings(FollowOptions follow, boolean json, List<Path> files, boolean readStdin, boolean fromStart,
                    List<Listener.Address> listen, boolean confirm, boolean annotate, Path eventsTo, Path state,
                    int maxLineBytes) {

        static Settings of(CommandLine cmd) {
            FollowOptions o = FollowOptions.defaults()
                    .withGroupBy(GroupBy.parse(cmd.getOptionValue("group-by", "none")))
                    .withInputFormat(cmd.hasOption("input-format") ? InputFormat.parse(cmd.getOptionValue("input-format")) : null);
            if (cmd.hasOption("quiet")) {
                o = o.withQuiet(duration("--quiet", cmd.getOptionValue("quiet")));
            }
            if (cmd.hasOption("reorder")) {
                o = new FollowOptions(o.quiet(), duration("--reorder", cmd.getOptionValue("reorder")), o.groupBy(),
                        o.inputFormat(), o.perLine());
            }
            String format = cmd.getOptionValue("format", "json");
            if (!format.equals("json") && !format.equals("text")) {
                throw new IllegalArgumentException("unknown output format: " + format + " (use json or text)");
            }
            List<Listener.Address> listen = new ArrayList<>();
            for (String a : CommandLines.values(cmd, "listen")) {
                listen.add(Listener.Address.parse(a));
            }
            List<String> args = cmd.getArgList();
            boolean readStdin = args.contains("-") || args.isEmpty() && listen.isEmpty();
            List<Path> files = args.stream().filter(a -> !a.equals("-")).map(Path::of).toList();
            boolean confirm = cmd.hasOption("confirm");
            boolean annotate = cmd.hasOption("annotate");
            if (confirm && annotate) {
                throw new IllegalArgumentException("--confirm (rsyslog omprog) and --annotate (rsyslog mmexternal) exclude each other");
            }
            if ((confirm || annotate) && (!files.isEmpty() || !listen.isEmpty())) {
                throw new IllegalArgumentException("--confirm and --annotate speak a shipper's protocol on standard input; "
                        + "they take no FILE and no --listen");
            }
            if (cmd.hasOption("state") && !confirm) {
                throw new IllegalArgumentException("--state keeps the line accounting across restarts by rsyslog; use it with --confirm");
            }
            int maxLineBytes = Integer.parseInt(cmd.getOptionValue("max-line-bytes", String.valueOf(LineScanner.DEFAULT_MAX_LINE_BYTES)));
            if (maxLineBytes < 1024) {
                throw new IllegalArgumentException("--max-line-bytes must be at least 1024");
            }
            // shippers frame each message as one line: account for it at once, never wait for continuation lines
            o = o.withPerLine(confirm || annotate);
            return new Settings(o, format.equals("json"), files, readStdin, cmd.hasOption("from-start"), listen, confirm, annotate,
                    cmd.hasOption("events-to") ? Path.of(cmd.getOptionValue("events-to")) : null,
                    cmd.hasOption("state") ? Path.of(cmd.getOptionValue("state")) : null, maxLineBytes);
        }
    }

    private ExitCode follow(Settings s) throws IOException {
        Inbox inbox = new Inbox();
        List<AutoCloseable> inputs = new ArrayList<>();
        PrintStream eventStream = s.eventsTo != null
                ? new PrintStream(new FileOutputStream(s.eventsTo.toFile(), true), false, StandardCharsets.UTF_8)
                : s.confirm || s.annotate ? err : out;
        EventWriter events = new EventWriter(eventStream, s.json);
        Checkpoint checkpoint = s.state == null ? null : new Checkpoint(s.state);
        Checkpoint.State saved = checkpoint == null ? null : checkpoint.load();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndWait, "otel-doctor-stop"));
        try (Follower follower = new Follower(Rulebase.bundledForStreams(), CauseCatalogue.bundled(), s.follow, Clock.systemUTC())) {
            if (saved != null) {
                follower.carryOver(new DiagnosisEvent.Input(saved.read(), saved.parsed(), saved.skipped(), saved.unrecognized(),
                        saved.late()));
            }
            for (Listener.Address a : s.listen) {
                Listener l = new Listener(a, inbox, s.maxLineBytes);
                int port = l.start();
                inputs.add(l);
                // said on stderr, so with port 0 the caller learns the port the system picked
                err.println("otel-doctor: listening on " + new Listener.Address(a.http(), a.host(), port));
            }
            for (Path f : s.files) {
                FollowedFile file = new FollowedFile(f, s.fromStart);
                inputs.add(file);
                reader(f.toString(), () -> new LineScanner(s.maxLineBytes).scan(file, inbox.sink(f.toString())));
            }
            if (s.readStdin) {
                reader(STDIN, () -> new LineScanner(s.maxLineBytes).scan(stdin, inbox.sink(STDIN)));
            }
            boolean finite = s.files.isEmpty() && s.listen.isEmpty();
            if (s.confirm) {
                out.println("OK");
                out.flush();
            }
            String redelivered = saved == null ? null : saved.lastLine();
            String lastCounted = redelivered;
            long lastTick = System.nanoTime();
            while (!stopping) {
                Inbox.Item item;
                try {
                    item = inbox.poll(TICK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (item instanceof Inbox.Line line) {
                    String digest = checkpoint == null ? null : Checkpoint.digest(line.bytes());
                    boolean repeat = redelivered != null && redelivered.equals(digest);
                    redelivered = null;
                    if (!repeat) {
                        follower.source(line.source()).line(line.bytes(), 0, line.bytes().length, line.truncated(), true);
                    }
                    if (s.annotate) {
                        emit(events, follower.tick());
                        lastTick = System.nanoTime();
                        out.println(annotation(follower, line.source()));
                        out.flush();
                    }
                    if (s.confirm) {
                        if (checkpoint != null && !repeat) {
                            lastCounted = digest;
                            checkpoint.save(follower.input(), lastCounted);
                        }
                        out.println("OK");
                        out.flush();
                    }
                } else if (item instanceof Inbox.Closed closed) {
                    follower.closeSource(closed.source());
                    if (finite && closed.source().equals(STDIN)) {
                        break;
                    }
                } else {
                    follower.endRecords();
                }
                if (item == null || System.nanoTime() - lastTick >= TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)) {
                    emit(events, follower.tick());
                    lastTick = System.nanoTime();
                }
            }
            follower.endRecords();
            emit(events, follower.tick());
            DiagnosisEvent.Input total = follower.input();
            if (checkpoint != null) {
                // the last line's digest stays: a process that dies before confirming is no different from one that ends
                checkpoint.save(total, lastCounted);
            }
            int open = 0;
            for (String g : follower.groups()) {
                open += follower.open(g).size();
            }
            err.printf(Locale.ROOT, "otel-doctor follow: %,d lines read (%,d parsed, %,d skipped, %,d unrecognized, %,d late); "
                    + "%d problem%s open%n", total.read(), total.parsed(), total.skipped(), total.unrecognized(), total.late(), open,
                    open == 1 ? "" : "s");
            return open > 0 ? ExitCode.PROBLEMS_FOUND : ExitCode.HEALTHY;
        } finally {
            for (AutoCloseable c : inputs) {
                try {
                    c.close();
                } catch (Exception e) {
                    LoggerFactory.getLogger(FollowCommand.class).debug("closing an input", e);
                }
            }
            if (eventStream != out && eventStream != err) {
                eventStream.close();
            }
        }
    }

    private static void emit(EventWriter events, List<DiagnosisEvent> list) throws IOException {
        for (DiagnosisEvent e : list) {
            events.write(e);
        }
    }

    /**
     * rsyslog mmexternal's reply for one message: {@code {}} leaves it as it is; otherwise the
     * message variable {@code $!otelcol_diag} names the problem open in the message's group.
     */
    static String annotation(Follower follower, String source) throws IOException {
        String group = follower.groupOfLatest(source);
        List<Diagnosis> open = group == null ? List.of() : follower.open(group);
        if (open.isEmpty()) {
            return "{}";
        }
        Diagnosis top = open.get(0);
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("id", DiagnosisEvent.idOf(group, top.component(), top.cause()));
        diag.put("cause", top.cause());
        diag.put("component", top.component());
        diag.put("confidence", top.confidence());
        diag.put("title", top.title());
        diag.put("fix", top.fix());
        diag.put("open", open.size());
        return JsonRenderer.oneLine(Map.of("$!", Map.of("otelcol_diag", diag)));
    }

    /** On SIGTERM (rsyslog signalOnClose, systemd, Ctrl-C): stop reading, flush what is known, then let the JVM go. */
    private void stopAndWait() {
        stopping = true;
        try {
            finished.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Reading {
        void read() throws IOException;
    }

    private void reader(String name, Reading reading) {
        Thread t = new Thread(() -> {
            try {
                reading.read();
            } catch (IOException e) {
                LoggerFactory.getLogger(FollowCommand.class).warn("{}: {}", name, e.getMessage());
            }
        }, "otel-doctor-read " + name);
        t.setDaemon(true);
        t.start();
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, or ISO-8601 ({@code PT5M}). */
    static Duration duration(String option, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a duration (e.g. 90s, 5m, 1h)");
        }
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("f").longOpt("format").hasArg().argName("json|text")
                .desc("events as NDJSON, one object per change (json, the default), or as text for a person watching").get());
        o.addOption(Option.builder("g").longOpt("group-by").hasArg().argName("none|file|host")
                .desc("track problems for the whole stream (none, the default), per source, or per host").get());
        o.addOption(Option.builder().longOpt("input-format").hasArg().argName("layout")
                .desc("read every line as this layout instead of detecting it (as for analyze)").get());
        o.addOption(Option.builder().longOpt("quiet").hasArg().argName("duration")
                .desc("resolve a problem after this long without new evidence (default 5m, at most 15m)").get());
        o.addOption(Option.builder().longOpt("reorder").hasArg().argName("duration")
                .desc("how late a line may arrive and still count at its own time (default 5s, at most 1m)").get());
        o.addOption(Option.builder().longOpt("from-start")
                .desc("read what FILEs hold already before following them (default: start at their end, like tail -F)").get());
        o.addOption(Option.builder().longOpt("listen").hasArg().argName("tcp://HOST:PORT|http://HOST:PORT")
                .desc("also accept newline-delimited lines or JSON over TCP, or in HTTP POST bodies (repeatable)").get());
        o.addOption(Option.builder().longOpt("confirm")
                .desc("rsyslog omprog with confirmMessages=\"on\": print OK at start and once each line is accounted for; "
                        + "events go to standard error or --events-to").get());
        o.addOption(Option.builder().longOpt("annotate")
                .desc("rsyslog mmexternal: answer every input line with one JSON line that sets $!otelcol_diag to the open "
                        + "problem; events go to standard error or --events-to").get());
        o.addOption(Option.builder().longOpt("events-to").hasArg().argName("file")
                .desc("append events to this file instead of standard output").get());
        o.addOption(Option.builder().longOpt("state").hasArg().argName("file")
                .desc("with --confirm: keep the line accounting in this file, so a restarted process neither loses nor "
                        + "counts twice a line rsyslog sends again").get());
        o.addOption(Option.builder().longOpt("max-line-bytes").hasArg().argName("bytes")
                .desc("cut longer lines to this length and count them as truncated (default: 1048576)").get());
        return CommandLines.withCommonOptions(o);
    }

    private static void usage(PrintStream stream, Options options) {
        stream.print(CommandLines.help(USAGE, HEADER, options, FOOTER));
    }
}
