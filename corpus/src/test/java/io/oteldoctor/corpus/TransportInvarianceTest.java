package io.oteldoctor.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oteldoctor.diagnosis.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same collector log, carried by each transport operators meet, must give the same diagnoses:
 * how a line travelled may not change what it means.
 */
class TransportInvarianceTest {

    private static final Map<String, Function<String, List<String>>> TRANSPORTS = Map.ofEntries(
            Map.entry("journalctl short", l -> List.of("Jun 10 09:12:44 otel-gw-01 otelcol-contrib[812]: " + l.replace("\t", "        "))),
            Map.entry("journalctl json", l -> List.of("{\"__REALTIME_TIMESTAMP\":\"1749546764123456\",\"_HOSTNAME\":\"otel-gw-01\","
                    + "\"SYSLOG_IDENTIFIER\":\"otelcol-contrib\",\"PRIORITY\":\"6\",\"MESSAGE\":" + json(l) + "}")),
            Map.entry("rsyslog rfc3164 #011", l -> List.of("Jun 10 09:12:44 otel-gw-01 otelcol-contrib[812]: " + l.replace("\t", "#011"))),
            Map.entry("rsyslog rfc3339 time", l -> List.of("2025-06-10T09:12:44.123456+00:00 otel-gw-01 otelcol-contrib[812]: " + l.replace("\t", "#011"))),
            Map.entry("syslog rfc5424", l -> List.of("<14>1 2025-06-10T09:12:44.123456+00:00 otel-gw-01 otelcol-contrib 812 - - " + l.replace("\t", "#011"))),
            Map.entry("kubernetes cri", l -> List.of("2025-06-10T09:12:44.123456789Z stderr F " + l)),
            Map.entry("kubernetes cri split", l -> split(l, 150, p -> "2025-06-10T09:12:44.123456789Z stderr P " + p,
                    p -> "2025-06-10T09:12:44.123456789Z stderr F " + p)),
            Map.entry("kubectl --prefix", l -> List.of("[pod/otel-collector-7d9f8c6b5-x2x4z/otel-collector] " + l)),
            Map.entry("docker json-file split", l -> split(l, 150, p -> docker(p, false), p -> docker(p, true))),
            Map.entry("docker compose", l -> List.of("otel-collector-1  | " + l)),
            Map.entry("cf logs", l -> List.of("   2025-06-10T05:12:44.12-0400 [APP/PROC/WEB/0] ERR " + l)));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (LabelledLog example : LabelledLog.load(Corpus.EXAMPLES, Corpus.CAUSES)) {
            if (example.name().contains("/console-")) {
                TRANSPORTS.forEach((name, wrap) -> out.add(Arguments.of(example, name)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("cases")
    void sameDiagnosesWhateverTheTransport(LabelledLog example, String transport) {
        StringBuilder wrapped = new StringBuilder();
        for (String line : example.log().split("\n", -1)) {
            if (!line.isEmpty()) {
                TRANSPORTS.get(transport).apply(line).forEach(l -> wrapped.append(l).append('\n'));
            }
        }
        LabelledLog carried = new LabelledLog(example.name(), example.expect(), null, List.of(), List.of(), null, wrapped.toString());
        List<String> direct = summary(Corpus.EVALUATION.run(example, true).diagnoses());
        List<String> viaTransport = summary(Corpus.EVALUATION.run(carried, true).diagnoses());
        assertEquals(example.expect().equals(LabelledLog.NONE), direct.isEmpty(), example.name());
        assertEquals(direct, viaTransport, example.name() + " via " + transport);
    }

    private static List<String> summary(List<Diagnosis> diagnoses) {
        return diagnoses.stream().map(d -> d.cause() + " " + d.component() + " " + d.confidence()).toList();
    }

    private static List<String> split(String line, int piece, Function<String, String> partial, Function<String, String> last) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (line.length() - i > piece) {
            out.add(partial.apply(line.substring(i, i + piece)));
            i += piece;
        }
        out.add(last.apply(line.substring(i)));
        return out;
    }

    private static String docker(String piece, boolean endOfLine) {
        return "{\"log\":" + json(piece + (endOfLine ? "\n" : "")) + ",\"stream\":\"stderr\",\"time\":\"2025-06-10T09:12:44.123456789Z\"}";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
