package io.oteldoctor.report;

import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.diagnosis.NextError;
import io.oteldoctor.ingest.SourceAccounting;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report for a person at a terminal: wrapped to a fixed width, most likely problem first. */
public final class TextRenderer implements ReportRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int LABEL = 11;

    private final int width;

    public TextRenderer(int width) {
        this.width = Math.max(40, width);
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        Report.Totals t = report.input().totals();
        wrap(out, "", report.tool().name() + " " + report.tool().version() + ": " + t.sources() + " source" + (t.sources() == 1 ? "" : "s")
                + ", " + grouped(t.read()) + " line" + (t.read() == 1 ? "" : "s") + " read (" + grouped(t.parsed()) + " parsed, "
                + grouped(t.skipped()) + " skipped, " + grouped(t.unrecognized()) + " unrecognized)", "  ");
        for (Report.Problem p : report.input().problems()) {
            wrap(out, "", "! " + p.source() + ": " + p.message(), "  ");
        }
        for (SourceAccounting s : report.input().sources()) {
            if (s.error() != null) {
                wrap(out, "", "! " + s.source() + ": " + s.error() + " (read " + s.read() + " lines before that)", "  ");
            }
            if (s.read() == 0 && s.error() == null) {
                wrap(out, "", "! " + s.source() + ": empty, no lines to read", "  ");
            }
            if (s.truncated() > 0) {
                wrap(out, "", "! " + s.source() + ": " + s.truncated() + " over-long lines were cut at the line-length limit", "  ");
            }
        }
        boolean groupHeadings = !"none".equals(report.groupBy());
        for (Report.Group g : report.groups()) {
            out.append('\n');
            if (groupHeadings) {
                out.append("== ").append(g.key()).append(" ==\n");
            }
            if (g.diagnoses().isEmpty()) {
                out.append("No export problem found.\n");
                continue;
            }
            java.util.Map<String, Integer> shown = new java.util.HashMap<>();
            for (Diagnosis d : g.diagnoses()) {
                Integer first = shown.putIfAbsent(d.component(), d.rank());
                if (first == null) {
                    diagnosis(out, d);
                } else {
                    competingReading(out, d, first);
                }
            }
        }
    }

    private void diagnosis(Appendable out, Diagnosis d) throws IOException {
        String head = d.rank() + ". " + d.cause() + ": " + d.title();
        wrap(out, "", head + "  [" + percent(d.confidence()) + "]", "   ");
        String component = d.component() + (d.componentKind() == null ? "" : " (" + d.componentKind()
                + (d.signals().isEmpty() ? "" : ", " + String.join(", ", d.signals())) + ")")
                // a gRPC core warning's component is already named after the address it dialled
                + (d.endpoint() == null || d.component().endsWith(" -> " + d.endpoint()) ? "" : " -> " + d.endpoint());
        field(out, "component", component);
        if (d.consequenceOf() != null) {
            field(out, "follows", "the " + d.consequenceOf() + " problem above");
        }
        String span = d.firstSeen() == null ? "" : ", " + TIME.format(d.firstSeen())
                + (d.lastSeen() != null && !d.lastSeen().equals(d.firstSeen()) ? " to " + TIME.format(d.lastSeen()) : "");
        field(out, "evidence", d.occurrences() + " matching record" + (d.occurrences() == 1 ? "" : "s") + span);
        for (Diagnosis.CitedEvidence e : d.evidence()) {
            wrap(out, " ".repeat(LABEL + 2), e.source() + ":" + e.line() + "  " + e.text(), " ".repeat(LABEL + 6));
        }
        if (d.unexplainedError() != null) {
            field(out, "error", d.unexplainedError());
        }
        field(out, "fix", d.fix());
        field(out, "why", d.why());
        if (d.check() != null) {
            field(out, "check", d.check());
        }
        List<String> next = new ArrayList<>();
        for (NextError n : d.next()) {
            next.add(n.cause() + ": " + n.reason());
        }
        for (int i = 0; i < next.size(); i++) {
            field(out, i == 0 ? "next" : "", next.get(i));
        }
        // alternatives that the same observation would settle are listed together
        java.util.Map<String, List<String>> byTellApart = new java.util.LinkedHashMap<>();
        for (Diagnosis.Alternative a : d.alternatives()) {
            byTellApart.computeIfAbsent(a.tellApart() == null ? "" : a.tellApart(), k -> new ArrayList<>())
                    .add(a.cause() + " [" + percent(a.confidence()) + "]");
        }
        for (java.util.Map.Entry<String, List<String>> e : byTellApart.entrySet()) {
            field(out, "or", String.join(", ", e.getValue()) + (e.getKey().isEmpty() ? "" : ": " + e.getKey()));
        }
        for (String n : d.notes()) {
            field(out, "note", n);
        }
        field(out, "docs", d.docs());
        out.append('\n');
    }

    /** A weaker reading of evidence already shown: only what to do differently if it is the right one. */
    private void competingReading(Appendable out, Diagnosis d, int primaryRank) throws IOException {
        wrap(out, "", d.rank() + ". " + d.cause() + ": " + d.title() + "  [" + percent(d.confidence()) + "]", "   ");
        field(out, "component", d.component() + ": another reading of the evidence under " + primaryRank + ".");
        field(out, "fix", d.fix());
        if (d.check() != null) {
            field(out, "check", d.check());
        }
        field(out, "docs", d.docs());
        out.append('\n');
    }

    private void field(Appendable out, String label, String value) throws IOException {
        String pad = "   " + label + " ".repeat(Math.max(0, LABEL - 1 - label.length()));
        wrap(out, pad, value, " ".repeat(pad.length()));
    }

    // The report's numbers without String.format: a Formatter's first use (parsing the pattern, the
    // locale's symbols) cost a short run about 10 ms, and rendering is the last step before exit.

    /** A fraction as a whole percentage, rounded half up as {@code %.0f} rounds it. */
    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** A count with a comma between each group of three digits, as {@code %,d} writes it in the root locale. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int first = sign + (digits.length() - sign - 1) % 3 + 1;
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    /** Word-wraps {@code text} to the width; words longer than a line are broken. */
    private void wrap(Appendable out, String firstPrefix, String text, String restPrefix) throws IOException {
        String prefix = firstPrefix;
        String rest = text.replace('\n', ' ').replace('\t', ' ');
        while (true) {
            int room = Math.max(10, width - prefix.length());
            if (rest.length() <= room) {
                out.append(prefix).append(rest).append('\n');
                return;
            }
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= room / 3) {
                cut = room;
            }
            out.append(prefix).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut).stripLeading();
            prefix = restPrefix;
        }
    }
    /** The self-statistics as two lines for standard error ({@code --stats}): they describe the run, not the logs. */
    public static String stats(Report.Stats s) {
        Report.StageMillis m = s.stageMillis();
        return String.format(Locale.ROOT, "stats: %,d lines, %.1f MiB in %.2f s (%,d lines/s, %.1f MiB/s), %d thread%s, peak heap %d MiB%n"
                        + "stats: scan %.2f s, parse %.2f s, rules %.2f s, ranking %.2f s; %,d candidate records, %,d signals%n",
                s.linesRead(), s.bytesRead() / 1048576.0, s.elapsedMillis() / 1000.0, s.linesPerSecond(), s.megabytesPerSecond(),
                s.threads(), s.threads() == 1 ? "" : "s", s.peakHeapBytes() >> 20,
                m.scan() / 1000.0, m.parse() / 1000.0, m.rules() / 1000.0, m.ranking() / 1000.0, s.candidateRecords(), s.signals());
    }
}
