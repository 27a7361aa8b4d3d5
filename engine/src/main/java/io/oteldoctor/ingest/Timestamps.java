package io.oteldoctor.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * zap's time, in JSON {@code ts} or at the head of a console line: epoch seconds as a number (up
     * to v0.114, {@code 1749546564.123456} or {@code 1.6795869182428775e+09}) or an ISO string
     * (v0.115 on).
     */
    public static Instant fromZapTs(String ts) {
        if (ts == null || ts.isEmpty()) {
            return null;
        }
        char c = ts.charAt(0);
        if (Character.isDigit(c) && ts.indexOf('-') < 0) {
            return fromEpochSeconds(ts);
        }
        return parse(ts);
    }

    /**
     * Seconds since the epoch with a fraction, read as a decimal: through a double the fraction of
     * {@code 1.6795869182428775e+09} would lose its last digits. Null for what is no such number,
     * or one too large to be a time.
     */
    static Instant fromEpochSeconds(String seconds) {
        try {
            BigDecimal value = new BigDecimal(seconds);
            if (value.signum() < 0 || value.precision() - value.scale() > 12) {
                return null;
            }
            BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
            long nanos = value.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
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
        if (looksIso(text)) {
            return isoFast(text);
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

    /**
     * {@code yyyy-MM-ddTHH:mm:ss} (or a space for the T) not followed by the javaagent's colon:
     * the form of nearly every time stamp in a collector log, read without a regular expression or
     * a formatter. {@link #isoFast} gives what the ISO branch below would.
     */
    private static boolean looksIso(String t) {
        if (t.length() < 19 || (t.charAt(10) != 'T' && t.charAt(10) != ' ') || (t.length() > 19 && t.charAt(19) == ':')) {
            return false;
        }
        return digits(t, 0, 4) && t.charAt(4) == '-' && digits(t, 5, 7) && t.charAt(7) == '-' && digits(t, 8, 10)
                && digits(t, 11, 13) && t.charAt(13) == ':' && digits(t, 14, 16) && t.charAt(16) == ':' && digits(t, 17, 19);
    }

    private static Instant isoFast(String t) {
        int at = 19;
        int nanos = 0;
        if (at + 1 < t.length() && (t.charAt(at) == '.' || t.charAt(at) == ',') && isDigit(t.charAt(at + 1))) {
            int scale = 100_000_000;
            at++;
            for (int n = 0; n < 9 && at < t.length() && isDigit(t.charAt(at)); n++, at++) {
                nanos += (t.charAt(at) - '0') * scale;
                scale /= 10;
            }
        }
        ZoneOffset zone = ZoneOffset.UTC;
        if (at < t.length() && (t.charAt(at) == '+' || t.charAt(at) == '-')) {
            int colon = at + 3 < t.length() && t.charAt(at + 3) == ':' ? 1 : 0;
            if (at + 5 + colon <= t.length() && digits(t, at + 1, at + 3) && digits(t, at + 3 + colon, at + 5 + colon)) {
                int sign = t.charAt(at) == '-' ? -1 : 1;
                try {
                    zone = ZoneOffset.ofHoursMinutes(sign * number(t, at + 1, at + 3), sign * number(t, at + 3 + colon, at + 5 + colon));
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10), number(t, 11, 13),
                    number(t, 14, 16), number(t, 17, 19), nanos);
            return local.toInstant(zone);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (t.charAt(i) - '0');
        }
        return n;
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
