package io.oteldoctor.corpus.lab;


import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.grpc.Status;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault lab: the real OpenTelemetry Java SDK exporters, pointed at servers on 127.0.0.1 that
 * fail in one known way each. What the SDK logs (java.util.logging, its default two-line layout)
 * is fed to otel-doctor, which must rank the injected cause first. The truth comes from how the
 * fault was built; the log text comes from real code.
 */
class SdkFaultLabTest {


    @TempDir
    static Path work;

    @FunctionalInterface
    interface Fault {
        SpanExporter exporter(FaultyServers servers) throws Exception;
    }

    private static OtlpHttpSpanExporter http(String url) {
        return OtlpHttpSpanExporter.builder().setEndpoint(url).setTimeout(Duration.ofSeconds(2)).setRetryPolicy(null).build();
    }

    private static String local(String scheme, int port, String path) {
        return scheme + "://127.0.0.1:" + port + path;
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("http exporter, nothing listening", Set.of("network"),
                        (Fault) s -> http(local("http", s.closedPort(), "/v1/traces"))),
                Arguments.of("grpc exporter, nothing listening", Set.of("network"),
                        (Fault) s -> grpc(local("http", s.closedPort(), ""))),
                Arguments.of("http exporter, listener that never answers", Set.of("batch-timeout", "backend"),
                        (Fault) s -> http(local("http", s.silent(), "/v1/traces"))),
                Arguments.of("http 401", Set.of("auth"), (Fault) s -> http(local("http", s.http(401, ""), "/v1/traces"))),
                Arguments.of("http 403", Set.of("auth"), (Fault) s -> http(local("http", s.http(403, ""), "/v1/traces"))),
                Arguments.of("http 404, wrong path", Set.of("endpoint"), (Fault) s -> http(local("http", s.http(404, ""), "/v1/trace"))),
                Arguments.of("http 413", Set.of("payload-too-large"), (Fault) s -> http(local("http", s.http(413, ""), "/v1/traces"))),
                Arguments.of("http 415", Set.of("protocol"), (Fault) s -> http(local("http", s.http(415, ""), "/v1/traces"))),
                Arguments.of("http 429 with Retry-After", Set.of("backend"),
                        (Fault) s -> http(local("http", s.http(429, "", "Retry-After", "30"), "/v1/traces"))),
                Arguments.of("http 503", Set.of("backend"), (Fault) s -> http(local("http", s.http(503, ""), "/v1/traces"))),
                Arguments.of("https, self-signed certificate not trusted", Set.of("tls"),
                        (Fault) s -> http(local("https", s.https(s.certificate("selfsigned", "ip:127.0.0.1", null), 200), "/v1/traces"))),
                Arguments.of("https, trusted certificate that expired", Set.of("tls"), (Fault) s -> {
                    // a trust anchor's own dates are not checked, so the expired certificate must be a CA-signed leaf
                    FaultyServers.Certificate cert = s.signedCertificate("expired", "ip:127.0.0.1", "-3d");
                    return OtlpHttpSpanExporter.builder().setEndpoint(local("https", s.https(cert, 200), "/v1/traces"))
                            .setTrustedCertificates(cert.pemBytes()).setTimeout(Duration.ofSeconds(2)).setRetryPolicy(null).build();
                }),
                Arguments.of("https, trusted certificate for another host name", Set.of("tls"), (Fault) s -> {
                    FaultyServers.Certificate cert = s.certificate("otherhost", "dns:collector.other.example", null);
                    return OtlpHttpSpanExporter.builder().setEndpoint(local("https", s.https(cert, 200), "/v1/traces"))
                            .setTrustedCertificates(cert.pemBytes()).setTimeout(Duration.ofSeconds(2)).setRetryPolicy(null).build();
                }),
                Arguments.of("https:// to a plaintext server", Set.of("tls"),
                        (Fault) s -> http(local("https", s.http(200, ""), "/v1/traces"))),
                Arguments.of("http exporter at a gRPC port", Set.of("protocol"),
                        (Fault) s -> http(local("http", s.grpcPreface(), "/v1/traces"))),
                Arguments.of("grpc exporter at an HTTP/1.1-only port", Set.of("protocol"),
                        (Fault) s -> grpc(local("http", s.http1Only(), ""))),
                // statuses sent by a real gRPC server, with no description: the code alone must carry the cause
                Arguments.of("grpc UNAUTHENTICATED", Set.of("auth"),
                        (Fault) s -> grpc(local("http", s.grpc(Status.UNAUTHENTICATED, Duration.ZERO), ""))),
                Arguments.of("grpc UNAVAILABLE from the server", Set.of("backend"),
                        (Fault) s -> grpc(local("http", s.grpc(Status.UNAVAILABLE, Duration.ZERO), ""))),
                Arguments.of("grpc RESOURCE_EXHAUSTED", Set.of("backend"),
                        (Fault) s -> grpc(local("http", s.grpc(Status.RESOURCE_EXHAUSTED, Duration.ZERO), ""))),
                Arguments.of("http exporter at an h2c gRPC server", Set.of("protocol"),
                        (Fault) s -> http(local("http", s.grpc(Status.OK, Duration.ZERO), "/v1/traces"))),
                // a backend that answers correctly, after the exporter's timeout: the catalogue's batch-timeout
                Arguments.of("grpc exporter, backend answers after the timeout", Set.of("batch-timeout"),
                        (Fault) s -> grpc(local("http", s.grpc(Status.OK, Duration.ofSeconds(4)), ""))),
                Arguments.of("http exporter, backend answers after the timeout", Set.of("batch-timeout"),
                        (Fault) s -> http(local("http", s.slowHttp(200, Duration.ofSeconds(4)), "/v1/traces"))));
    }

    private static OtlpGrpcSpanExporter grpc(String url) {
        return OtlpGrpcSpanExporter.builder().setEndpoint(url).setTimeout(Duration.ofSeconds(2)).setRetryPolicy(null).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theInjectedFaultIsDiagnosedFirst(String name, Set<String> expected, Fault fault) throws Exception {
        String log;
        try (FaultyServers servers = new FaultyServers(work)) {
            log = captureSdkLog(SimpleSpanProcessor.create(fault.exporter(servers)), 1);
        }
        assertDiagnosedFirst(name, expected, log);
    }

    /**
     * A burst of spans into a BatchSpanProcessor whose queue holds two, exporting one at a time to a
     * healthy gRPC backend that takes 300 ms per request: the queue overflows while the first
     * exports are in flight, and nothing else fails.
     */
    @org.junit.jupiter.api.Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTinyBatchQueueUnderABurstIsQueueFull() throws Exception {
        String log;
        try (FaultyServers servers = new FaultyServers(work)) {
            SpanExporter exporter = grpc(local("http", servers.grpc(Status.OK, Duration.ofMillis(300)), ""));
            BatchSpanProcessor batch = BatchSpanProcessor.builder(exporter).setMaxQueueSize(2).setMaxExportBatchSize(1)
                    .setScheduleDelay(Duration.ofMillis(50)).build();
            log = captureSdkLog(batch, 50);
        }
        assertDiagnosedFirst("tiny batch queue under a burst", Set.of("queue-full"), log);
    }

    /** What each case ranked first and at what stated confidence: ground truth by construction, printed for the CI log. */
    private static final LabVerdicts VERDICTS = new LabVerdicts("otel-doctor fault lab", "lab/");

    @org.junit.jupiter.api.AfterAll
    static void printResults() {
        VERDICTS.print();
    }

    private static void assertDiagnosedFirst(String name, Set<String> expected, String log) throws java.io.IOException {
        keep(name, log);
        VERDICTS.assertDiagnosedFirst(name, expected, log);
    }

    /**
     * Leaves what the SDK really logged in target/fault-lab, so a new signature can be read, and a
     * corpus sample made from it, without rerunning the case under a debugger.
     */
    private static void keep(String name, String log) throws java.io.IOException {
        Path dir = Path.of("target", "fault-lab");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".log"), log);
    }

    /** Ends {@code spans} spans through {@code processor} and returns what the SDK logged, as java.util.logging prints it by default. */
    private static String captureSdkLog(SpanProcessor processor, int spans) {
        StringBuilder out = new StringBuilder();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (out) {
                    out.append(formatter.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger sdk = Logger.getLogger("io.opentelemetry");
        sdk.addHandler(handler);
        sdk.setUseParentHandlers(false);
        SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
        try {
            for (int i = 0; i < spans; i++) {
                provider.get("otel-doctor-lab").spanBuilder("checkout").startSpan().end();
            }
            provider.forceFlush().join(20, TimeUnit.SECONDS);
        } finally {
            provider.shutdown().join(20, TimeUnit.SECONDS);
            sdk.removeHandler(handler);
            sdk.setUseParentHandlers(true);
        }
        synchronized (out) {
            return out.toString();
        }
    }
}
