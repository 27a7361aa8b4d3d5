package io.oteldoctor.report;

import java.io.IOException;

/** Writes a report in one output format. */
public interface ReportRenderer {

    void render(Report report, Appendable out) throws IOException;

    /** The renderer for a {@code --format} name. */
    static ReportRenderer forFormat(String format) {
        return switch (format) {
            case "json" -> new JsonRenderer();
            case "text" -> new TextRenderer(80);
            default -> throw new IllegalArgumentException("unknown output format: " + format + " (use text or json)");
        };
    }
}
