package io.oteldoctor.diagnosis;

import io.oteldoctor.signature.Endpoint;
import io.oteldoctor.signature.Transport;
import java.util.Locale;
import java.util.Map;

/**
 * Makes a catalogue check concrete with what the log revealed: the endpoint's host, port and URL,
 * the process name. Parts the log did not reveal stay as visible {@code <placeholders>}.
 */
final class CheckCommand {

    private CheckCommand() {
    }

    static String render(CauseEntry cause, ComponentState state, Endpoint ep) {
        Transport transport = state == null ? Transport.UNKNOWN : state.transport();
        String key = transport == Transport.HTTP ? "http" : transport == Transport.GRPC ? "grpc" : "any";
        Map<String, String> checks = cause.checks();
        String template = checks.getOrDefault(key, checks.get("any"));
        if (template == null) {
            return null;
        }
        String signal = state == null || state.signals().isEmpty() ? "traces" : state.signals().iterator().next();
        String host = ep != null && ep.host() != null ? ep.host() : "<host>";
        String port = ep != null && ep.port() != null ? ep.port().toString()
                : ep != null && "https".equals(ep.scheme()) ? "443"
                : ep != null && "http".equals(ep.scheme()) ? "80"
                : transport == Transport.HTTP ? "4318" : transport == Transport.GRPC ? "4317" : "<port>";
        String url;
        if (ep != null && ep.url() != null) {
            url = ep.path() == null ? ep.url() + "/v1/" + signal : ep.url();
        } else if (ep != null && ep.host() != null) {
            url = (transport == Transport.HTTP && "4318".equals(port) ? "http" : "https") + "://" + ep.host() + ":" + port
                    + "/v1/" + signal;
        } else {
            url = "<endpoint-url>/v1/" + signal;
        }
        String process = state != null && "process".equals(state.kind()) ? state.component() : "otelcol-contrib";
        return template.replace("{host}", host).replace("{port}", port).replace("{url}", url)
                .replace("{hostport}", host + ":" + port).replace("{process}", process)
                .replace("{grpcService}", grpcService(signal));
    }

    /** The OTLP gRPC service of a signal, as a gRPC path names it. */
    private static String grpcService(String signal) {
        return switch (signal.toLowerCase(Locale.ROOT)) {
            case "metrics" -> "opentelemetry.proto.collector.metrics.v1.MetricsService";
            case "logs" -> "opentelemetry.proto.collector.logs.v1.LogsService";
            default -> "opentelemetry.proto.collector.trace.v1.TraceService";
        };
    }
}
