package io.oteldoctor.signature;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials before any text leaves the tool: header values of Authorization and API-key
 * headers, bearer tokens, passwords in URLs and token-like query parameters. Errors quoting a
 * rejected key are common, and reports get pasted into tickets.
 */
public final class SecretMasker {

    public static final String MASK = "***";

    private static final List<Pattern> VALUE_PATTERNS = List.of(
            // Authorization: Bearer abc / "authorization": "Basic abc"
            Pattern.compile("(?i)(\\bauthorization\\\\?\"?\\s*[:=]\\s*\\\\?\"?\\s*(?:bearer\\s+|basic\\s+|apikey\\s+|api-key\\s+|token\\s+)?)([^\\s\",}\\\\]+)"),
            // api-key style headers and parameters
            Pattern.compile("(?i)(\\b(?:x-)?(?:api[-_]?key|api[-_]?token|auth[-_]?token|access[-_]?token|ingest[-_]?key|license[-_]?key"
                    + "|x-honeycomb-team|dd-api-key|x-sf-token|signalfx-access-token|lightstep-access-token|x-scope-orgid-token"
                    + "|password|passwd|client[-_]?secret|secret)\\\\?\"?\\s*[:=]\\s*\\\\?\"?)([^\\s\",&}\\\\]+)"),
            // bare bearer tokens
            Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=-]{6,})"),
            // token-like query parameters
            Pattern.compile("(?i)([?&](?:token|access_token|api_key|apikey|key|sig|signature|auth|password)=)([^&\\s\"'\\\\]+)"));

    private static final Pattern URL_USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@\"]+:)([^/\\s@\"]+)(@)");

    private SecretMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern p : VALUE_PATTERNS) {
            out = replaceGroup(p, out);
        }
        Matcher m = URL_USERINFO.matcher(out);
        if (m.find()) {
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK + r.group(3)));
        }
        return out;
    }

    private static String replaceGroup(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        return m.replaceAll(r -> r.group(2).equals(MASK) ? Matcher.quoteReplacement(r.group())
                : Matcher.quoteReplacement(r.group(1) + MASK));
    }
}
