package io.oteldoctor.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the time stamp spellings of zap, journald and the SDK loggers. Unknown forms give null. */
public final class Timestamps {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern JAVAAGENT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}):(\\d{3}) ([+-]\\d{4})");
    private static final Pattern GO_STD = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2}) (\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    /** java.util.logging SimpleFormatter's default: "Jun 10, 2025 9:12:44 AM" (local time, no zone). */
    private static final Pattern JUL = Pattern.compile("([A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M)");
    private static final DateTimeFormatter JUL_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", java.util.Locale.ENGLISH);

    private Timestamps() {
    }

    /** zap JSON {@code ts}: epoch seconds as a number (up to v0.114) or an ISO string (v0.115 on). */
    public static Instant fromZapTs(String ts) {
        if (ts == null || ts.isEmpty()) {
            return null;
        }
        char c = ts.charAt(0);
        if (Character.isDigit(c) && ts.indexOf('-') < 0) {
            try {
                double seconds = Double.parseDouble(ts);
                long whole = (long) seconds;
                long nanos = Math.round((seconds - whole) * 1_000_000_000d);
                return Instant.ofEpochSecond(whole, Math.min(nanos, 999_999_999));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return parse(ts);
    }

    /** journald {@code __REALTIME_TIMESTAMP}: microseconds since the epoch. */
    public static Instant fromEpochMicros(String micros) {
        if (micros == null) {
            return null;
        }
        try {
            long us = Long.parseLong(micros);
            return Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Finds and reads a time stamp at the start of {@code text}; zone-less times are taken as UTC. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        // the javaagent's "09:36:10:044 +0000" would otherwise read as a zone-less ISO time
        Matcher m = JAVAAGENT.matcher(text);
        if (m.lookingAt()) {
            return iso(m.group(1), m.group(2), m.group(3), m.group(4));
        }
        m = ISO.matcher(text);
        if (m.lookingAt()) {
            return iso(m.group(1), m.group(2), m.group(3), m.group(4));
        }
        m = JUL.matcher(text);
        if (m.lookingAt()) {
            try {
                return LocalDateTime.parse(m.group(1), JUL_TIME).toInstant(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        m = GO_STD.matcher(text);
        if (m.lookingAt()) {
            return iso(m.group(1) + "-" + m.group(2) + "-" + m.group(3), m.group(4), m.group(5), null);
        }
        return null;
    }

    private static Instant iso(String date, String time, String fraction, String zone) {
        String base = date + "T" + time + (fraction == null ? "" : "." + fraction);
        try {
            LocalDateTime local = LocalDateTime.parse(base, LOCAL);
            if (zone == null || zone.equals("Z")) {
                return local.toInstant(ZoneOffset.UTC);
            }
            String z = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
            return OffsetDateTime.of(local, ZoneOffset.of(z)).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
