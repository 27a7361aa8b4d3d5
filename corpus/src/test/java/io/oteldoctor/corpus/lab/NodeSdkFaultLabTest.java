package io.oteldoctor.corpus.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.oteldoctor.diagnosis.Diagnosis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault lab for the OpenTelemetry JavaScript SDK: {@code src/test/node/export-span.js} runs the
 * real OTLP trace exporters (HTTP/JSON, HTTP/protobuf, gRPC) on Node.js against the same faulty
 * servers on 127.0.0.1 that {@link SdkFaultLabTest} uses for the Java SDK. What the process writes to
 * stdout and stderr, interleaved as {@code kubectl logs} shows it (diag lines through
 * DiagConsoleLogger, export errors through the SDK's default global error handler), is fed to
 * otel-doctor, which must rank the injected cause first.
 *
 * <p>Needs {@code node} on the PATH and the lab's node_modules, which the build installs with
 * {@code npm ci} (corpus/pom.xml). Without them the cases are skipped, saying why.
 */
class NodeSdkFaultLabTest {

    private static final Path LAB = Path.of("src", "test", "node").toAbsolutePath();
    private static final Path SCRIPT = LAB.resolve("export-span.js");
    /** How long the script may run before it gives up by itself; the JVM side waits a little longer, then kills it. */
    private static final Duration SCRIPT_DEADLINE = Duration.ofSeconds(25);

    @TempDir
    static Path work;

    private static String node;

    @BeforeAll
    static void findNode() {
        node = nodeOnPath();
        Assumptions.assumeTrue(node != null,
                "node is not installed: the Node SDK fault lab is skipped (CI installs nodejs and npm from Debian packages)");
        Assumptions.assumeTrue(Files.isDirectory(LAB.resolve("node_modules/@opentelemetry/exporter-trace-otlp-grpc")),
                "the Node lab's packages are not installed in " + LAB.resolve("node_modules")
                        + ": the build runs `npm ci` there when npm is on the PATH; the Node SDK fault lab is skipped");
    }

    private static String nodeOnPath() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return "node";
            }
            p.destroyForcibly();
        } catch (IOException notThere) {
            // no node on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** One run of the script: its options and the environment variables a user would set. */
    record Run(List<String> args, Map<String, String> env) {

        Run with(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(env);
            more.put(name, value);
            return new Run(args, more);
        }

        Run and(String... moreArgs) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of(moreArgs));
            return new Run(all, env);
        }
    }

    @FunctionalInterface
    interface Fault {
        Run run(FaultyServers servers) throws Exception;
    }

    /** The exporter (http, proto or grpc) with a SimpleSpanProcessor and a 2 s export timeout, as a short-lived service would set it up. */
    private static Run exporter(String kind, String url) {
        return new Run(List.of("--exporter", kind, "--url", url, "--timeout-ms", "2000"), Map.of());
    }

    private static String local(String scheme, int port, String path) {
        return scheme + "://127.0.0.1:" + port + path;
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("http exporter, nothing listening", Set.of("network"),
                        (Fault) s -> exporter("http", local("http", s.closedPort(), "/v1/traces"))),
                Arguments.of("proto exporter, nothing listening", Set.of("network"),
                        (Fault) s -> exporter("proto", local("http", s.closedPort(), "/v1/traces"))),
                Arguments.of("grpc exporter, nothing listening", Set.of("network"),
                        (Fault) s -> exporter("grpc", local("http", s.closedPort(), ""))),
                Arguments.of("http exporter, listener that never answers", Set.of("batch-timeout", "backend"),
                        (Fault) s -> exporter("http", local("http", s.silent(), "/v1/traces"))),
                Arguments.of("http 401", Set.of("auth"), (Fault) s -> exporter("http", local("http", s.http(401, ""), "/v1/traces"))),
                Arguments.of("proto 403", Set.of("auth"), (Fault) s -> exporter("proto", local("http", s.http(403, ""), "/v1/traces"))),
                Arguments.of("http 404, wrong path", Set.of("endpoint"),
                        (Fault) s -> exporter("http", local("http", s.http(404, ""), "/v1/trace"))),
                Arguments.of("http 413", Set.of("payload-too-large"),
                        (Fault) s -> exporter("http", local("http", s.http(413, ""), "/v1/traces"))),
                Arguments.of("proto 415", Set.of("protocol"), (Fault) s -> exporter("proto", local("http", s.http(415, ""), "/v1/traces"))),
                // retryable statuses: the JS exporter retries them and, once out of time, reports no status at all
                Arguments.of("http 429 with Retry-After", Set.of("backend"),
                        (Fault) s -> exporter("http", local("http", s.http(429, "", "Retry-After", "30"), "/v1/traces"))),
                Arguments.of("http 503", Set.of("backend"), (Fault) s -> exporter("http", local("http", s.http(503, ""), "/v1/traces"))),
                Arguments.of("http 503, diag at WARN", Set.of("backend"),
                        (Fault) s -> exporter("http", local("http", s.http(503, ""), "/v1/traces")).with("OTEL_LOG_LEVEL", "WARN")),
                Arguments.of("https, self-signed certificate not trusted", Set.of("tls"),
                        (Fault) s -> exporter("http", local("https", s.https(s.certificate("selfsigned", "ip:127.0.0.1", null), 200),
                                "/v1/traces"))),
                Arguments.of("grpc over TLS, self-signed certificate not trusted", Set.of("tls"),
                        (Fault) s -> exporter("grpc", local("https", s.https(s.certificate("selfsigned-grpc", "ip:127.0.0.1", null), 200),
                                ""))),
                Arguments.of("https, trusted certificate that expired", Set.of("tls"), (Fault) s -> {
                    FaultyServers.Certificate cert = s.signedCertificate("expired", "ip:127.0.0.1", "-3d");
                    return exporter("http", local("https", s.https(cert, 200), "/v1/traces")).with("NODE_EXTRA_CA_CERTS", cert.pem().toString());
                }),
                Arguments.of("https, trusted certificate for another host name", Set.of("tls"), (Fault) s -> {
                    FaultyServers.Certificate cert = s.certificate("otherhost", "dns:collector.other.example", null);
                    return exporter("http", local("https", s.https(cert, 200), "/v1/traces")).with("NODE_EXTRA_CA_CERTS", cert.pem().toString());
                }),
                Arguments.of("grpc over TLS, trusted certificate for another host name", Set.of("tls"), (Fault) s -> {
                    FaultyServers.Certificate cert = s.certificate("otherhost-grpc", "dns:collector.other.example", null);
                    return exporter("grpc", local("https", s.https(cert, 200), ""))
                            .with("OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE", cert.pem().toString());
                }),
                // a plaintext HTTP/1.1 server answers the ClientHello with 400, as real ones do; one that stays
                // silent leaves Node only "Request timed out", which a slow https backend prints too
                Arguments.of("https:// to a plaintext server", Set.of("tls"),
                        (Fault) s -> exporter("http", local("https", s.http1Only(), "/v1/traces"))),
                Arguments.of("grpc over TLS to a plaintext server", Set.of("tls"),
                        (Fault) s -> exporter("grpc", local("https", s.http1Only(), ""))),
                Arguments.of("http exporter at a gRPC port", Set.of("protocol"),
                        (Fault) s -> exporter("http", local("http", s.grpcPreface(), "/v1/traces"))),
                Arguments.of("grpc exporter at an HTTP/1.1-only port", Set.of("protocol"),
                        (Fault) s -> exporter("grpc", local("http", s.http1Only(), ""))),
                Arguments.of("http exporter at an h2c gRPC server", Set.of("protocol"),
                        (Fault) s -> exporter("http", local("http", s.grpc(Status.OK, Duration.ZERO), "/v1/traces"))),
                // statuses sent by a real gRPC server (grpc-java), with no description
                Arguments.of("grpc UNAUTHENTICATED", Set.of("auth"),
                        (Fault) s -> exporter("grpc", local("http", s.grpc(Status.UNAUTHENTICATED, Duration.ZERO), ""))),
                Arguments.of("grpc PERMISSION_DENIED", Set.of("auth"),
                        (Fault) s -> exporter("grpc", local("http", s.grpc(Status.PERMISSION_DENIED, Duration.ZERO), ""))),
                Arguments.of("grpc UNAVAILABLE from the server", Set.of("backend"),
                        (Fault) s -> exporter("grpc", local("http", s.grpc(Status.UNAVAILABLE, Duration.ZERO), ""))),
                Arguments.of("grpc RESOURCE_EXHAUSTED", Set.of("backend"),
                        (Fault) s -> exporter("grpc", local("http", s.grpc(Status.RESOURCE_EXHAUSTED, Duration.ZERO), ""))),
                Arguments.of("grpc UNIMPLEMENTED", Set.of("endpoint"),
                        (Fault) s -> exporter("grpc", local("http", s.grpc(Status.UNIMPLEMENTED, Duration.ZERO), ""))),
                // a backend that answers correctly, after the exporter's timeout
                Arguments.of("grpc exporter, backend answers after the timeout", Set.of("batch-timeout"),
                        (Fault) s -> exporter("grpc", local("http", s.grpc(Status.OK, Duration.ofSeconds(4)), ""))),
                Arguments.of("http exporter, backend answers after the timeout", Set.of("batch-timeout"),
                        (Fault) s -> exporter("http", local("http", s.slowHttp(200, Duration.ofSeconds(4)), "/v1/traces"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theInjectedFaultIsDiagnosedFirst(String name, Set<String> expected, Fault fault) throws Exception {
        String log;
        try (FaultyServers servers = new FaultyServers(work)) {
            log = runNode(name, fault.run(servers));
        }
        VERDICTS.assertDiagnosedFirst(name, expected, log);
    }

    /**
     * A burst of spans into a BatchSpanProcessor whose queue holds four, exporting one at a time to
     * a healthy gRPC backend that takes 300 ms per request: the queue overflows while exports are in
     * flight, and nothing else fails. The JS SDK reports drops only when a span fits in again, so the
     * spans come in bursts with pauses between them, as a service's requests do.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTinyBatchQueueUnderABurstIsQueueFull() throws Exception {
        String name = "grpc exporter, tiny batch queue under bursts";
        String log;
        try (FaultyServers servers = new FaultyServers(work)) {
            Run run = exporter("grpc", local("http", servers.grpc(Status.OK, Duration.ofMillis(300)), ""))
                    .and("--processor", "batch", "--queue", "4", "--batch", "1", "--delay-ms", "20", "--spans", "60",
                            "--burst", "20", "--gap-ms", "400");
            log = runNode(name, run);
        }
        VERDICTS.assertDiagnosedFirst(name, Set.of("queue-full"), log);
    }

    /** Without a fault the same script exports quietly, so what the cases read comes from the faults, not the set-up. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHealthyBackendLeavesNothingToDiagnose() throws Exception {
        String name = "healthy grpc and http backends";
        StringBuilder log = new StringBuilder();
        try (FaultyServers servers = new FaultyServers(work)) {
            log.append(runNode(name + " (grpc)", exporter("grpc", local("http", servers.grpc(Status.OK, Duration.ZERO), ""))));
            log.append(runNode(name + " (http)", exporter("http", local("http", servers.http(200, ""), "/v1/traces"))));
        }
        List<Diagnosis> diagnoses = VERDICTS.analyze(name, log.toString());
        VERDICTS.record(name, "none -> " + (diagnoses.isEmpty() ? "nothing" : diagnoses.get(0).cause()));
        assertEquals(List.of(), diagnoses.stream().map(Diagnosis::cause).toList(), name + " logged:\n" + log);
    }

    private static final LabVerdicts VERDICTS = new LabVerdicts("otel-doctor Node SDK fault lab", "lab-node/");

    @AfterAll
    static void printResults() {
        VERDICTS.print();
    }

    /**
     * Runs the script with {@code run}'s options and environment, stdout and stderr into one file as
     * a container runtime keeps them, and returns that text. Inherited OTEL_* variables are removed,
     * so only the case decides how the SDK is configured.
     */
    private static String runNode(String name, Run run) throws IOException, InterruptedException {
        Path dir = Path.of("target", "fault-lab-node");
        Files.createDirectories(dir);
        Path out = dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        List<String> command = new ArrayList<>(List.of(node, SCRIPT.toString()));
        command.addAll(run.args());
        command.addAll(List.of("--deadline-ms", Long.toString(SCRIPT_DEADLINE.toMillis())));
        ProcessBuilder pb = new ProcessBuilder(command).directory(LAB.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.equals("NODE_EXTRA_CA_CERTS") || k.equals("NODE_OPTIONS"));
        pb.environment().putAll(run.env());
        Process p = pb.start();
        if (!p.waitFor(SCRIPT_DEADLINE.toSeconds() + 10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(name + ": node did not finish in time; it wrote:\n" + Files.readString(out, StandardCharsets.UTF_8));
        }
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), name + ": export-span.js failed:\n" + log);
        return log;
    }


}
