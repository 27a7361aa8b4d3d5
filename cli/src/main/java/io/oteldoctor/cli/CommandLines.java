package io.oteldoctor.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.slf4j.LoggerFactory;

/** What every otel-doctor command's command line shares: the common options, help text and repeatable values. */
public final class CommandLines {

    private CommandLines() {
    }

    /** Adds {@code -v/--verbose} and {@code -h/--help}, which every command takes. */
    public static Options withCommonOptions(Options o) {
        o.addOption(Option.builder("v").longOpt("verbose").desc("log what the tool does to standard error").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    /** {@code --verbose}: the tool's own logging (on standard error) down to debug. */
    public static void applyVerbose(CommandLine cmd) {
        if (cmd.hasOption("verbose")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
        }
    }

    /** The help text, 80 columns wide; header and footer are {@link String#format} patterns. */
    public static String help(String usage, String header, Options options, String footer) {
        StringWriter s = new StringWriter();
        PrintWriter pw = new PrintWriter(s);
        HelpFormatter.builder().get().printHelp(pw, 80, usage, String.format(header), options, 2, 2, String.format(footer));
        pw.flush();
        return s.toString();
    }

    /** Every value a repeatable option was given, in order. */
    public static List<String> values(CommandLine cmd, String option) {
        String[] v = cmd.getOptionValues(option);
        return v == null ? List.of() : List.of(v);
    }
}
