package io.oteldoctor.cli.follow;

import io.oteldoctor.diagnosis.Diagnosis;
import io.oteldoctor.follow.DiagnosisEvent;
import io.oteldoctor.report.JsonRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes follow events as they happen: one JSON object per line, or a short block for a person watching. */
final class EventWriter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final boolean json;

    EventWriter(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void write(DiagnosisEvent e) throws IOException {
        if (json) {
            out.println(JsonRenderer.oneLine(e));
        } else {
            out.print(text(e));
        }
        out.flush();
    }

    static String text(DiagnosisEvent e) {
        Diagnosis d = e.diagnosis();
        StringBuilder b = new StringBuilder();
        b.append(TIME.format(e.time())).append("  ").append(String.format(Locale.ROOT, "%-8s", e.event().id().toUpperCase(Locale.ROOT)))
                .append(' ').append(e.cause()).append("  ").append(e.component());
        if (!"all".equals(e.group())) {
            b.append(" on ").append(e.group());
        }
        b.append(String.format(Locale.ROOT, "  (#%d, %.0f%%)", e.rank(), e.confidence() * 100));
        if (e.previous() != null) {
            b.append(String.format(Locale.ROOT, " was #%d, %.0f%%", e.previous().rank(), e.previous().confidence() * 100));
        }
        if (e.reason() != null) {
            b.append(" - ").append("quiet".equals(e.reason()) ? "no new evidence for the quiet period" : "no longer the best explanation");
        }
        b.append('\n');
        if (e.event() != DiagnosisEvent.Kind.RESOLVED) {
            b.append("    ").append(d.title()).append('\n');
            if (!d.evidence().isEmpty()) {
                Diagnosis.CitedEvidence first = d.evidence().get(0);
                b.append("    seen:  ").append(first.source()).append(':').append(first.line()).append("  ")
                        .append(abbreviate(first.text(), 160)).append('\n');
            }
            if (d.fix() != null) {
                b.append("    fix:   ").append(d.fix()).append('\n');
            }
            if (d.check() != null) {
                b.append("    check: ").append(d.check()).append('\n');
            }
        }
        return b.toString();
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace('\t', ' ').replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}
