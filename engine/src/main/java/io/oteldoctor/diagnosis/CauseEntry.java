package io.oteldoctor.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * What the catalogue says about one cause.
 *
 * @param checks command templates by exporter transport ({@code grpc}, {@code http}) with
 *               {@code any} as the fallback; placeholders are filled from the endpoint in the log
 * @param next   errors that usually follow once this cause is fixed
 */
public record CauseEntry(String id, String title, String summary, String fix, String why, Map<String, String> checks,
                         List<NextError> next) {

    public CauseEntry {
        checks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks)); // in catalogue order
        next = List.copyOf(next);
    }

    /** The documentation page for this cause, relative to the project root. */
    public String docs() {
        return "docs/causes/" + id + ".md";
    }
}
