package io.oteldoctor.analysis;

import java.util.Locale;

/** How diagnoses are grouped: one report for everything, one per source file, or one per host. */
public enum GroupBy {
    NONE, FILE, HOST;

    /** The group a record belongs to: the whole input, its source, or the host it names. */
    public String groupOf(String source, String host) {
        return switch (this) {
            case NONE -> "all";
            case FILE -> source;
            case HOST -> host == null ? "(no host)" : host;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupBy parse(String value) {
        for (GroupBy g : values()) {
            if (g.id().equals(value)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grouping: " + value + " (use none, file or host)");
    }
}
