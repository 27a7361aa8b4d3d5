package io.oteldoctor.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.ingest.RawRecord;
import io.oteldoctor.ingest.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignatureExtractorTest {

    private static Signal read(String... lines) {
        RawRecord raw = new RawRecord("t", 1, Arrays.stream(lines).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList(), false);
        return new SignatureExtractor().extract(new RecordParser().parse(raw), "g");
    }

    private static String console(String level, String msg, String fields) {
        return "2025-06-10T09:12:44.123Z\t" + level + "\tinternal/retry_sender.go:133\t" + msg + "\t{" + fields + "}";
    }

    @Test
    void perOccurrenceFieldsChangeNothingTheRulesSee() {
        String[][] records = {
            {"info", "Exporting failed. Will retry the request after interval.", "\"otelcol.component.id\": \"otlp\", "
                    + "\"otelcol.component.kind\": \"exporter\", \"error\": \"rpc error: code = Unavailable desc = connection refused\""},
            {"error", "Exporting failed. Dropping data.", "\"kind\": \"exporter\", \"name\": \"otlphttp\", \"error\": "
                    + "\"Permanent error: responded with HTTP Status Code 401\""},
            {"error", "Exporting failed. Rejecting data.", "\"kind\": \"exporter\", \"name\": \"otlp\", \"error\": \"sending queue is full\""},
            {"warn", "Memory usage is above soft limit. Refusing data.", "\"kind\": \"processor\", \"name\": \"memory_limiter\""},
        };
        for (String[] r : records) {
            Signal without = read(console(r[0], r[1], r[2]));
            for (String field : SignatureExtractor.PER_OCCURRENCE_FIELDS) {
                for (String value : new String[] {"0", "5000", "\"3.2s\"", "\"refused 401 x509 timeout\"", "\"\""}) {
                    Signal with = read(console(r[0], r[1], r[2] + ", \"" + field + "\": " + value));
                    assertEquals(without.conditions(), with.conditions(), field + "=" + value + " in " + r[1]);
                    assertEquals(without.getText(), with.getText(), field + "=" + value + " in " + r[1]);
                }
            }
        }
    }

    @Test
    void readsEveryLayerOfAGrpcDialFailure() {
        Signal s = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"otelcol.component.id\": \"otlp/backend\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"traces\", "
                        + "\"error\": \"rpc error: code = Unavailable desc = connection error: desc = \\\"transport: Error while dialing: dial tcp 10.20.30.40:4317: connect: connection refused\\\"\""));
        assertEquals(Origin.COLLECTOR, s.getOrigin());
        assertEquals("otlp/backend", s.getComponent());
        assertEquals("traces", s.getSignalType());
        assertEquals(Transport.GRPC, s.getTransport());
        assertEquals(Envelope.RETRYING, s.getEnvelope());
        assertEquals(GrpcCode.UNAVAILABLE, s.getGrpcCode());
        assertFalse(s.isServerStatus(), "a dial failure is the client's own Unavailable");
        assertEquals(NetError.CONNECTION_REFUSED, s.getNetError());
        assertEquals(Timeout.NONE, s.getTimeout());
        assertTrue(s.getAddresses().contains("10.20.30.40:4317"));
    }

    @Test
    void anUnassignableAddressIsPortExhaustionExceptAtTheIpv6Loopback() {
        String dial = "traces export: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp %s: "
                + "connect: cannot assign requested address\"";
        Signal loopback = read(String.format(dial, "[::1]:4317"));
        assertEquals(NetError.NETWORK_UNREACHABLE, loopback.getNetError());
        assertEquals(ResourceSignal.NONE, loopback.getResource());
        Signal remote = read(String.format(dial, "10.1.2.3:4317"));
        assertEquals(ResourceSignal.PORTS_EXHAUSTED, remote.getResource());
        assertEquals(NetError.NONE, remote.getNetError());
        Signal node = read("{\"stack\":\"Error: 14 UNAVAILABLE: No connection established. Last error: Error: connect EADDRNOTAVAIL ::1:4317 - "
                + "Local (:::0)\\n    at /app/node_modules/@grpc/grpc-js/build/src/call.js:32:19\",\"message\":\"14 UNAVAILABLE\"}");
        assertEquals(NetError.NETWORK_UNREACHABLE, node.getNetError());
    }

    @Test
    void goHttpTimingOutBeforeItHadAConnectionIsWaitingForConnection() {
        String post = "\"kind\": \"exporter\", \"name\": \"otlphttp\", \"error\": \"Post \\\"https://ingest.example.test/v1/logs\\\": ";
        String timeout = " (Client.Timeout exceeded while awaiting headers)\"";
        Signal dialing = read(console("error", "Exporting failed. Dropping data.", post + "net/http: request canceled while waiting for connection" + timeout));
        assertEquals(Timeout.WAITING_FOR_CONNECTION, dialing.getTimeout());
        Signal connected = read(console("error", "Exporting failed. Dropping data.", post + "context deadline exceeded" + timeout));
        assertEquals(Timeout.AWAITING_HEADERS, connected.getTimeout());
    }

    @Test
    void grpcJsNamesOnlyTheStatusOfAnAnswerThatIsNotGrpc() {
        Signal s = read("{\"stack\":\"Error: PeriodicExportingMetricReader: metrics export failed (error Error: 13 INTERNAL: Received HTTP status "
                + "code 400)\\n    at PeriodicExportingMetricReader._doRun (/srv/node_modules/@opentelemetry/sdk-metrics/build/src/export/"
                + "PeriodicExportingMetricReader.js:88:19)\",\"message\":\"PeriodicExportingMetricReader: metrics export failed (error Error: 13 "
                + "INTERNAL: Received HTTP status code 400)\",\"name\":\"Error\"}");
        assertEquals(Origin.NODE_SDK, s.getOrigin());
        assertEquals(ProtocolError.UNEXPECTED_CONTENT_TYPE, s.getProtocolError());
        assertEquals(400, s.getHttpStatus());
    }

    @Test
    void anAnswerThatWouldNotDecodeIsNoConnectionClosing() {
        Signal s = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"otelcol.component.id\": \"otlphttp\", \"otelcol.component.kind\": \"exporter\", "
                        + "\"error\": \"error parsing protobuf response: unexpected EOF\""));
        assertTrue(s.isUnreadableResponse());
        assertEquals(NetError.NONE, s.getNetError());
        Signal eof = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"otelcol.component.id\": \"otlphttp\", \"otelcol.component.kind\": \"exporter\", "
                        + "\"error\": \"failed to make an HTTP request: Post \\\"https://otlp.example:4318/v1/logs\\\": unexpected EOF\""));
        assertFalse(eof.isUnreadableResponse());
        assertEquals(NetError.EOF, eof.getNetError());
    }

    @Test
    void theOtlpPortIsReadFromTheEndpointOrAnAddress() {
        Signal grpc = read("2025-06-10 09:12:53,790 ERROR [opentelemetry.exporter.otlp.proto.grpc.exporter] [exporter.py:363] "
                + "Failed to export traces to otel-collector.monitoring:4318, error code: StatusCode.UNAVAILABLE");
        assertTrue(grpc.namesPort(4318));
        assertFalse(grpc.namesPort(4317));
        Signal http = read("2025-06-10 09:20:06,227 ERROR [opentelemetry.exporter.otlp.proto.http.trace_exporter] [trace_exporter.py:184] "
                + "Failed to export batch. Exception: HTTPConnectionPool(host='otel-collector', port=4317): Max retries exceeded with url: "
                + "/v1/traces (Caused by ProtocolError('Connection aborted.', RemoteDisconnected('Remote end closed connection without response')))");
        assertTrue(http.namesPort(4317));
        assertEquals(NetError.EOF, http.getNetError(), "the server hung up without an answer");
    }

    @Test
    void aStackFrameIsNotAnAddress() {
        Signal s = read("Jun 10, 2025 9:14:17 AM io.opentelemetry.exporter.internal.http.HttpExporter onError",
                "SEVERE: Failed to export spans. The request could not be executed. Full error message: otel-colector: Name or service not known",
                "java.net.UnknownHostException: otel-colector: Name or service not known",
                "\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Inet6AddressImpl.java:52)",
                "\tat okhttp3.Dns$Companion$DnsSystem.lookup(Dns.kt:48)",
                "\tat io.grpc.Dial(dialer.go:210) via (gateway.example:4317)");
        assertFalse(s.getAddresses().stream().anyMatch(a -> a.contains(".java") || a.contains(".kt") || a.contains(".go:")),
                s.getAddresses().toString());
        assertTrue(s.getAddresses().contains("gateway.example:4317"), s.getAddresses().toString());
    }

    @Test
    void readsTheOtlpHttpStatusAndEndpoint() {
        Signal s = read(console("error", "Exporting failed. Dropping data.",
                "\"otelcol.component.id\": \"otlphttp/vendor\", \"otelcol.component.kind\": \"exporter\", \"error\": \"not retryable error: Permanent error: "
                        + "rpc error: code = Unauthenticated desc = error exporting items, request to https://otlp.vendor.example/v1/traces responded with HTTP Status Code 401\""));
        assertEquals(Envelope.DROPPED, s.getEnvelope());
        assertEquals(RetryVerdict.PERMANENT, s.getVerdict());
        assertEquals(401, s.getHttpStatus());
        assertEquals(Transport.HTTP, s.getTransport());
        assertEquals("https", s.getEndpoint().scheme());
        assertEquals("otlp.vendor.example", s.getEndpoint().host());
        assertEquals("/v1/traces", s.getEndpoint().path());
    }

    @Test
    void legacyFieldsAndLegacyMessages() {
        Signal s = read("2023-07-01T08:10:44.020Z\terror\texporterhelper/queued_retry.go:307\tDropping data because sending_queue is full. Try increasing queue_size.\t"
                + "{\"kind\": \"exporter\", \"data_type\": \"traces\", \"name\": \"otlp\", \"dropped_items\": 256}");
        assertEquals("otlp", s.getComponent());
        assertEquals("exporter", s.getComponentKind());
        assertTrue(s.isQueueFull());
        assertEquals(Envelope.REJECTED, s.getEnvelope());
    }

    @Test
    void grpcCoreWarningsNameTheAddressNotAComponent() {
        Signal s = read("2025-06-10T09:12:44.101Z\twarn\tgrpc@v1.73.0/clientconn.go:1414\t[core] [Channel #1 SubChannel #2] grpc: addrConn.createTransport failed to connect to "
                + "{Addr: \"otel-backend.example.com:4317\", ServerName: \"otel-backend.example.com:4317\", }. Err: connection error: desc = \"transport: authentication handshake failed: "
                + "tls: failed to verify certificate: x509: certificate signed by unknown authority\"\t{\"grpc_log\": true}");
        assertEquals(Origin.GRPC_CORE, s.getOrigin());
        assertEquals(TlsError.UNKNOWN_AUTHORITY, s.getTlsError());
        assertTrue(s.getAddresses().contains("otel-backend.example.com:4317"));
    }

    @Test
    void javaExceptionChainsCarryTheCause() {
        Signal s = read("SEVERE: Failed to export spans. The request could not be executed.",
                "javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target");
        assertEquals(Origin.JAVA_SDK, s.getOrigin());
        assertEquals("sdk/java", s.getComponent());
        assertEquals(TlsError.UNKNOWN_AUTHORITY, s.getTlsError());
        assertEquals(Envelope.DROPPED, s.getEnvelope());
    }

    @Test
    void javaServerIsUnavailableWithoutDescriptionIsTheServerSpeaking() {
        Signal s = read("SEVERE: Failed to export spans. Server is UNAVAILABLE. Make sure your collector is running and reachable from this network. "
                + "Full error message:");
        assertEquals(GrpcCode.UNAVAILABLE, s.getGrpcCode());
        assertTrue(s.isServerStatus(), "the Java exporter names a status only when one came back");
    }

    @Test
    void grpcJavaTransportDescriptionsAreTheClientsOwn() {
        Signal s = read("SEVERE: Failed to export spans. Server is UNAVAILABLE. Make sure your collector is running and reachable from this network. "
                + "Full error message:io exception");
        assertEquals(GrpcCode.UNAVAILABLE, s.getGrpcCode());
        assertFalse(s.isServerStatus(), "grpc-java's 'io exception' is a transport failure on the client");
    }

    @Test
    void aDeadlineBehindARefusalIsNotATimeout() {
        Signal s = read("2025/06/10 09:12:44 traces export: context deadline exceeded: rpc error: code = Unavailable desc = connection error: "
                + "desc = \"transport: Error while dialing: dial tcp [::1]:4317: connect: connection refused\"");
        assertEquals(Origin.GO_SDK, s.getOrigin());
        assertEquals(NetError.CONNECTION_REFUSED, s.getNetError());
        assertEquals(Timeout.NONE, s.getTimeout());
    }

    @Test
    void debugExporterDumpsAreApplicationData() {
        Signal attribute = read("     -> http.status_code: Int(503)");
        assertFalse(attribute.hasCause());
        Signal body = read("Body: Str(failed to connect to replica: dial tcp 10.1.2.3:5432: connect: connection refused)");
        assertFalse(body.hasCause());
        assertEquals(Envelope.NONE, body.getEnvelope());
    }

    @Test
    void contribExportersPhraseHttpStatusesTheirOwnWay() {
        Signal loki = read(console("error", "Exporting failed. Dropping data.",
                "\"kind\": \"exporter\", \"name\": \"loki\", \"error\": \"no more retries left: HTTP 429 \\\"Too Many Requests\\\": Ingestion rate limit exceeded\""));
        assertEquals(429, loki.getHttpStatus());
        Signal prw = read(console("error", "Exporting failed. Dropping data.",
                "\"kind\": \"exporter\", \"name\": \"prometheusremotewrite\", \"error\": \"Permanent error: Permanent error: remote write returned HTTP status 401 Unauthorized; err = <nil>\""));
        assertEquals(401, prw.getHttpStatus());
        Signal reason = read(console("error", "Exporting failed. Dropping data.",
                "\"kind\": \"exporter\", \"name\": \"datadog\", \"error\": \"API call failed: 403 Forbidden\""));
        assertEquals(403, reason.getHttpStatus());
    }

    @Test
    void signalfxAndSplunkHecQuoteThePathAndTheReasonPhrase() {
        Signal sfx = read(console("error", "Exporting failed. Dropping data.",
                "\"kind\": \"exporter\", \"name\": \"signalfx\", \"error\": \"Permanent error: \\\"HTTP \\\\\\\"/v2/datapoint\\\\\\\" 401 \\\\\\\"Unauthorized\\\\\\\"\\\"\""));
        assertEquals(401, sfx.getHttpStatus());
        Signal hec = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"kind\": \"exporter\", \"name\": \"splunk_hec\", \"error\": \"HTTP \\\"/services/collector\\\" 503 \\\"Service Unavailable\\\"\""));
        assertEquals(503, hec.getHttpStatus());
        // a path and a number that are not a status with its phrase stay unread
        Signal other = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"kind\": \"exporter\", \"name\": \"signalfx\", \"error\": \"HTTP \\\"/v2/datapoint\\\" 401 retries left\""));
        assertEquals(0, other.getHttpStatus());
    }

    @Test
    void loadBalancingRingWithoutBackends() {
        Signal empty = read("2024-05-11T09:12:04.112Z\terror\tloadbalancingexporter@v0.98.0/trace_exporter.go:110\tcould not export traces\t"
                + "{\"kind\": \"exporter\", \"data_type\": \"traces\", \"name\": \"loadbalancing\", "
                + "\"error\": \"couldn't find the exporter for the endpoint \\\"\\\"\"}");
        assertTrue(empty.isNoBackendResolved());
        assertTrue(empty.hasCause());
        // a named endpoint missing for a moment (the ring changed under a send) is not an empty ring
        Signal named = read("2024-05-11T09:12:04.112Z\terror\tloadbalancingexporter@v0.98.0/trace_exporter.go:110\tcould not export traces\t"
                + "{\"kind\": \"exporter\", \"data_type\": \"traces\", \"name\": \"loadbalancing\", "
                + "\"error\": \"couldn't find the exporter for the endpoint \\\"10.1.2.3:4317\\\"\"}");
        assertFalse(named.isNoBackendResolved());
    }

    @Test
    void credentialsRefusedInWordsWithoutAStatus() {
        Signal datadog = read(console("error", "Exporting failed. Dropping data.",
                "\"kind\": \"exporter\", \"name\": \"datadog\", \"error\": \"not retryable error: Permanent error: API Key invalid\""));
        assertTrue(datadog.isCredentialsRejected());
        Signal unrelated = read(console("error", "Exporting failed. Dropping data.",
                "\"kind\": \"exporter\", \"name\": \"otlp\", \"error\": \"token bucket exhausted: rate limited\""));
        assertFalse(unrelated.isCredentialsRejected());
    }

    @Test
    void alloyComponentsAreCollectorExporters() {
        Signal s = read("ts=2025-06-10T09:12:44.123Z level=info msg=\"Exporting failed. Will retry the request after interval.\" "
                + "component_path=/ component_id=otelcol.exporter.otlp.default error=\"rpc error: code = Unauthenticated desc = invalid token\"");
        assertEquals(Origin.COLLECTOR, s.getOrigin());
        assertEquals("otelcol.exporter.otlp.default", s.getComponent());
        assertEquals("exporter", s.getComponentKind());
        assertEquals(GrpcCode.UNAUTHENTICATED, s.getGrpcCode());
    }

    @Test
    void agentFlowNamedTheComponentInComponent() {
        Signal s = read("ts=2023-06-02T10:01:02.345Z level=info component=otelcol.exporter.otlp.default "
                + "msg=\"Exporting failed. Will retry the request after interval.\" error=\"rpc error: code = Unavailable desc = connection error: "
                + "desc = \\\"transport: authentication handshake failed: x509: certificate signed by unknown authority\\\"\" interval=2.2s");
        assertEquals(Origin.COLLECTOR, s.getOrigin());
        assertEquals("otelcol.exporter.otlp.default", s.getComponent());
        assertEquals("exporter", s.getComponentKind());
        assertEquals(TlsError.UNKNOWN_AUTHORITY, s.getTlsError());
        // a Flow component outside otelcol (loki.write) is not the collector's exporter
        Signal loki = read("ts=2023-06-02T10:01:02.345Z component=loki.write.default level=warn msg=\"error sending batch, will retry\" "
                + "status=503 error=\"server returned HTTP status 503 Service Unavailable\"");
        assertFalse(loki.getOrigin() == Origin.COLLECTOR);
        assertFalse("loki.write.default".equals(loki.getComponent()));
    }

    @Test
    void aComponentThatFailedToStartIsAStartupFailure() {
        Signal s = read("2024-05-11T09:12:04.112Z\terror\tgraph/graph.go:426\tFailed to start component\t"
                + "{\"error\": \"failed to open file \\\"/var/log/otel/traces.json\\\": open /var/log/otel/traces.json: permission denied\", "
                + "\"type\": \"Exporter\", \"id\": \"file\"}");
        assertTrue(s.isStartupFailure());
        Signal started = read("2024-05-11T09:12:04.112Z\tinfo\tservice@v0.98.0/service.go:169\tEverything is ready. Begin running and processing data.");
        assertFalse(started.isStartupFailure());
    }

    @Test
    void modernCollectorsNameTheConnectionWait() {
        Signal modern = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"otelcol.component.id\": \"otlp\", \"otelcol.component.kind\": \"exporter\", \"error\": \"rpc error: code = DeadlineExceeded desc = context deadline exceeded\""));
        assertTrue(modern.isConnectWaitNamed());
        assertEquals(Timeout.IN_FLIGHT_DEADLINE, modern.getTimeout());
        Signal legacy = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"kind\": \"exporter\", \"name\": \"otlp\", \"error\": \"rpc error: code = DeadlineExceeded desc = context deadline exceeded\""));
        assertFalse(legacy.isConnectWaitNamed());
    }

    @Test
    void windowsSocketErrorsReadLikeTheirPosixCounterparts() {
        Signal refused = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"kind\": \"exporter\", \"name\": \"otlp\", \"error\": \"rpc error: code = Unavailable desc = connection error: desc = \\\"transport: "
                        + "Error while dialing: dial tcp 10.1.2.3:4317: connectex: No connection could be made because the target machine actively refused it.\\\"\""));
        assertEquals(NetError.CONNECTION_REFUSED, refused.getNetError());
        Signal dialTimeout = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"kind\": \"exporter\", \"name\": \"otlphttp\", \"error\": \"failed to make an HTTP request: Post \\\"https://in.example:443/v1/logs\\\": dial tcp "
                        + "10.9.8.7:443: connectex: A connection attempt failed because the connected party did not properly respond after a period of time\""));
        assertEquals(NetError.DIAL_TIMEOUT, dialTimeout.getNetError());
        Signal readTimeout = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"kind\": \"exporter\", \"name\": \"otlphttp\", \"error\": \"read tcp 10.0.0.2:5011->10.9.8.7:443: wsarecv: "
                        + "A connection attempt failed because the connected party did not properly respond after a period of time\""));
        assertFalse(readTimeout.getNetError() == NetError.DIAL_TIMEOUT, "a receive that timed out is not a dial that timed out");
        Signal reset = read(console("info", "Exporting failed. Will retry the request after interval.",
                "\"kind\": \"exporter\", \"name\": \"otlphttp\", \"error\": \"read tcp 10.0.0.2:5011->10.9.8.7:443: wsarecv: "
                        + "An existing connection was forcibly closed by the remote host.\""));
        assertEquals(NetError.CONNECTION_RESET, reset.getNetError());
        Signal dns = read("[2025-03-04T10:21:07.1183021Z] [Error] EventSource=OpenTelemetry-Exporter-OpenTelemetryProtocol, Message=Exporter failed send data "
                + "to collector to http://otel-agent:4318/v1/traces endpoint. Data will not be sent. Exception: System.Net.Http.HttpRequestException: "
                + "No such host is known. (otel-agent:4318)");
        assertEquals(DnsError.NO_SUCH_HOST, dns.getDnsError());
    }

    @Test
    void rustSdkErrorsAreExportFailuresOnlyWhenTheySpeakOfExport() {
        Signal refused = read("OpenTelemetry trace error occurred. Exporter otlp encountered the following error(s): the grpc server returns error "
                + "(The service is currently unavailable): , detailed error message: error trying to connect: tcp connect error: Connection refused (os error 111)");
        assertEquals(Origin.RUST_SDK, refused.getOrigin());
        assertEquals("sdk/rust", refused.getComponent());
        assertEquals("traces", refused.getSignalType());
        assertEquals(Envelope.DROPPED, refused.getEnvelope());
        assertEquals(GrpcCode.UNAVAILABLE, refused.getGrpcCode());
        assertFalse(refused.isServerStatus(), "tonic's connect error is the client's own");
        assertEquals(NetError.CONNECTION_REFUSED, refused.getNetError());
        Signal unauthenticated = read("2025-06-01T10:00:00.000Z ERROR opentelemetry_sdk: name=\"BatchSpanProcessor.ExportError\" "
                + "error=\"Operation failed: status: Unauthenticated, message: \\\"invalid ingest token\\\"\"");
        assertEquals(Origin.RUST_SDK, unauthenticated.getOrigin());
        assertEquals(GrpcCode.UNAUTHENTICATED, unauthenticated.getGrpcCode());
        assertTrue(unauthenticated.isServerStatus());
        Signal described = read("OpenTelemetry trace error occurred. Exporter otlp encountered the following error(s): the grpc server returns error "
                + "(The request does not have valid authentication credentials): , detailed error message: api-key header missing");
        assertEquals(GrpcCode.UNAUTHENTICATED, described.getGrpcCode());
        Signal shutdown = read("OpenTelemetry trace error occurred. cannot send message to batch processor as the channel is closed");
        assertEquals(Origin.RUST_SDK, shutdown.getOrigin());
        assertEquals(Envelope.NONE, shutdown.getEnvelope(), "the span channel closing at shutdown is not an export failure");
    }

    @Test
    void elasticsearchBulkFlushCarriesItsStatusInParentheses() {
        Signal s = read("2026-02-03T10:57:16.929+0100\terror\telasticsearchexporter@v0.145.0/bulkindexer.go:338\tbulk indexer flush error\t"
                + "{\"otelcol.component.id\": \"elasticsearch\", \"otelcol.component.kind\": \"exporter\", \"error\": \"flush failed (403): "
                + "{\\\"error\\\":{\\\"type\\\":\\\"security_exception\\\"},\\\"status\\\":403}\"}");
        assertEquals(403, s.getHttpStatus());
        Signal words = read(console("error", "Exporting failed. Dropping data.", "\"kind\": \"exporter\", \"name\": \"elasticsearch\", "
                + "\"error\": \"security_exception: unable to authenticate with provided credentials\""));
        assertTrue(words.isCredentialsRejected());
    }

    @Test
    void earlyJavaExportersPrintGrpcJavasStatusAsText() {
        Signal s = read("[opentelemetry.auto.trace 2021-09-15 12:30:06:799 +0000] [grpc-default-executor-3] WARN "
                + "io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter - Failed to export spans. Error message: UNAVAILABLE: io exception");
        assertEquals(Origin.JAVA_SDK, s.getOrigin());
        assertEquals(GrpcCode.UNAVAILABLE, s.getGrpcCode());
        assertFalse(s.isServerStatus(), "grpc-java's io exception is the client's own transport failure");
    }

    /** What opentelemetry-js's default global error handler prints: JSON.stringify of the flattened error, through diag.error. */
    private static String nodeFlattened(String stackHead, String message, String rest) {
        return "{\"stack\":\"" + stackHead + "\\n    at IncomingMessage.<anonymous> (/srv/app/node_modules/@opentelemetry/otlp-exporter-base/"
                + "build/src/transport/http-transport-utils.js:75:35)\\n    at IncomingMessage.emit (node:events:536:35)\",\"message\":\""
                + message + "\"" + rest + "}";
    }

    @Test
    void nodeOtlpExporterErrorsCarryTheHttpStatus() {
        Signal flattened = read(nodeFlattened("OTLPExporterError: Unauthorized", "Unauthorized", ",\"code\":\"401\",\"name\":\"OTLPExporterError\""));
        assertEquals(Origin.NODE_SDK, flattened.getOrigin());
        assertEquals("sdk/node", flattened.getComponent());
        assertEquals(401, flattened.getHttpStatus());
        // a server's own reason phrase does not hide the status the error carries
        Signal custom = read(nodeFlattened("OTLPExporterError: Token Expired", "Token Expired", ",\"code\":\"403\",\"data\":\"\""));
        assertEquals(403, custom.getHttpStatus());
        // diag's one-line form keeps only the reason phrase
        Signal diag = read("Export failed with non-retryable error: OTLPExporterError: Request Entity Too Large");
        assertEquals(Origin.NODE_SDK, diag.getOrigin());
        assertEquals(413, diag.getHttpStatus());
        Signal unknownPhrase = read("Export failed with non-retryable error: OTLPExporterError: Quota Rules Apply");
        assertEquals(0, unknownPhrase.getHttpStatus());
        // a gRPC status code in the same field is two digits and not an HTTP status
        Signal grpc = read("{\"stack\":\"Error: 14 UNAVAILABLE: No connection established\",\"message\":\"14 UNAVAILABLE: No connection established\","
                + "\"code\":\"14\",\"details\":\"No connection established\",\"metadata\":\"[object Object]\"}");
        assertEquals(0, grpc.getHttpStatus());
        assertEquals(GrpcCode.UNAVAILABLE, grpc.getGrpcCode());
    }

    @Test
    void nodeRetryableStatusWithoutItsCode() {
        Signal s = read(nodeFlattened("OTLPExporterError: Export failed with retryable status", "Export failed with retryable status",
                ",\"name\":\"OTLPExporterError\""));
        assertTrue(s.isRetryableStatusUnnamed());
        assertEquals(0, s.getHttpStatus());
        Signal fetch = read("Export failed with non-retryable error: Error: Fetch request failed with non-retryable status 400");
        assertFalse(fetch.isRetryableStatusUnnamed());
    }

    @Test
    void nodeBatchProcessorDropsAreAFullQueue() {
        Signal s = read("Dropped 37 spans because maxQueueSize reached");
        assertEquals(Origin.NODE_SDK, s.getOrigin());
        assertTrue(s.isQueueFull());
        assertEquals(Envelope.DROPPED, s.getEnvelope());
    }

    @Test
    void grpcJsProtocolErrorIsNotHttp2Framing() {
        Signal s = read("{\"stack\":\"Error: 14 UNAVAILABLE: No connection established. Last error: Protocol error (2025-06-10T11:02:06.309Z). "
                + "Resolution note: \\n    at callErrorFromStatus (/srv/app/node_modules/@grpc/grpc-js/build/src/call.js:32:19)\","
                + "\"message\":\"14 UNAVAILABLE: No connection established. Last error: Protocol error (2025-06-10T11:02:06.309Z). Resolution note: \","
                + "\"code\":\"14\",\"details\":\"No connection established. Last error: Protocol error\",\"metadata\":\"[object Object]\"}");
        assertEquals(ProtocolError.HTTP2_PROTOCOL_ERROR, s.getProtocolError());
        assertEquals(GrpcCode.UNAVAILABLE, s.getGrpcCode());
        assertFalse(s.isServerStatus());
    }

    @Test
    void grpcJsCallCancelledByTheServerIsItsDeadline() {
        Signal s = read("{\"stack\":\"Error: 1 CANCELLED: Call cancelled\\n    at callErrorFromStatus (/srv/app/node_modules/@grpc/grpc-js/build/src/call.js:32:19)\","
                + "\"message\":\"1 CANCELLED: Call cancelled\",\"code\":\"1\",\"details\":\"Call cancelled\",\"metadata\":\"[object Object]\",\"name\":\"Error\"}");
        assertEquals(GrpcCode.CANCELLED, s.getGrpcCode());
        assertEquals(Timeout.IN_FLIGHT_DEADLINE, s.getTimeout());
        Signal client = read("{\"stack\":\"Error: 1 CANCELLED: Cancelled on client\",\"message\":\"1 CANCELLED: Cancelled on client\",\"code\":\"1\"}");
        assertEquals(Timeout.NONE, client.getTimeout());
    }

    private static String exporterLine(String level, String caller, String msg, String id, String error) {
        return "2025-11-03T14:20:00.000Z\t" + level + "\t" + caller + "\t" + msg + "\t{\"otelcol.component.id\": \"" + id
                + "\", \"otelcol.component.kind\": \"exporter\", \"otelcol.signal\": \"logs\", \"error\": \"" + error + "\"}";
    }

    @Test
    void aContribExportersOwnErrorLineIsAFailedExport() {
        Signal s = read(exporterLine("error", "lokiexporter@v0.130.0/exporter.go:77", "failed to push logs", "loki", "out of order entries dropped"));
        assertEquals(Envelope.DROPPED, s.getEnvelope(), "the exporter reported the failed send itself");
        Signal info = read("2025-11-03T14:20:00.000Z\tinfo\tlokiexporter@v0.130.0/exporter.go:60\tStarting\t{\"otelcol.component.id\": \"loki\", "
                + "\"otelcol.component.kind\": \"exporter\"}");
        assertEquals(Envelope.NONE, info.getEnvelope());
        Signal processor = read("2025-11-03T14:40:01.000Z\terror\tk8sattributesprocessor@v0.130.0/processor.go:120\tfailed to list *v1.Pod\t"
                + "{\"otelcol.component.id\": \"k8sattributes\", \"otelcol.component.kind\": \"processor\", \"error\": \"pods is forbidden\"}");
        assertEquals(Envelope.NONE, processor.getEnvelope(), "only an exporter's own error is an export failure");
    }

    @Test
    void aScrapingReceiversFetchIsNotAnExport() {
        Signal s = read("2025-11-03T14:41:00.100Z\twarn\tscrape/scrape.go:1331\tScrape failed\t{\"otelcol.component.id\": \"prometheus\", "
                + "\"otelcol.component.kind\": \"receiver\", \"otelcol.signal\": \"metrics\", \"err\": \"Get \\\"https://10.0.0.9:9100/metrics\\\": "
                + "tls: failed to verify certificate: x509: certificate signed by unknown authority\"}");
        assertEquals(TlsError.NONE, s.getTlsError());
        assertFalse(s.hasCause());
    }

    @Test
    void cloudAndVendorExportersSayWhatWentWrongInWords() {
        assertTrue(read(exporterLine("error", "internal/base_exporter.go:128", "Exporting failed. Rejecting data.", "awsxray",
                "NoCredentialProviders: no valid providers in chain. Deprecated.")).isCredentialsRejected());
        Signal denied = read(exporterLine("error", "internal/queue_sender.go:51", "Exporting failed. Dropping data.", "awsemf",
                "Permanent error: AccessDeniedException: User: arn:aws:sts::1:assumed-role/otel is not authorized to perform: logs:PutLogEvents\\n\\tstatus code: 400"));
        assertTrue(denied.isCredentialsRejected());
        assertEquals(400, denied.getHttpStatus());
        Signal throttled = read(exporterLine("info", "internal/retry_sender.go:133", "Exporting failed. Will retry the request after interval.", "awsemf",
                "ThrottlingException: Rate exceeded\\n\\tstatus code: 400"));
        assertTrue(throttled.isThrottledInWords());
        assertFalse(throttled.isCredentialsRejected());
        assertTrue(read(exporterLine("error", "internal/queue_sender.go:51", "Exporting failed. Dropping data.", "azuremonitor",
                "Permanent error: Invalid instrumentation key")).isCredentialsRejected());
        Signal hint = read(exporterLine("error", "internal/queue_sender.go:51", "Exporting failed. Dropping data.", "otlphttp/vendor",
                "Permanent error: rpc error: code = InvalidArgument desc = error exporting items, request to https://api.vendor.example/otlp responded "
                        + "with HTTP Status Code 400, Message=Invalid request path: should you be sending to /v1/traces?"));
        assertTrue(hint.isPathHintNamed());
        assertEquals(400, hint.getHttpStatus());
        assertFalse(read(exporterLine("error", "internal/queue_sender.go:51", "Exporting failed. Dropping data.", "otlphttp",
                "Permanent error: responded with HTTP Status Code 400, Message=invalid span id")).isPathHintNamed());
    }

    @Test
    void kafkaBrokersOutOfReachOrRefusingSize() {
        Signal none = read(exporterLine("info", "internal/retry_sender.go:133", "Exporting failed. Will retry the request after interval.", "kafka",
                "kafka: client has run out of available brokers to talk to"));
        assertEquals(NetError.NO_CONNECTION, none.getNetError());
        Signal big = read(exporterLine("error", "internal/queue_sender.go:51", "Exporting failed. Dropping data.", "kafka",
                "Failed to deliver 1 messages due to kafka server: Message was too large, server rejected it to avoid allocation error"));
        assertTrue(big.isBrokerMessageTooLarge());
        assertFalse(big.isMessageTooLarge(), "not gRPC's max message size");
    }

    @Test
    void unreadableTlsFilesAreATlsSettingsProblem() {
        Signal s = read("Error: cannot start pipelines: failed to start \"otlp/gateway\" exporter: failed to load TLS config: failed to load CA CertPool File: "
                + "failed to load cert /etc/otel/ca.pem: open /etc/otel/ca.pem: no such file or directory");
        assertEquals(TlsError.CONFIG_UNREADABLE, s.getTlsError());
    }

    @Test
    void rubyErlangAndPhpSdksAreReadAsSdks() {
        Signal ruby = read("W, [2025-11-03T14:36:00.123456 #4242]  WARN -- : OpenTelemetry error: OTLP exporter received Net::HTTPUnauthorized, "
                + "http.code=401, for uri: '/v1/traces'");
        assertEquals(Origin.RUBY_SDK, ruby.getOrigin());
        assertEquals("sdk/ruby", ruby.getComponent());
        assertEquals(Envelope.DROPPED, ruby.getEnvelope());
        assertEquals(401, ruby.getHttpStatus());
        Signal bare = read("E, [2025-11-03T14:34:00.123456 #4242] ERROR -- : OpenTelemetry error: Unable to export 30 spans");
        assertEquals(Envelope.DROPPED, bare.getEnvelope());
        assertFalse(bare.hasCause(), "Ruby's span processor says nothing about why");
        Signal erlang = read("14:37:00.123 [info] OTLP grpc export failed with GRPC status 16 : invalid api key");
        assertEquals(Origin.ERLANG_SDK, erlang.getOrigin());
        assertEquals(GrpcCode.UNAUTHENTICATED, erlang.getGrpcCode());
        assertTrue(erlang.isServerStatus());
        assertEquals(NetError.CONNECTION_REFUSED, read("14:38:00.123 [info] OTLP grpc export failed with error: {shutdown,econnrefused}").getNetError());
        assertEquals(413, read("14:39:00.123 [info] OTLP http export failed with HTTP status code 413").getHttpStatus());
        Signal php = read("OpenTelemetry: [error] Export failure [exception] Export retry limit exceeded [previous] cURL error 7: Failed to connect to "
                + "otel-collector port 4318 after 3 ms: Connection refused");
        assertEquals(Origin.PHP_SDK, php.getOrigin());
        assertEquals(NetError.CONNECTION_REFUSED, php.getNetError());
        Signal phpReason = read("PHP Warning:  Export failure: Not Found in /srv/app/vendor/open-telemetry/exporter-otlp/SpanExporter.php on line 60");
        assertEquals(Origin.PHP_SDK, phpReason.getOrigin());
        assertEquals(404, phpReason.getHttpStatus(), "the reason phrase is all the PHP exporter keeps of the status");
        assertEquals(0, read("PHP Warning:  Export failure: Operation timed out in /srv/app/vendor/open-telemetry/x.php").getHttpStatus());
    }

    @Test
    void cppSdkExporterAndHttpClientLines() {
        Signal result = read("[Error] File: /src/exporters/otlp/src/otlp_http_log_record_exporter.cc:140 [OTLP LOG HTTP Exporter] ERROR: Export 9 log(s) error: 1");
        assertEquals(Origin.CPP_SDK, result.getOrigin());
        assertEquals("sdk/cpp", result.getComponent());
        assertEquals("logs", result.getSignalType());
        assertEquals(Envelope.DROPPED, result.getEnvelope());
        Signal status = read("[Error] File: /src/exporters/otlp/src/otlp_http_client.cc:118 [OTLP HTTP Client] Export failed, Status:429, "
                + "Header:\tretry-after: 5,Body:slow down");
        assertEquals(429, status.getHttpStatus());
        Signal grpc = read("[OTLP TRACE GRPC Exporter] Export() failed with status_code: \"UNAVAILABLE\" error_message: \"failed to connect to all addresses\"");
        assertEquals(Origin.CPP_SDK, grpc.getOrigin());
        assertEquals("traces", grpc.getSignalType());
        assertEquals(Envelope.DROPPED, grpc.getEnvelope());
    }

    @Test
    void dotnetHttpClientStatusInParentheses() {
        Signal s = read("2025-11-03T14:26:00.1234567Z:Exporter failed send data to collector to {0} endpoint. Data will not be sent. Exception: {1}"
                + "{https://ingest.vendor.example/v1/traces}{System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized).");
        assertEquals(401, s.getHttpStatus());
    }

    @Test
    void pythonHttpExportersNameTheRetryableStatusByItsReasonPhrase() {
        String line = "WARNING:opentelemetry.exporter.otlp.proto.http.trace_exporter:Transient error %s encountered while exporting span batch, retrying in 4s.";
        Signal internal = read(line.formatted("Internal Server Error"));
        assertEquals(Origin.PYTHON_SDK, internal.getOrigin());
        assertEquals(500, internal.getHttpStatus());
        assertEquals(503, read(line.formatted("Service Unavailable")).getHttpStatus());
        assertEquals(504, read(line.formatted("Gateway Timeout")).getHttpStatus());
        assertEquals(501, read(line.formatted("Not Implemented")).getHttpStatus());
        assertEquals(408, read(line.formatted("Request Timeout")).getHttpStatus());
        // a phrase no standard status has says nothing about the number
        assertEquals(0, read(line.formatted("Quota Rules Apply")).getHttpStatus());
    }

    @Test
    void aGrpcMessageOverTheLimitOnceDecompressedIsTooLarge() {
        Signal go = read(console("error", "Exporting failed. Dropping data.", "\"kind\": \"exporter\", \"data_type\": \"traces\", \"name\": \"otlp\", "
                + "\"error\": \"not retryable error: Permanent error: rpc error: code = ResourceExhausted desc = grpc: received message after "
                + "decompression larger than max (6624956 vs. 4194304)\""));
        assertTrue(go.isMessageTooLarge());
        assertEquals(GrpcCode.RESOURCE_EXHAUSTED, go.getGrpcCode());
        Signal java = read("[otel.javaagent 2025-06-10 09:12:44:123 +0000] [OkHttp http://collector:4317/...] WARN "
                + "io.opentelemetry.exporter.internal.grpc.GrpcExporter - Failed to export spans. Server responded with gRPC status code 8. "
                + "Error message: Decompressed gRPC message exceeds maximum size 4194304");
        assertTrue(java.isMessageTooLarge());
        // the limit's own wording is needed: a throttled backend is not a message too large
        assertFalse(read(console("error", "Exporting failed. Dropping data.", "\"kind\": \"exporter\", \"name\": \"otlp\", "
                + "\"error\": \"rpc error: code = ResourceExhausted desc = quota exceeded\"")).isMessageTooLarge());
    }

    @Test
    void aServersInternalAnswerAndTheClientsOwn() {
        Signal google = read(console("error", "Exporting failed. Dropping data.", "\"otelcol.component.id\": \"googlemanagedprometheus\", "
                + "\"otelcol.component.kind\": \"exporter\", \"error\": \"rpc error: code = Internal desc = Internal error encountered. "
                + "Please retry after a few seconds. If internal errors persist, contact support at https://support.example.com/docs.\""));
        assertEquals(GrpcCode.INTERNAL, google.getGrpcCode());
        assertTrue(google.isServerStatus());
        assertTrue(google.getAddresses().isEmpty(), "a link offered for help is not where the data went: " + google.getAddresses());
        Signal reset = read(console("error", "Exporting failed. Dropping data.", "\"otelcol.component.id\": \"otlp\", "
                + "\"otelcol.component.kind\": \"exporter\", \"error\": \"rpc error: code = Internal desc = stream terminated by RST_STREAM "
                + "with error code: PROTOCOL_ERROR\""));
        assertEquals(GrpcCode.INTERNAL, reset.getGrpcCode());
        assertFalse(reset.isServerStatus(), "a reset stream is the client's reading of a reply that was no gRPC answer");
    }

    @Test
    void aSignalNothingConsumesIsAnAnswerNotAStartUpError() {
        Signal answered = read(console("error", "Exporting failed. Dropping data.",
                "\"otelcol.component.id\": \"otlp/vendor\", \"otelcol.component.kind\": \"exporter\", "
                        + "\"error\": \"Permanent error: rpc error: code = Unknown desc = telemetry type is not supported\""));
        assertTrue(answered.isSignalNotAccepted());
        Signal startup = read("Error: failed to build pipelines: failed to create \"prometheus\" exporter for data type \"traces\": "
                + "telemetry type is not supported");
        assertFalse(startup.isSignalNotAccepted(), "no server answered: the collector's own pipeline is built wrong");
        assertTrue(startup.isStartupFailure());
    }

    @Test
    void aBodyRefusedForItsSizeInWordsIsNamedWhateverTheStatus() {
        Signal s = read("2025-08-25 10:28:14 | ERROR    | opentelemetry.exporter.otlp.proto.http.metric_exporter | "
                + "Failed to export metrics batch code: 400, reason: http: request body too large");
        assertEquals(400, s.getHttpStatus());
        assertTrue(s.isBodyTooLarge());
        assertFalse(read(console("error", "Exporting failed. Dropping data.",
                "\"otelcol.component.id\": \"otlphttp\", \"otelcol.component.kind\": \"exporter\", "
                        + "\"error\": \"Permanent error: responded with HTTP Status Code 400, Message=invalid attribute value\"")).isBodyTooLarge());
    }

    @Test
    void onlyAnOtlpHttpExporterIsHeldToOtlpPaths() {
        Signal zipkin = read("2025/06/03 18:22:41 traces export: failed to send to http://zipkin:9411/api/v2/spans: 400 Bad Request");
        assertEquals(Origin.GO_SDK, zipkin.getOrigin());
        assertTrue(zipkin.isOtlpRequestToOtherPath());
        assertFalse(read("2025/06/03 18:22:41 traces export: failed to send to https://api.vendor.example/otlp/v1/traces: 400 Bad Request")
                .isOtlpRequestToOtherPath(), "a vendor prefix before /v1/traces is still OTLP's path");
        assertFalse(read(console("error", "Exporting failed. Dropping data.",
                "\"otelcol.component.id\": \"loki\", \"otelcol.component.kind\": \"exporter\", "
                        + "\"error\": \"Permanent error: HTTP 400 \\\"Bad Request\\\": http://loki:3100/loki/api/v1/push\"")).isOtlpRequestToOtherPath(),
                "the Loki exporter's own API path is its right path");
    }

    @Test
    void erlangsErrorResponseNamesItsStatus() {
        Signal s = read("11:02:43.518 [info]  error response from service exported to status=404 404 page not found");
        assertEquals(Origin.ERLANG_SDK, s.getOrigin());
        assertEquals(404, s.getHttpStatus());
    }

    @Test
    void grpcsIndentedAddressDumpNamesTheAddress() {
        Signal s = read("2023-06-14T09:41:23.118+0200\twarn\tzapgrpc/zapgrpc.go:195\t[core] [Channel #1 SubChannel #2] grpc: "
                        + "addrConn.createTransport failed to connect to {",
                "  \"Addr\": \"relay.edge.internal:14317\",",
                "  \"ServerName\": \"relay.edge.internal:14317\",",
                "}. Err: connection error: desc = \"transport: Error while dialing dial tcp 10.9.8.7:14317: connect: connection refused\"\t"
                        + "{\"grpc_log\": true}");
        assertEquals(Origin.GRPC_CORE, s.getOrigin());
        assertEquals("relay.edge.internal:14317", s.getEndpoint().hostPort());
        assertEquals(NetError.CONNECTION_REFUSED, s.getNetError());
    }

    @Test
    void aLookupThatFailedWithoutAnAnswerIsTheResolversFailureNotTheEndpoints() {
        Signal busy = read(console("info", "Exporting failed. Will retry the request after interval.", "\"kind\": \"exporter\", "
                + "\"name\": \"otlphttp\", \"error\": \"failed to make an HTTP request: Post \\\"http://agg.svc.cluster.local.:4318/v1/logs\\\": "
                + "dial tcp: lookup agg.svc.cluster.local.: device or resource busy\""));
        assertEquals(DnsError.LOOKUP_FAILED, busy.getDnsError());
        Signal refused = read(console("info", "Exporting failed. Will retry the request after interval.", "\"kind\": \"exporter\", "
                + "\"name\": \"otlp\", \"error\": \"dial tcp: lookup ingest.example.org on [::1]:53: read udp [::1]:52877->[::1]:53: read: connection refused\""));
        assertEquals(DnsError.LOOKUP_FAILED, refused.getDnsError());
        assertEquals(NetError.NONE, refused.getNetError(), "the DNS server refused, not the endpoint");
        Signal nxdomain = read(console("info", "Exporting failed. Will retry the request after interval.", "\"kind\": \"exporter\", "
                + "\"name\": \"otlp\", \"error\": \"dial tcp: lookup ingest.example.org on 10.0.0.10:53: no such host\""));
        assertEquals(DnsError.NO_SUCH_HOST, nxdomain.getDnsError());
    }

    @Test
    void aCredentialFetchThatTimedOutExplainsTheDeadline() {
        Signal s = read(console("error", "Exporting failed. Dropping data.", "\"otelcol.component.id\": \"awss3\", "
                + "\"otelcol.component.kind\": \"exporter\", \"error\": \"operation error S3: PutObject, get identity: get credentials: "
                + "operation error STS: AssumeRole, request canceled, context deadline exceeded\""));
        assertTrue(s.isCredentialFetchTimedOut());
        assertEquals(Timeout.NONE, s.getTimeout());
        Signal plain = read(console("error", "Exporting failed. Dropping data.", "\"otelcol.component.id\": \"awss3\", "
                + "\"otelcol.component.kind\": \"exporter\", \"error\": \"operation error S3: PutObject, context deadline exceeded\""));
        assertFalse(plain.isCredentialFetchTimedOut());
        assertEquals(Timeout.IN_FLIGHT_DEADLINE, plain.getTimeout());
    }

    @Test
    void theRetryLoopsCancelledOrTimedOutIsTheCallersDeadline() {
        Signal s = read(console("error", "Exporting failed. Rejecting data.", "\"kind\": \"exporter\", \"name\": \"otlphttp\", "
                + "\"error\": \"request is cancelled or timed out failed to make an HTTP request: Post \\\"https://in.example.net/v1/traces\\\": context canceled\""));
        assertEquals(Timeout.CANCELLED_BEFORE_RETRY, s.getTimeout());
        Signal refused = read(console("error", "Exporting failed. Rejecting data.", "\"kind\": \"exporter\", \"name\": \"otlphttp\", "
                + "\"error\": \"request is cancelled or timed out failed to make an HTTP request: Post \\\"https://in.example.net/v1/traces\\\": "
                + "dial tcp 10.0.0.9:443: connect: connection refused\""));
        assertEquals(Timeout.NONE, refused.getTimeout(), "the refusal underneath explains it");
        assertEquals(NetError.CONNECTION_REFUSED, refused.getNetError());
    }

    @Test
    void theStatusAServerRespondedWithIsItsHttpStatus() {
        Signal sapm = read(console("info", "Exporting failed. Will retry the request after interval.", "\"kind\": \"exporter\", "
                + "\"name\": \"sapm\", \"error\": \"server responded with 429\""));
        assertEquals(429, sapm.getHttpStatus());
        Signal count = read(console("info", "Exporting failed. Will retry the request after interval.", "\"kind\": \"exporter\", "
                + "\"name\": \"sapm\", \"error\": \"server responded with 4096 bytes of garbage\""));
        assertEquals(0, count.getHttpStatus());
    }

    @Test
    void anOlderCollectorsEndingIsAStartupFailure() {
        Signal s = read("2022/04/11 14:03:01 application run finished with error: cannot build pipelines: failed to create \"clickhouse\" "
                + "exporter, in pipeline \"logs\": code: 81, message: Database otel does not exist");
        assertTrue(s.isStartupFailure());
    }

    @Test
    void aStructuredLineOfAnUnknownProgramKeepsItsErrorField() {
        Signal s = read("time=2025-04-17T09:21:33Z level=error msg=\"Exporting failed. Dropping data.\" error=\"rpc error: code = "
                + "ResourceExhausted desc = grpc: received message larger than max (5242991 vs. 4194304)\"");
        assertEquals(GrpcCode.RESOURCE_EXHAUSTED, s.getGrpcCode());
        assertTrue(s.isMessageTooLarge());
    }
}
