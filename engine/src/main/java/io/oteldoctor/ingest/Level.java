package io.oteldoctor.ingest;

import java.util.Locale;

/** Severity of a log record, normalised across zap, JUL, Python, logback and journald spellings. */
public enum Level {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL, UNKNOWN;

    public boolean atLeast(Level other) {
        return this != UNKNOWN && other != UNKNOWN && ordinal() >= other.ordinal();
    }

    /** Parses the level words the supported loggers print; anything else is {@link #UNKNOWN}. */
    public static Level parse(String word) {
        if (word == null || word.isEmpty()) {
            return UNKNOWN;
        }
        switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "trace": case "finest": case "finer":
                return TRACE;
            case "debug": case "fine": case "config":
                return DEBUG;
            case "info": case "information": case "notice":
                return INFO;
            case "warn": case "warning":
                return WARN;
            case "error": case "severe": case "err": case "dpanic":
                return ERROR;
            case "fatal": case "panic": case "critical": case "crit": case "emerg": case "alert":
                return FATAL;
            default:
                return UNKNOWN;
        }
    }
}
