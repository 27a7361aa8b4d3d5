package io.oteldoctor.signature;

import io.oteldoctor.ingest.InputFormat;
import io.oteldoctor.ingest.Level;
import io.oteldoctor.ingest.LogRecord;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a log record layer by layer, outside in: who wrote it and for which component, what the
 * exporter did (retry, drop, reject), the gRPC or HTTP status, and the transport error at the
 * bottom. It records what the text says, not what it means: weighing the layers against each
 * other is the rulebase's job.
 */
public final class SignatureExtractor {

    private static final Pattern GO_GRPC_STATUS = Pattern.compile("code = (\\w+) desc = ");
    private static final Pattern PY_STATUS = Pattern.compile("StatusCode\\.([A-Z_]+)");
    private static final Pattern JAVA_STATUS = Pattern.compile("gRPC status code (\\d+)");
    private static final Pattern JAVA_SERVER_IS = Pattern.compile("Server (?:is|responded with) ([A-Z_]{4,})");
    /** opentelemetry-java before 1.10 (grpc-java's status as text): {@code Failed to export spans. Error message: UNAVAILABLE: io exception}. */
    private static final Pattern JAVA_LEGACY_STATUS = Pattern.compile("Failed to export \\w+\\. Error message: ([A-Z_]{4,})(?:: |$)"
            // and grpc-java's exception itself, which those exporters logged as the cause under their line
            + "|io\\.grpc\\.Status(?:Runtime)?Exception: ([A-Z_]{4,})(?:: |$)", Pattern.MULTILINE);
    private static final Pattern NODE_STATUS = Pattern.compile("\\b(\\d{1,2}) ([A-Z_]{4,}): ");
    private static final Pattern DOTNET_STATUS = Pattern.compile("StatusCode=\"(\\w+)\"|Status code: (\\w+)");
    /**
     * Rust (tonic) statuses: opentelemetry-otlp's {@code the grpc server returns error (<description>): , detailed error
     * message: <message>}, tonic's {@code status: '<description>', self: "<message>"} and its later
     * {@code status: <Code>, message: "<message>"}, and the Debug print of a {@code Status} ({@code Status { code: <Code>, message: ...}}).
     */
    private static final Pattern TONIC_STATUS = Pattern.compile(
            "grpc server returns error \\(([^)]+)\\):?[ ,]*(?:detailed error message: )?|status: '([^']+)',? (?:self|message): |(?:status|Status \\{ code): ([A-Z][A-Za-z]+), message: ");

    private static final Pattern HTTP_STATUS = Pattern.compile(
            "(?:HTTP [Ss]tatus [Cc]ode:? |unexpected HTTP status code received from server: |batch code: |\\bcode: |flush failed \\(|"
                    + "\\(status: |status code |StatusCode: |failed to send to \\S+: |http\\.code=|does not indicate success: "
                    // Guzzle (PHP): Client error: `POST <url>` resulted in a `400 Bad Request` response
                    + "|resulted in an? `"
                    // opentelemetry-cpp's HTTP client: Export failed, Status:400, Header: ...
                    + "|\\[OTLP HTTP Client\\] Export failed, Status:"
                    // opentelemetry-erlang: error response from service exported to status=404 <body>
                    + "|error response from service exported to status="
                    // Google's Python clients: google.api_core.exceptions.PermissionDenied: 403 The caller does not have permission
                    + "|google\\.api_core\\.exceptions\\.\\w+: "
                    // Fluent Bit's opentelemetry output: [output:opentelemetry:opentelemetry.0] host:443, HTTP status=503
                    + "|HTTP status="
                    // sapm and the datadog exporter: server responded with 429; request to <url> responded with 413 Payload too large
                    + "|\\bresponded with )(\\d{3})\\b");
    /** Contrib exporters and HTTP clients: {@code HTTP 429 "Too Many Requests"}, {@code HTTP status 401}, {@code 403 Forbidden}. */
    private static final Pattern HTTP_STATUS_LOOSE = Pattern.compile(
            "\\bHTTP(?: status| Status)? ([45]\\d\\d)\\b|\\b([45]\\d\\d) (?:Unauthorized|Forbidden|Not Found|Method Not Allowed|Too Many Requests"
                    + "|Service Unavailable|Bad Gateway|Gateway Timeout|Internal Server Error|Payload Too Large|Request Entity Too Large"
                    + "|Unsupported Media Type)\\b"
                    // signalfx and splunk_hec (HandleHTTPCode): HTTP "<path>" <status> "<reason phrase>", the phrase quoted
                    + "|\\bHTTP \\\\*\"/[^\"\\s\\\\]*\\\\*\" ([45]\\d\\d) \\\\*\"(?:Unauthorized|Forbidden|Not Found|Method Not Allowed"
                    + "|Too Many Requests|Service Unavailable|Bad Gateway|Gateway Timeout|Internal Server Error|Payload Too Large"
                    + "|Request Entity Too Large|Unsupported Media Type)\\\\*\"");
    /** opentelemetry-js gave up on a response with a status it retries (429, 502, 503, 504) and kept no status: see {@link Signal#isRetryableStatusUnnamed()}. */
    private static final Pattern RETRYABLE_STATUS_UNNAMED = Pattern.compile("\\bExport failed with retryable status\\b");
    /**
     * opentelemetry-python's HTTP exporters name a retryable response by its reason phrase
     * ({@code resp.reason}), not its number: 408 and any 5xx in current versions, 429 in older ones.
     */
    private static final Pattern HTTP_REASON = Pattern.compile("Transient error ([A-Z][A-Za-z -]+?) encountered while exporting");
    /**
     * opentelemetry-php raises a response it will not retry as {@code RuntimeException(reasonPhrase, status)}:
     * its logger shows the phrase after the exporter's words, {@code Export failure: Not Found} in
     * older releases and {@code Export failure [exception] Not Found} in newer ones.
     */
    private static final Pattern PHP_EXPORT_REASON = Pattern.compile(
            "Export failure(?::| \\[exception\\]) ([A-Z][a-z]+(?: [A-Z][a-z]+)*)(?=$|\\s*\\[previous\\]|\\s+in |\\s*\\n|\\s*\")");
    /**
     * opentelemetry-js: {@code new OTLPExporterError(res.statusMessage, res.statusCode, body)}. Its
     * global error handler flattens it to JSON with the status as a string ({@code "code":"401"});
     * diag and {@code String(err)} show only {@code OTLPExporterError: <reason phrase>}.
     */
    private static final Pattern NODE_EXPORTER_ERROR_CODE = Pattern.compile("\"code\":\\s*\"?([1-5]\\d\\d)\"?\\s*[,}]");
    private static final Pattern NODE_EXPORTER_ERROR_REASON = Pattern.compile("OTLPExporterError: ([A-Z][A-Za-z -]+?)(?:$|[\"\\n\\\\,])");
    /**
     * The reason phrases of the statuses an OTLP backend answers with (RFC 9110), as Node reports
     * them in statusMessage. Not 408's "Request Timeout": older opentelemetry-js exporters raise
     * {@code OTLPExporterError: Request Timeout} themselves, with no response, when a request
     * outlives timeoutMillis; a server's real 408 still shows as {@code "code":"408"}.
     */
    private static final Map<String, Integer> REASON_PHRASES = Map.ofEntries(
            Map.entry("Bad Request", 400), Map.entry("Unauthorized", 401), Map.entry("Forbidden", 403), Map.entry("Not Found", 404),
            Map.entry("Method Not Allowed", 405), Map.entry("Payload Too Large", 413), Map.entry("Unprocessable Entity", 422),
            Map.entry("Request Entity Too Large", 413), Map.entry("Content Too Large", 413), Map.entry("Unsupported Media Type", 415),
            Map.entry("Too Many Requests", 429), Map.entry("Internal Server Error", 500), Map.entry("Not Implemented", 501),
            Map.entry("Bad Gateway", 502), Map.entry("Service Unavailable", 503), Map.entry("Gateway Timeout", 504));

    private static final Pattern URL = Pattern.compile(
            "\\b(https?)://([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?(/[^\\s\"'`\\\\,)\\]]*)?");
    private static final Pattern DIAL_ADDR = Pattern.compile("dial tcp (\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):(\\d{1,5})");
    /** grpc-go's resolver address, printed {@code {Addr: "h:p", ...}} and, in v1.5x, as indented JSON ({@code "Addr": "h:p"}). */
    private static final Pattern GRPC_ADDR = Pattern.compile("\\bAddr\\\\?\"?: \\\\?\"([^\"\\\\]+):(\\d{1,5})\\\\?\"");
    /**
     * The name a resolver failed on: Go's {@code lookup NAME on ...}, and Java's, libc's and Node's
     * {@code NAME: Name or service not known} ({@code getaddrinfo ENOTFOUND NAME}).
     */
    private static final Pattern LOOKUP_HOST = Pattern.compile("lookup ([A-Za-z0-9._-]+)(?: on |: )"
            // a bare word before the colon is often the message's own ("address information: Name or service
            // not known"): taken as a host only with a dot, dash or digit in it, or after UnknownHostException
            + "|(?:UnknownHostException: |(?<![\\w.-]))([A-Za-z0-9][A-Za-z0-9_]*[-.0-9][A-Za-z0-9._-]*|(?<=UnknownHostException: )[A-Za-z0-9_]+)"
            + ": (?:Name or service not known|nodename nor servname|No address associated with hostname)"
            + "|getaddrinfo ENOTFOUND ([A-Za-z0-9._-]+)");
    private static final Pattern PY_TARGET = Pattern.compile("(?:exporting \\w+ to|Failed to export \\w+ to) ([A-Za-z0-9._-]+):(\\d{1,5})");
    private static final Pattern JAVA_CONNECT = Pattern.compile("Failed to connect to ([A-Za-z0-9._-]+)/[0-9A-Fa-f:.]+:(\\d{1,5})");
    private static final Pattern NODE_ADDR = Pattern.compile("(?:ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ECONNRESET) ([0-9A-Fa-f:.]+):(\\d{1,5})");
    /** grpc-js: the connection failed on nghttp2's NGHTTP2_ERR_PROTO, the peer's bytes were not HTTP/2 framing. */
    private static final Pattern GRPC_JS_PROTOCOL_ERROR = Pattern.compile("Last error: (?:Error: )?Protocol error\\b");
    private static final Pattern NODE_TARGET = Pattern.compile("(?:ENOTFOUND|EAI_AGAIN) ([A-Za-z0-9._-]+)|for target dns:([A-Za-z0-9._-]+):(\\d{1,5})");
    private static final Pattern PY_POOL = Pattern.compile("host='([^']+)', port=(\\d{1,5})");
    /** {@code (host:port)}, but not a stack frame's {@code (Inet6AddressImpl.java:52)}. */
    private static final Pattern PAREN_HOSTPORT = Pattern.compile(
            "\\(([A-Za-z0-9._-]+)(?<!\\.(?:java|kt|kts|scala|groovy|go|cs|js|mjs|cjs|ts|rb|py)):(\\d{1,5})\\)");
    private static final Pattern DOUBLED_PATH = Pattern.compile("/v1/(?:traces|metrics|logs|profiles)/v1/(?:traces|metrics|logs|profiles)");
    private static final Pattern OOM_KILLED_PROCESS = Pattern.compile("Killed process \\d+ \\(([^)]+)\\)");
    private static final Pattern OOM_INVOKER = Pattern.compile("^(\\S+) invoked oom-killer");
    private static final Pattern SYSTEMD_UNIT = Pattern.compile("^([\\w@.-]+)\\.service: ");
    /** reqwest 0.12's send error, which no longer appends its cause: {@code error sending request for url (http://...)}. */
    private static final Pattern REQWEST_SEND_BARE = Pattern.compile("error sending request for url \\([^)\\s]*\\)(?!:)");
    private static final Pattern EOF_WORD = Pattern.compile("(?:^|[\\s:\"])EOF(?:$|[\\s\"\\\\,;)])");
    /** Go's net package, Java, Node, and Windows' WSAETIMEDOUT text when it comes from a connect ({@code connectex:}). */
    private static final Pattern DIAL_TIMEOUT = Pattern.compile("dial tcp [^\\s]*:? ?(?:[^\\s]*: )?i/o timeout|connect timed out|ETIMEDOUT|Connect timeout"
            + "|(?<!wsarecv: |wsasend: )A connection attempt failed because the connected party did not properly respond");
    private static final Pattern DNS_TIMEOUT = Pattern.compile("lookup [^\\s]+ on [^\\s]+: read udp [^\\s]+: i/o timeout|Temporary failure in name resolution|EAI_AGAIN"
            // the loadbalancing exporter's DNS resolver logs its own words over the resolver's bare error
            + "|^failed to resolve\\b.*\\n(?:.*\\b)?i/o timeout");
    /**
     * Go's resolver failed for a reason other than an answer about the name: the DNS server refused
     * or could not be reached ({@code lookup h on [::1]:53: read udp ...: connection refused}), or
     * the system resolver failed ({@code lookup h: device or resource busy}).
     */
    private static final Pattern DNS_LOOKUP_FAILED = Pattern.compile("\\blookup [\\w.-]+(?: on \\S+)?: \\S");
    /** The refusal is the DNS server's, met while looking the endpoint's name up. */
    private static final Pattern RESOLVER_REFUSED = Pattern.compile("\\blookup \\S+ on \\S+: read udp \\S+: (?:read: )?connection refused");
    /** An AWS SDK's credential fetch (IMDS, STS) timed out or was cancelled before the request it signs could go. */
    private static final Pattern CREDENTIAL_FETCH_TIMEOUT = Pattern.compile(
            "(?:get credentials|failed to refresh cached credentials)[:,] [^\\n]*?(?:request canceled|deadline exceeded|i/o timeout|timed out)");
    private static final Pattern PROXY_REFUSED = Pattern.compile("\"https?://[^\"]+\": (?:Forbidden|Proxy Authentication Required)\\b|failed to do connect handshake");
    private static final Pattern ERROR_MARKER = Pattern.compile(
            "(?i)\\b(error|exception|failed|failure|refused|unable|cannot|timeout|timed out|unavailable|denied|unauthori[sz]ed|forbidden)\\b"
                    // an exception's class name: SSLError(...), ConnectionError(...)
                    + "|(?-i:[a-z]Error)\\b");
    /**
     * Lines of the debug exporter's detailed dump of application data (pdata): values printed as
     * {@code Str(...)}, and the dump's own field labels. Whatever errors they quote belong to the
     * application, not to the collector.
     */
    private static final Pattern PDATA_DUMP = Pattern.compile(
            "\\b[\\w.]+: (?:Str|Int|Bool|Double|Map|Slice|Bytes|Empty)\\(|^(?:Resource|Scope|Instrumentation)\\w*(?: #\\d+| SchemaURL:| attributes:)"
                    + "|^(?:ResourceSpans|ScopeSpans|Span|SpanEvent|ResourceLog|ScopeLogs|LogRecord|ResourceMetrics|ScopeMetrics|Metric"
                    + "|NumberDataPoints|HistogramDataPoints|ExponentialHistogramDataPoints|SummaryDataPoints|Exemplar|Link) #\\d+"
                    + "|^(?:Attributes|Body|SeverityText|SeverityNumber|ObservedTimestamp|Timestamp|StartTimestamp|Trace ID|Span ID|Parent ID"
                    + "|Flags|Status code|Status message|Events|Links|Descriptor|Data point attributes|EventName|DroppedAttributesCount)\\s*:");
    /** OkHttp reading an HTTP/2 SETTINGS frame header (length, type 04, flags, stream 0) where it wanted a status line. */
    private static final Pattern OKHTTP_H2_SETTINGS = Pattern.compile("not found: limit=\\d+ content=[0-9a-f]{6}04[0-9a-f]{2}00000000");
    /** Vendors that refuse a key without a status code say so in words. */
    private static final Pattern CREDENTIALS_REJECTED = Pattern.compile(
            "(?i)\\b(?:invalid|expired|revoked|missing|unknown|bad|wrong)\\s+(?:api[ _-]?key|apikey|token|credentials?|license[ _-]?key|ingest[ _-]?key|access[ _-]?key)\\b"
                    + "|\\b(?:api[ _-]?key|token|license[ _-]?key)\\s+(?:is\\s+)?(?:invalid|expired|revoked|missing)\\b|\\bauthentication (?:failed|error)\\b"
                    + "|\\bunable to authenticate\\b|\\bapi[ _-]?key validation failed\\b"
                    // AWS SDK error codes for missing, refused or expired credentials; Azure's instrumentation key
                    + "|NoCredentialProviders|AccessDeniedException|\\bAccessDenied\\b|UnrecognizedClientException|InvalidClientTokenId"
                    + "|SignatureDoesNotMatch|ExpiredToken|(?i:\\binvalid instrumentation key\\b)");
    /** opentelemetry-erlang: {@code OTLP grpc export failed with GRPC status 16 : <message>} (grpcbox's numeric status). */
    private static final Pattern ERLANG_STATUS = Pattern.compile("export failed with GRPC status (\\d{1,2}) : ");
    private static final Pattern ERLANG_SDK = Pattern.compile(
            // Elixir's console logger puts two spaces after the level, one of them left on the message
            "^\\s?(?:OTLP (?:grpc|http) export failed|OTLP exporter failed to initiali[sz]e|client error exporting|error response from service exported to)");
    /** opentelemetry-ruby's default error handler ({@code OpenTelemetry.handle_error}). */
    private static final Pattern RUBY_SDK = Pattern.compile("^OpenTelemetry error: ");
    /**
     * opentelemetry-cpp's exporters and HTTP client name themselves in brackets ({@code [OTLP TRACE HTTP
     * Exporter]}, {@code [OTLP HTTP Client]}); its default handler prefixes the source file.
     */
    private static final Pattern CPP_SDK = Pattern.compile("\\[OTLP (?:[A-Z]+ )*(?:Exporter|Client)\\]|/exporters/otlp/src/otlp_");
    /** The signal in an opentelemetry-cpp exporter's name: {@code [OTLP TRACE HTTP Exporter]}. */
    private static final Pattern CPP_EXPORTER_SIGNAL = Pattern.compile("\\[OTLP (TRACE|METRIC|LOG) [A-Z]+ Exporter\\]");
    private static final Pattern CPP_SESSION_FAILED = Pattern.compile(
            "Session state: (?:connection failed|request send failed|SSL handshake failed|request time out|network error)");
    /**
     * opentelemetry-php: its own logger ({@code OpenTelemetry: [error] ...}, behind php-fpm's
     * {@code PHP message: } when it reaches the pool's stderr) or a PSR-3 channel given to it.
     */
    private static final Pattern PHP_SDK = Pattern.compile(
            "(?:^|PHP message: )OpenTelemetry: \\[|\\botel-php\\b|OpenTelemetry\\\\+Contrib\\\\+Otlp|Export retry limit exceeded|/vendor/open-telemetry/");
    /** A backend's answer that names the OTLP path it expected, as some vendors' 400 and 404 bodies do. */
    private static final Pattern PATH_HINT = Pattern.compile(
            "(?i)should you be sending to /v1/|did you mean /v1/(?:traces|metrics|logs)|\\b(?:invalid|unknown|unsupported) (?:request )?path\\b");
    /** Cloud APIs that throttle with a 400 and say so in words (AWS), or name the rate limit. */
    private static final Pattern THROTTLED_IN_WORDS = Pattern.compile(
            "ThrottlingException|\\bThrottling: |\\bRate exceeded\\b|TooManyRequestsException|RequestLimitExceeded|ProvisionedThroughputExceeded"
                    + "|(?i:\\brate limit exceeded\\b)"
                    // Elasticsearch and OpenSearch: their name for 429 (a flood-stage disk block, say), and a full write queue
                    + "|\\bTOO_MANY_REQUESTS\\b|es_rejected_execution_exception");
    /**
     * A database backend out of memory for the write: ClickHouse's code 241 (MEMORY_LIMIT_EXCEEDED,
     * "(total) memory limit exceeded"), Elasticsearch's and OpenSearch's circuit breaker. The
     * collector's own memory limiter words its refusals otherwise.
     */
    private static final Pattern BACKEND_OUT_OF_MEMORY = Pattern.compile(
            "\\bcode: 241\\b|\\bMEMORY_LIMIT_EXCEEDED\\b|\\(total\\) memory limit exceeded|circuit_breaking_exception");
    /**
     * The server's own words for not serving: Tempo's, Loki's and Mimir's ingesters answer "Ingester
     * is shutting down" while they leave the ring (a rollout, a spot instance reclaimed), and their
     * distributors name a ring with no healthy ingester (dskit's "DoBatch: InstancesCount <= 0",
     * "empty ring", "too many unhealthy instances in the ring", "at least 2 live replicas required").
     */
    private static final Pattern BACKEND_NOT_SERVING = Pattern.compile(
            "(?i)\\b(?:ingester|server|service|instance|node|distributor|backend) is (?:shutting down|stopping)\\b"
                    + "|InstancesCount <= 0|\\bempty ring\\b|too many unhealthy instances in the ring|at least \\d+ live replicas required");
    /**
     * loadbalancingexporter: the ring gave no endpoint for the data's key, so the name it looked up
     * is empty ({@code ""}): the resolver has returned no backend at all.
     */
    private static final Pattern LB_NO_BACKEND = Pattern.compile("couldn't find the exporter for the endpoint \\\\*\"\\\\*\"");
    /** Kafka: the broker's MESSAGE_TOO_LARGE (sarama's text for it), or the producer's own limit. */
    private static final Pattern BROKER_MESSAGE_TOO_LARGE = Pattern.compile(
            "Message was too large, server rejected it|MESSAGE_TOO_LARGE|RecordTooLargeException|larger than configured Producer\\.MaxMessageBytes"
                    // the exporter's own check of a record against max_message_bytes before producing it (v0.149 says so)
                    + "|kafka record exceeds max message size");
    /** Envoy's tracer (an Istio sidecar's own exporter) finding no cluster that leads to the collector. */
    private static final Pattern ENVOY_CLUSTER_MISSING = Pattern.compile("\\[cluster = [^\\]]+\\] is not configured");
    /** A receiver that pulls (scrapes) reports its own fetches failing; that is collection, not export. */
    private static final Pattern SCRAPE = Pattern.compile("(?i)\\bscrap(?:e|es|ing)\\b");
    /**
     * Go's HTTP client naming a GET of a metrics endpoint: a receiver scraping its target by another
     * name. Other GETs a receiver makes (the target allocator's {@code /scrape_configs}) are the
     * collector's own plumbing, and their failures stop data as surely as an exporter's.
     */
    private static final Pattern PULL_REQUEST = Pattern.compile("\\bGet \\\\?\"https?://[^\"\\s\\\\]*/metrics\\b");
    /** OTLP's gRPC method path, {@code /opentelemetry.proto.collector.logs.v1.LogsService/Export}. */
    private static final Pattern OTLP_GRPC_METHOD = Pattern.compile("/opentelemetry\\.proto\\.collector\\.\\w+\\.v1\\.\\w+Service/Export");
    /** An SDK that counts what it could not send (Dart's: {@code Failed to export 3 spans.}). */
    private static final String COUNTED_EXPORT_FAILURE_WORDS = "failed to export \\d+ (?:spans?|metrics?|logs?|log records?|data points?)\\b";
    private static final Pattern COUNTED_EXPORT_FAILURE = Pattern.compile("(?i)" + COUNTED_EXPORT_FAILURE_WORDS);
    /** Words that tie a line from an unrecognised writer to telemetry export. */
    private static final Pattern EXPORT_CONTEXT = Pattern.compile(
            "(?i)otlp|opentelemetry|otel|exporter|collector|telemetry|pipeline|/v1/(?:traces?|metrics|logs)|:431[78]\\b|rpc error: code ="
            // OTLP/HTTP's ports and trace path before 1.0 (collectors before v0.20)
            + "|:5568[01]\\b"
            // the Datadog agent's trace intake, where opentelemetry-datadog exporters send
            + "|/v0\\.[3-5]/traces"
            // Jaeger's collector (Thrift over HTTP at /api/traces, 14268; gRPC at 14250) and Zipkin's span intake
            + "|/api/traces\\b|:1426[58]\\b|:14250\\b|/api/v2/spans\\b"
            // the oauth2client extension's failed token fetch, which every export through it waits on
            + "|failed to get security token from token endpoint"
            // Azure Monitor's Application Insights agents and SDKs
            + "|applicationinsights"
            // the collector's own words when it cannot start, whatever component they name
            + "|failed to get config|cannot build pipelines|application run finished with error"
            + "|" + COUNTED_EXPORT_FAILURE_WORDS);
    /** otlphttp's {@code Message=<text>} from a decoded Status, or a Status JSON body's message; an empty one does not count. */
    private static final Pattern STATUS_MESSAGE = Pattern.compile("\\bMessage=[^,\\s]|\"code\":\\s*\\d+,\\s*\"message\":\\s*\"[^\"]");
    /** An exporter's own words for a request that did not go through. */
    private static final Pattern SENT_NOTHING = Pattern.compile("(?i)^failed to (?:send|push|export|upload|write)\\b");
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?i)\\berror\\b|\\bfail(?:ed|ure|s)?\\b");
    /**
     * The azuremonitor exporter hands the Application Insights channel's diagnostics to its logger
     * at debug level, and they are all it says of a failed upload: {@code Response: 404}.
     */
    private static final Pattern APPINSIGHTS_FAILED_RESPONSE = Pattern.compile("Response: ([45]\\d\\d)$");
    /**
     * A connect to {@code ::1} that finds no such local address: "localhost" resolved to IPv6 on a
     * host (often a container) without IPv6, not a host out of ephemeral ports.
     */
    private static final Pattern IPV6_LOOPBACK_UNASSIGNABLE = Pattern.compile(
            "\\[::1\\]:\\d{1,5}: (?:connect: )?cannot assign requested address|EADDRNOTAVAIL \\[?::1\\]?:\\d{1,5}");
    /** A Go runtime crash: pasted on its own it is the collector's, the Go program the log is about. */
    private static final Pattern GO_RUNTIME_CRASH = Pattern.compile("(?:fatal error: runtime|panic: runtime error)");
    private static final Pattern CALLER_VERSION = Pattern.compile("@v0\\.(\\d+)\\.");
    private static final Pattern SEMVER_MINOR = Pattern.compile("^v?0\\.(\\d+)\\.");
    /**
     * Source files of gRPC's C core that log a channel's connection and handshake failures (in
     * glog's layout, for Python, Ruby, PHP and C++ programs): the C core's counterpart of grpc-go's
     * {@code [core]} lines.
     */
    private static final Pattern GRPC_C_CORE_SOURCE = Pattern.compile(
            "(?:ssl_transport_security|ssl_utils|security_handshaker|handshaker|http_connect_handshaker|secure_endpoint|tcp_client_posix"
                    + "|tcp_client_windows|tcp_posix|chttp2_transport|frame_settings|subchannel|client_channel|dns_resolver_ares"
                    + "|grpc_ares_wrapper)\\.cc:\\d+");
    private static final Pattern OTLP_HTTP_PATH = Pattern.compile("/v1/(?:traces|metrics|logs)\\b");
    private static final Pattern EXPORTER_NAMED = Pattern.compile("(?i)\\botlp\\b.*\\bexporter\\b|\\bexporter\\b.*\\botlp\\b");
    /** opentelemetry-python's HTTP exporters: {@code Failed to export batch code: 404, reason: ...}, logs and metrics alike. */
    private static final Pattern PYTHON_BATCH_CODE = Pattern.compile("Failed to export (?:\\w+ )?batch code: \\d{3}\\b");
    /** opentelemetry-java names the item type with a full stop after it; Python says "traces" or "span batch". */
    private static final Pattern JAVA_SDK_WORDING = Pattern.compile("^Failed to export (?:spans|metrics|logs|profiles)\\. ");
    private static final Pattern GO_SDK_EXPORT = Pattern.compile("^(traces|metrics|logs) export: |^failed to upload (metrics|logs|traces)"
            // the HTTP exporters' own error for a refused request: "failed to send logs to <url>: 401 Unauthorized (body: ...)"
            + "|^failed to send (logs|metrics) to ");
    /** opentelemetry-rust's global error handler ({@code OpenTelemetry trace error occurred. <error>}), and its internal log events. */
    private static final Pattern RUST_SDK = Pattern.compile(
            "^OpenTelemetry (?:(trace|metrics?|logs?|propagation) )?error occurred|\\bopentelemetry(?:_sdk|_otlp|-otlp)\\b|name=\"?\\w+\\.ExportError\\b"
                    // the SDK's error enums, Debug-printed by an application that unwraps a flush or shutdown result
                    + "|\\bExportFailed\\((?:Status \\{|\"|\\w+\\()");
    /** Words that make a Rust SDK error an export failure rather than a shutdown race ("channel is closed"). */
    private static final Pattern RUST_EXPORT_WORDS = Pattern.compile(
            "(?i)export|grpc server returns error|error sending request|tcp connect error|for url \\(|HTTP status");
    private static final Pattern SDK_SIGNAL = Pattern.compile("(?i)\\b(?:export(?:ing)?|dropped) (spans?|metrics?|logs?|traces|span batch)\\b");

    /**
     * Fields that count or time one occurrence of a message: exporterhelper's retry interval and
     * item counts, the memory limiter's reading. Nothing here reads them, so records that differ
     * only in their values read alike, which lets a repeated record be read once
     * (SignatureExtractorTest holds this list to that).
     */
    public static final java.util.List<String> PER_OCCURRENCE_FIELDS = java.util.List.of("interval", "dropped_items",
            "rejected_items", "dropped_spans", "dropped_metrics", "dropped_data_points", "dropped_log_records", "dropped_logs",
            "items", "cur_mem_mib");

    /** Reads a record; the result has {@link Signal#hasCause()} false when nothing failure-related was found. */
    public Signal extract(LogRecord r, String group) {
        String message = r.message() == null ? "" : r.message();
        Origin origin = origin(r, message);
        String errorText = errorText(r, origin, message);
        Signal.Builder b = Signal.builder()
                .group(group).source(r.source()).line(r.line()).lastLine(r.lastLine()).timestamp(r.timestamp())
                .host(r.host()).origin(origin).level(r.level()).message(message).errorText(errorText)
                .text(mask(displayText(r)));
        identity(r, origin, message, b);
        b.connectWaitNamed(origin == Origin.COLLECTOR && collectorAtLeast(r, 103));
        Envelope envelope = envelope(origin, message, errorText);
        if (envelope == Envelope.NONE && exporterOwnError(r, origin, message)) {
            // a contrib exporter that reports a failed send on a line of its own, outside exporterhelper
            // (no retry or drop wording): the data of that send did not get through
            envelope = Envelope.DROPPED;
        }
        b.envelope(envelope);
        if (!inErrorContext(r, origin, envelope, message, errorText)) {
            return b.build();
        }
        String t = classificationText(message, errorText);
        b.readingOf(read(t, message, r.logger()));
        b.transport(transport(r, origin, t, b));
        return b.build();
    }

    /** Layers depend on the text alone; a retry loop logs the same text thousands of times, so it is read once. */
    static final int MAX_CACHED = 4096;
    private final Map<String, Signal> readings = lru();
    private final Map<String, String> masked = lru();

    /** Least recently used entries go first once {@link #MAX_CACHED} are held. */
    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_CACHED;
            }
        };
    }

    private Signal read(String t, String message, String logger) {
        String key = t + "\u0000" + message + "\u0000" + nullToEmpty(logger);
        Signal cached = readings.get(key);
        if (cached == null) {
            Signal.Builder layers = Signal.builder();
            layers.verdict(verdict(message, t));
            layers(t, layers);
            endpoint(t + "\n" + message + "\n" + nullToEmpty(logger), layers);
            cached = layers.build();
            readings.put(key, cached);
        }
        return cached;
    }

    private String mask(String text) {
        return masked.computeIfAbsent(text, SecretMasker::mask);
    }

    // --- who wrote it ---------------------------------------------------------------------

    private static Origin origin(LogRecord r, String message) {
        if ("true".equals(r.field("grpc_log")) || message.contains("addrConn.createTransport") || message.startsWith("[core]")
                || r.logger() != null && GRPC_C_CORE_SOURCE.matcher(r.logger()).matches()) {
            return Origin.GRPC_CORE;
        }
        // the collector's own lines, whatever transport carried them: a zap caller, component fields
        // of any generation, or Alloy's component_id
        String alloyComponent = alloyComponent(r);
        if (r.format() == InputFormat.COLLECTOR_CONSOLE || r.format() == InputFormat.COLLECTOR_JSON
                || r.logger() != null && r.logger().contains(".go:")
                || r.firstField("otelcol.component.id", "otelcol.component.kind") != null
                || r.firstField("kind", "component_kind") != null && r.firstField("name", "data_type", "component_name") != null
                || alloyComponent != null && (alloyComponent.startsWith("otelcol.") || alloyWriterSignal(alloyComponent) != null)) {
            return Origin.COLLECTOR;
        }
        String process = r.process() == null ? "" : r.process();
        if (process.equals("kernel") || message.contains("Out of memory: Killed process") || message.contains("invoked oom-killer")
                || message.contains("Memory cgroup out of memory")) {
            return Origin.KERNEL;
        }
        if (process.equals("systemd") || SYSTEMD_UNIT.matcher(message).find() && message.contains(".service: ")) {
            return Origin.SYSTEMD;
        }
        String logger = r.logger() == null ? "" : r.logger();
        String all = message + "\n" + r.continuation();
        if (RUST_SDK.matcher(message).find() || logger.startsWith("opentelemetry_sdk") || logger.startsWith("opentelemetry_otlp")) {
            return Origin.RUST_SDK;
        }
        if (logger.startsWith("io.opentelemetry") || logger.startsWith("i.o.") || all.contains("io.opentelemetry.exporter")
                || all.contains("[otel.javaagent") || all.contains("[opentelemetry.javaagent") || all.contains("[opentelemetry.auto.trace") || JAVA_SDK_WORDING.matcher(message).find()
                // Micrometer's OTLP registry, Spring Boot's way to send metrics over OTLP
                || message.startsWith("Failed to publish metrics to OTLP receiver")) {
            return Origin.JAVA_SDK;
        }
        if (logger.startsWith("opentelemetry") || all.contains("StatusCode.") || all.contains("opentelemetry.exporter.otlp")
                || message.contains("encountered while exporting") || message.contains("span batch") || PYTHON_BATCH_CODE.matcher(message).find()
                || message.startsWith("Exception while exporting") || all.contains("Traceback (most recent call last)")
                // the BatchSpanProcessor's own warning, logged with no exporter named
                || message.startsWith("Queue is full, likely spans will be dropped")) {
            return Origin.PYTHON_SDK;
        }
        if (GO_SDK_EXPORT.matcher(message).find()) {
            return Origin.GO_SDK;
        }
        // opentelemetry-js's error handler prints JSON.stringify(flattenException(err)): a top-level stack and message
        boolean flattenedException = r.field("stack") != null && r.field("message") != null && r.field("level") == null;
        if (flattenedException || all.contains("OTLPExporterError") || all.contains("@opentelemetry/") || all.contains("No connection established")
                || all.contains("maxQueueSize reached")
                // Google Cloud's trace exporter for Node prefixes the gRPC error it got
                || message.startsWith("batchWriteSpans error: ")
                || all.contains("Export failed with") || all.contains("export request failure") || all.contains("export response failure")) {
            return Origin.NODE_SDK;
        }
        // .NET's exception names alone are any .NET application's: the exporter's event names it, or the text speaks of export
        if (all.contains("Exporter failed send data") || all.contains("OpenTelemetry-Exporter")
                // self-diagnostics keep the event's template and append its arguments: Export failed for {0}. Message: {1}{url}{text}
                || message.contains("Export failed for {0}")
                || (all.contains("Grpc.Core.RpcException") || all.contains("System.Net.Http.HttpRequestException"))
                && EXPORT_CONTEXT.matcher(all).find()) {
            return Origin.DOTNET_SDK;
        }
        if (RUBY_SDK.matcher(message).find()) {
            return Origin.RUBY_SDK;
        }
        if (ERLANG_SDK.matcher(message).find()) {
            return Origin.ERLANG_SDK;
        }
        if (PHP_SDK.matcher(message).find() || logger.startsWith("otel-php")) {
            return Origin.PHP_SDK;
        }
        if (CPP_SDK.matcher(message).find()) {
            return Origin.CPP_SDK;
        }
        return Origin.OTHER;
    }

    /**
     * The component an Alloy line names: {@code component_id} (Alloy), or {@code component} as
     * Grafana Agent Flow wrote it ({@code component=otelcol.exporter.otlp.default}); a
     * {@code component} that is not an otelcol component id ({@code client}, {@code tempo}) is
     * some other subsystem's label.
     */
    private static String alloyComponent(LogRecord r) {
        String id = r.field("component_id");
        if (id != null) {
            return id;
        }
        String flow = r.field("component");
        return flow != null && flow.startsWith("otelcol.") ? flow : null;
    }

    /**
     * The signal an Alloy component that sends data out of the process carries, in Alloy's own
     * components as well as its otelcol ones: {@code loki.write}, {@code prometheus.remote_write} and
     * {@code pyroscope.write} are exporters in all but name. Null for any other component.
     */
    private static String alloyWriterSignal(String id) {
        if (id.startsWith("loki.write.")) {
            return "logs";
        }
        if (id.startsWith("prometheus.remote_write.")) {
            return "metrics";
        }
        return id.startsWith("pyroscope.write.") ? "profiles" : null;
    }

    private static void identity(LogRecord r, Origin origin, String message, Signal.Builder b) {
        switch (origin) {
            case COLLECTOR, GRPC_CORE -> {
                // the collectors of early 2021 named them component_kind, component_type and component_name
                String id = r.firstField("otelcol.component.id", "name", "exporter", "component_name");
                if (id == null) {
                    id = alloyComponent(r);
                }
                String kind = lower(r.firstField("otelcol.component.kind", "kind", "component_kind"));
                String writerSignal = id == null ? null : alloyWriterSignal(id);
                if (kind == null && writerSignal != null) {
                    kind = "exporter";
                } else if (kind == null && id != null && id.startsWith("otelcol.")) {
                    // Alloy: otelcol.exporter.otlp.default
                    kind = id.contains(".exporter.") ? "exporter" : id.contains(".receiver.") ? "receiver"
                            : id.contains(".processor.") ? "processor" : null;
                }
                String signal = r.firstField("otelcol.signal", "data_type");
                if (signal == null) {
                    signal = writerSignal;
                }
                if (signal == null && "processor".equals(kind)) {
                    signal = r.firstField("otelcol.pipeline.id", "pipeline");
                }
                if (id == null && r.logger() != null && r.logger().contains("tracers/opentelemetry/")) {
                    // Envoy's OpenTelemetry tracer, a sidecar's own exporter
                    id = "envoy";
                    kind = "exporter";
                    signal = "traces";
                }
                if (id == null && message.startsWith("Memory usage")) {
                    id = "memory_limiter";
                    kind = "processor";
                }
                if (id == null && origin == Origin.COLLECTOR && message.startsWith("Exporting failed")) {
                    // v0.123-v0.124 component loggers carry no identity fields at all
                    id = "(unnamed exporter)";
                    kind = "exporter";
                }
                b.component(id).componentKind(kind).signalType(normaliseSignal(signal));
            }
            case KERNEL -> {
                // the kernel names the process it killed, or the one whose allocation invoked the killer
                Matcher m = OOM_KILLED_PROCESS.matcher(message);
                Matcher invoker = OOM_INVOKER.matcher(message);
                String process = m.find() ? m.group(1) : invoker.find() ? invoker.group(1) : r.process();
                b.component(process).componentKind("process");
            }
            case SYSTEMD -> {
                Matcher m = SYSTEMD_UNIT.matcher(message);
                b.component(m.find() ? m.group(1) : r.process()).componentKind("process");
            }
            case JAVA_SDK, PYTHON_SDK, GO_SDK, NODE_SDK, DOTNET_SDK, RUST_SDK, RUBY_SDK, ERLANG_SDK, PHP_SDK, CPP_SDK -> {
                b.component("sdk/" + origin.name().substring(0, origin.name().indexOf('_')).toLowerCase(Locale.ROOT))
                        .componentKind("sdk");
                Matcher m = SDK_SIGNAL.matcher(message);
                Matcher rust = RUST_SDK.matcher(message);
                if (m.find()) {
                    b.signalType(normaliseSignal(m.group(1)));
                } else if (origin == Origin.RUST_SDK && rust.find() && rust.group(1) != null && !rust.group(1).equals("propagation")) {
                    b.signalType(normaliseSignal(rust.group(1)));
                } else if (origin == Origin.CPP_SDK) {
                    Matcher cpp = CPP_EXPORTER_SIGNAL.matcher(message);
                    if (cpp.find()) {
                        b.signalType(normaliseSignal(cpp.group(1)));
                    }
                } else {
                    Matcher go = GO_SDK_EXPORT.matcher(message);
                    if (go.find()) {
                        b.signalType(normaliseSignal(go.group(1) != null ? go.group(1) : go.group(2) != null ? go.group(2) : go.group(3)));
                    }
                }
            }
            default -> b.component(r.process()).componentKind(r.process() == null ? null : "process");
        }
    }

    /**
     * Whether the record shows a collector of at least v0.{minor}: the v0.120 identity fields, a
     * {@code service.version} (v0.126 on), or a versioned caller such as {@code batchprocessor@v0.130.0/...}.
     */
    private static boolean collectorAtLeast(LogRecord r, int minor) {
        if (r.field("otelcol.component.kind") != null || r.field("otelcol.component.id") != null) {
            return minor <= 120;
        }
        Integer v = minorVersion(r.field("resource.service.version"));
        if (v == null && r.logger() != null) {
            Matcher m = CALLER_VERSION.matcher(r.logger());
            v = m.find() ? Integer.valueOf(m.group(1)) : null;
        }
        return v != null && v >= minor;
    }

    private static Integer minorVersion(String version) {
        if (version == null) {
            return null;
        }
        Matcher m = SEMVER_MINOR.matcher(version);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String normaliseSignal(String s) {
        if (s == null) {
            return null;
        }
        String v = s.toLowerCase(Locale.ROOT);
        if (v.startsWith("span") || v.startsWith("trace")) {
            return "traces";
        }
        if (v.startsWith("metric")) {
            return "metrics";
        }
        if (v.startsWith("log")) {
            return "logs";
        }
        if (v.startsWith("profile")) {
            return "profiles";
        }
        return v;
    }

    // --- what the exporter did ------------------------------------------------------------

    private static Envelope envelope(Origin origin, String message, String errorText) {
        if (message.startsWith("Exporting failed. Will retry") || message.startsWith("Exporting failed. Putting back")) {
            return Envelope.RETRYING;
        }
        if (message.startsWith("Exporting failed") || message.startsWith("Failed to convert")) {
            return message.contains("Rejecting data") ? Envelope.REJECTED : Envelope.DROPPED;
        }
        if (message.startsWith("Dropping data because sending_queue is full") || message.startsWith("Maximum queue capacity reached")) {
            return Envelope.REJECTED;
        }
        // Envoy's OpenTelemetry tracer (service meshes' sidecars) exporting its own spans
        if (message.startsWith("OTLP HTTP exporter failed") || message.startsWith("OTLP HTTP exporter received a non-success status code")) {
            return Envelope.DROPPED;
        }
        if (message.startsWith("Partial success response")) {
            return Envelope.PARTIAL_SUCCESS;
        }
        // the batch processor's words; the queued_retry processor of 2020 also backed off without naming the error again
        if (message.startsWith("Sender failed") || message.startsWith("Backing off before next attempt")) {
            return Envelope.SENDER_FAILED;
        }
        switch (origin) {
            case RUST_SDK -> {
                // the handler's prefix (or an ExportError event) says a Rust SDK error was reported; only export
                // errors count, not the span channel closing at shutdown
                String t = message + "\n" + errorText;
                boolean reported = message.contains("error occurred") || t.contains("ExportError") || t.contains("ExportFailed(");
                return reported && RUST_EXPORT_WORDS.matcher(t).find() ? Envelope.DROPPED : Envelope.NONE;
            }
            case JAVA_SDK, PYTHON_SDK, GO_SDK, NODE_SDK, DOTNET_SDK, RUBY_SDK, ERLANG_SDK, PHP_SDK, CPP_SDK -> {
                String t = message + "\n" + errorText;
                if (t.contains("Transient error") || t.contains("retryable") && !t.contains("non-retryable")
                        || t.contains("Transient HTTP error") || t.contains("retrying in")) {
                    return Envelope.RETRYING;
                }
                if (t.contains("Failed to export") || t.contains("failed to export") || t.contains("Exception while exporting")
                        || GO_SDK_EXPORT.matcher(message).find() || t.contains("OTLPExporterError") || t.contains("Export failed")
                        || t.contains("export request failure") || t.contains("export response failure")
                        || t.contains("Exporter failed send") || t.contains("failed. Response:")
                        // .NET's exporter since 1.11, in its self-diagnostics template
                        || t.contains("HTTP request to {0} failed")
                        || t.contains("dropped") && t.contains("queue is full") || t.contains("Queue full, dropping")
                        || t.contains("Queue is full, likely spans will be dropped") || t.contains("maxQueueSize reached")
                        // Ruby's span processor and OTLP exporter, Erlang's exporter, PHP's exporters
                        || t.contains("Unable to export") || t.contains("OTLP exporter received") || t.contains("unexpected error in OTLP")
                        || t.contains("export failed with") || t.contains("Export failure")
                        // Google Cloud's trace exporters (Python, Node)
                        || t.contains("Error while writing to Cloud Trace") || t.startsWith("batchWriteSpans error: ")
                        || t.startsWith("Failed to publish metrics to OTLP receiver")
                        || t.contains("client error exporting") || t.contains("error response from service exported")
                        // opentelemetry-cpp: the exporter's result, and the HTTP client's failed session states
                        || t.contains("ERROR: Export ") || t.contains("Export() failed") || CPP_SESSION_FAILED.matcher(t).find()) {
                    return Envelope.DROPPED;
                }
                return Envelope.NONE;
            }
            default -> {
                // an SDK this does not know by name that counts what it could not send (Dart's)
                return COUNTED_EXPORT_FAILURE.matcher(message).lookingAt() ? Envelope.DROPPED : Envelope.NONE;
            }
        }
    }

    /**
     * A warning or error from a component of kind exporter that carries an error: in an {@code error}
     * field, in the server's {@code error.type}/{@code error.reason} fields, or, at level error, in a
     * message that speaks of an error or a failure ({@code Bulk indexer error: flush: [400 Bad Request] ...}).
     */
    private static boolean exporterOwnError(LogRecord r, Origin origin, String message) {
        if (origin != Origin.COLLECTOR || !"exporter".equalsIgnoreCase(r.firstField("otelcol.component.kind", "kind", "component_kind"))) {
            return false;
        }
        String error = r.field("error");
        boolean errorNamed = error != null && !error.isBlank();
        if (!r.level().atLeast(Level.WARN)) {
            // early contrib exporters (datadog's "failed to send traces") logged their failures at info
            return errorNamed && SENT_NOTHING.matcher(message).find();
        }
        if (errorNamed || serverErrorFields(r) != null) {
            return true;
        }
        return r.level().atLeast(Level.ERROR) && FAILURE_WORDS.matcher(message).find();
    }

    private static RetryVerdict verdict(String message, String t) {
        if (t.contains("no more retries left") || t.contains("max elapsed time expired") || message.contains("No more retries left")
                || t.contains("max retry time elapsed")) {
            return RetryVerdict.NO_MORE_RETRIES;
        }
        if (t.contains("not retryable error") || t.contains("Permanent error") || message.contains("The error is not retryable")) {
            return RetryVerdict.PERMANENT;
        }
        if (t.contains("Throttle (")) {
            return RetryVerdict.THROTTLED;
        }
        if (t.contains("request will be cancelled before next retry") || t.toLowerCase(Locale.ROOT).contains("request is cancelled or timed out")) {
            return RetryVerdict.CANCELLED_BEFORE_RETRY;
        }
        if (t.contains("interrupted due to shutdown")) {
            return RetryVerdict.SHUTDOWN;
        }
        return RetryVerdict.NONE;
    }

    /**
     * Layers are only read where something failed: an export envelope, a warning or worse, a
     * kernel or systemd line, or an unlabelled line that speaks of an error. This keeps
     * application data printed by the debug exporter (a span attribute holding "503" or
     * "connection refused") from counting as the collector's own failure.
     */
    private static boolean inErrorContext(LogRecord r, Origin origin, Envelope envelope, String message, String errorText) {
        if (envelope != Envelope.NONE || origin == Origin.KERNEL || origin == Origin.SYSTEMD || origin == Origin.GRPC_CORE) {
            return true;
        }
        String all = message + "\n" + errorText;
        if (origin != Origin.COLLECTOR && (PDATA_DUMP.matcher(message).find() || PDATA_DUMP.matcher(all).find())) {
            return false;
        }
        if (origin == Origin.COLLECTOR && "receiver".equalsIgnoreCase(r.firstField("otelcol.component.kind", "kind"))
                && (SCRAPE.matcher(message).find() || PULL_REQUEST.matcher(all).find())) {
            // a scraping receiver's fetch from its target failed: collection, not export (the target's
            // refusals and certificates say nothing about where the collector sends)
            return false;
        }
        if (origin == Origin.COLLECTOR) {
            return r.level().atLeast(Level.WARN) || message.startsWith("Memory usage") || errorText != null && !errorText.isEmpty()
                    && r.level() == Level.INFO && message.startsWith("Exporting")
                    || APPINSIGHTS_FAILED_RESPONSE.matcher(message).lookingAt()
                    // a paste of the fields object alone lost the level with the rest of the line
                    || r.level() == Level.UNKNOWN && errorText != null && !errorText.isEmpty()
                    && "exporter".equalsIgnoreCase(r.firstField("otelcol.component.kind", "kind", "component_kind"));
        }
        if (origin == Origin.OTHER && !EXPORT_CONTEXT.matcher(all + "\n" + r.continuation()).find()
                && !GO_RUNTIME_CRASH.matcher(message).lookingAt()
                && !(r.process() != null && EXPORT_CONTEXT.matcher(r.process()).find())) {
            // an application's own errors (a payment gateway's 503, an SMTP refusal) say nothing about telemetry
            return false;
        }
        if (r.level().atLeast(Level.WARN)) {
            return true;
        }
        // a Go panic's own words can be anything ("panic: TODO"); the trace under it said where it was
        // ... and a pod listing's STATUS column says OOMKilled and nothing else
        return (r.level() == Level.UNKNOWN) && (ERROR_MARKER.matcher(all).find() || message.startsWith("panic: ") || all.contains("OOMKilled"));
    }

    private static String errorText(LogRecord r, Origin origin, String message) {
        if (origin == Origin.COLLECTOR || origin == Origin.GRPC_CORE) {
            String error = errorField(r);
            return error == null ? "" : error;
        }
        // a structured line of a program this does not know (a collector whose field names a paste
        // mangled, an application's JSON logger) still keeps its error where such lines do
        String error = r.firstField("error", "err");
        if (error == null || error.isEmpty()) {
            return r.continuation();
        }
        return r.continuation().isEmpty() ? error : error + "\n" + r.continuation();
    }

    /**
     * The error a structured line carries: {@code error} (zap), {@code err} (go-kit and Alloy), the
     * server's own fields, or {@code reason}, where the Elasticsearch exporter's request logger puts
     * the transport's error ({@code Request failed. {"reason": "EOF"}}).
     */
    private static String errorField(LogRecord r) {
        String error = r.firstField("error", "message", "err");
        if (error == null) {
            error = serverErrorFields(r);
        }
        return error == null ? r.field("reason") : error;
    }

    /**
     * The Elasticsearch exporter's per-document failures carry the server's error in fields of their
     * own ({@code error.type}, {@code error.reason}) rather than in {@code error}.
     */
    private static String serverErrorFields(LogRecord r) {
        String reason = r.field("error.reason");
        String type = r.field("error.type");
        if (reason == null) {
            return type;
        }
        return type == null ? reason : type + ": " + reason;
    }

    private static String classificationText(String message, String errorText) {
        // Go stack traces under collector lines say nothing about the cause; SDK exception chains do.
        if (errorText == null || errorText.isEmpty()) {
            return message;
        }
        return message + "\n" + errorText;
    }

    private static String displayText(LogRecord r) {
        StringBuilder s = new StringBuilder(r.message());
        String error = errorField(r);
        if (error != null && !error.isEmpty()) {
            s.append(" | error: ").append(error);
        }
        String cont = r.continuation();
        if (!cont.isEmpty() && (r.format() == InputFormat.PLAIN || r.fields().isEmpty())) {
            for (String line : cont.split("\n")) {
                String l = line.strip();
                if (l.startsWith("Caused by:") || l.contains("Exception:") || l.contains("Error:")) {
                    s.append(" | ").append(l);
                }
            }
        }
        return s.toString();
    }

    // --- the layers -----------------------------------------------------------------------

    private static void layers(String t, Signal.Builder b) {
        grpcStatus(t, b);
        httpStatus(t, b);
        net(t, b);
        dns(t, b);
        address(t, b);
        tls(t, b);
        protocol(t, b);
        resources(t, b);
        b.queueFull(has(t, "sending queue is full", "sending_queue is full", "Queue full, dropping", "Queue is full, likely",
                "because the queue is full", "Maximum queue capacity reached", "BatchSpanProcessor dropped",
                // the Application Insights Java agent, built on OpenTelemetry's: "Max export queue size of 16384 has been hit, dropping a span"
                "export queue size of",
                // opentelemetry-js BatchSpanProcessor (and its log and metric siblings): warn once spans fit in again, debug at the first drop
                "because maxQueueSize reached", "maxQueueSize reached, dropping",
                // opentelemetry-rust's batch processors, whose queue is a bounded channel
                "because the channel is full", "as the channel is full"));
        b.downstreamMemoryRefusal(has(t, "data refused due to high memory usage", "data dropped due to high memory usage"));
        // grpc-go says "after decompression" when the limit is met by a compressed message's inflated size; grpc-java words it its own way
        b.messageTooLarge(has(t, "message larger than max", "message after decompression larger than max", "Received message larger than max",
                "RESOURCE_EXHAUSTED: Received message larger", "Decompressed gRPC message exceeds maximum size"));
        b.unknownService(has(t, "unknown service opentelemetry.proto", "unknown method Export for service"));
        b.credentialsRejected(CREDENTIALS_REJECTED.matcher(t).find());
        b.retryableStatusUnnamed(RETRYABLE_STATUS_UNNAMED.matcher(t).find());
        b.pathHintNamed(PATH_HINT.matcher(t).find());
        b.unreadableResponse(unreadableResponse(t));
        b.statusMessageNamed(STATUS_MESSAGE.matcher(t).find());
        b.throttledInWords(THROTTLED_IN_WORDS.matcher(t).find());
        b.brokerMessageTooLarge(BROKER_MESSAGE_TOO_LARGE.matcher(t).find());
        b.backendOutOfMemory(BACKEND_OUT_OF_MEMORY.matcher(t).find());
        // grpc-go: the server hung up before the HTTP/2 preface ("error reading server preface: EOF", later "connection closed before server preface received")
        b.closedBeforePreface(t.contains("server preface: EOF") || t.contains("closed before server preface"));
        Signal answered = b.build();
        // only in an answer: a collector stopping says so in its own lines, with no status
        b.backendNotServing((answered.getGrpcCode() != GrpcCode.NONE || answered.getHttpStatus() != 0)
                && BACKEND_NOT_SERVING.matcher(t).find());
        b.noBackendResolved(LB_NO_BACKEND.matcher(t).find());
        // Go's http.MaxBytesReader (the collector's max_request_body_size) and Node's body parsers
        b.bodyTooLarge(hasIgnoreCase(t, "request body too large") || hasIgnoreCase(t, "request entity too large"));
        // exporterhelper's queue (its sizer in bytes or items) refuses a request that alone exceeds queue_size,
        // and its batcher drops an item larger than the batch's max_size ("... size is greater than max size, dropping items")
        b.queueElementTooLarge(t.contains("element size too large") || t.contains("size is greater than max size"));
        b.credentialFetchTimedOut(CREDENTIAL_FETCH_TIMEOUT.matcher(t).find());
        // "telemetry type is not supported" is also what a collector says at start-up of a component built
        // for the wrong signal; only an answer to an export (a status came back) means the receiving side
        b.signalNotAccepted(t.contains("telemetry type is not supported") && statusCameBack(b.build()));
        b.crashed((t.startsWith("panic: ") || t.startsWith("fatal error: ")) && !t.contains("out of memory") && !exporterSetupPanic(t));
        // "Error: " is also how a program (a Rust main returning its error) stops on the export failure it
        // names, and a component that dials at start (the Kafka exporter's brokers) stops the collector with
        // the dial's error: then the named failure is the reading, not an unexplained stop
        // collectors before v0.60 or so ended with "application run finished with error" and "cannot build pipelines"
        b.startupFailure((t.startsWith("Error: ") || has(t, "collector server run finished with error", "failed to build pipelines",
                "application run finished with error", "cannot build pipelines",
                "cannot unmarshal the configuration", "invalid configuration:", "failed to get config", "cannot start pipelines",
                // the service graph's own error line (v0.92+), the only trace of it when the log goes to a file and Error: to stderr
                "Failed to start component")) && !lowerLayerNamed(b.build()));
        timeout(t, b);
    }

    private static void grpcStatus(String t, Signal.Builder b) {
        GrpcCode code = GrpcCode.NONE;
        String desc = null;
        Matcher m = GO_GRPC_STATUS.matcher(t);
        if (m.find()) {
            code = GrpcCode.parse(m.group(1));
            desc = t.substring(m.end());
        } else if ((m = PY_STATUS.matcher(t)).find()) {
            code = GrpcCode.parse(m.group(1));
            int at = t.indexOf("error details: ");
            desc = at >= 0 ? t.substring(at + 15) : t.indexOf("Error details: ") >= 0 ? t.substring(t.indexOf("Error details: ") + 15) : "";
        } else if ((m = JAVA_STATUS.matcher(t)).find()) {
            code = GrpcCode.parse(m.group(1));
            int at = t.indexOf("Error message: ");
            desc = at >= 0 ? t.substring(at + 15) : "";
        } else if ((m = JAVA_SERVER_IS.matcher(t)).find()) {
            code = GrpcCode.parse(m.group(1));
            int at = t.indexOf("Full error message:");
            desc = at >= 0 ? t.substring(at + 19).strip() : "";
            // The Java exporter writes "Server is ..." only for a status it got back. Its own
            // transport failures are either "could not be executed" (OkHttp sender) or carry
            // grpc-java's description ("io exception", ...), so an empty description here is a
            // peer that sent grpc-status without grpc-message, not a client that never connected.
            if (desc.isEmpty()) {
                b.grpcCode(code);
                b.serverStatus(true);
                return;
            }
        } else if ((m = JAVA_LEGACY_STATUS.matcher(t)).find() && GrpcCode.parse(m.group(m.start(1) >= 0 ? 1 : 2)) != GrpcCode.NONE) {
            code = GrpcCode.parse(m.group(m.start(1) >= 0 ? 1 : 2));
            desc = t.substring(m.end());
        } else if ((m = NODE_STATUS.matcher(t)).find() && GrpcCode.parse(m.group(2)) != GrpcCode.NONE) {
            code = GrpcCode.parse(m.group(2));
            desc = t.substring(m.end());
        } else if ((m = TONIC_STATUS.matcher(t)).find()) {
            code = m.group(3) != null ? GrpcCode.parse(m.group(3)) : tonicCode(m.group(1) != null ? m.group(1) : m.group(2));
            desc = t.substring(m.end()).replaceFirst("^[\\\\\"]+", "");
        } else if ((m = ERLANG_STATUS.matcher(t)).find()) {
            code = GrpcCode.parse(m.group(1));
            desc = t.substring(m.end());
        } else if ((m = DOTNET_STATUS.matcher(t)).find()) {
            code = GrpcCode.parse(m.group(1) != null ? m.group(1) : m.group(2));
            desc = "";
        }
        b.grpcCode(code);
        if (code != GrpcCode.NONE) {
            b.serverStatus(desc != null && serverSpoke(desc));
        }
    }

    /** tonic's {@code Code::description()} texts, as opentelemetry-rust prints them. */
    private static GrpcCode tonicCode(String description) {
        String d = description.strip();
        if (d.startsWith("The service is currently unavailable")) {
            return GrpcCode.UNAVAILABLE;
        } else if (d.startsWith("The request does not have valid authentication credentials")) {
            return GrpcCode.UNAUTHENTICATED;
        } else if (d.startsWith("The caller does not have permission")) {
            return GrpcCode.PERMISSION_DENIED;
        } else if (d.startsWith("Operation is not implemented or not supported")) {
            return GrpcCode.UNIMPLEMENTED;
        } else if (d.startsWith("Some resource has been exhausted")) {
            return GrpcCode.RESOURCE_EXHAUSTED;
        } else if (d.startsWith("Deadline expired before operation could complete")) {
            return GrpcCode.DEADLINE_EXCEEDED;
        } else if (d.startsWith("Client specified an invalid argument")) {
            return GrpcCode.INVALID_ARGUMENT;
        } else if (d.startsWith("Internal error")) {
            return GrpcCode.INTERNAL;
        } else if (d.startsWith("Unknown error")) {
            return GrpcCode.UNKNOWN;
        }
        return GrpcCode.parse(d);
    }

    /** The status text came from a server, not from the client's own connection machinery. */
    private static boolean serverSpoke(String desc) {
        String d = desc.strip();
        if (d.isEmpty()) {
            return false;
        }
        return !(d.startsWith("connection error") || d.startsWith("last connection error") || d.startsWith("name resolver error")
                || d.startsWith("last resolver error") || d.startsWith("produced zero addresses") || d.startsWith("no children to pick from")
                || d.startsWith("context deadline exceeded") || d.startsWith("received context error") || d.startsWith("latest balancer error")
                || d.startsWith("error reading from server") || d.startsWith("closing transport") || d.startsWith("keepalive")
                || d.startsWith("failed to connect to all addresses") || d.startsWith("No connection established")
                || d.startsWith("Deadline exceeded") || d.startsWith("transport:") || d.startsWith("Name resolution failed")
                || d.startsWith("DNS resolution failed") || d.startsWith("Socket closed") || d.startsWith("ipv4:") || d.startsWith("ipv6:")
                || d.startsWith("unexpected HTTP status code received from server") || d.startsWith("Failed to connect")
                || d.startsWith("java.") || d.startsWith("Connection refused")
                // grpc-java's names for its own transport failures (Utils.statusFromThrowable and the Netty transport)
                || d.startsWith("io exception") || d.startsWith("ssl exception") || d.startsWith("unresolved address")
                || d.startsWith("Unable to resolve host") || d.startsWith("Network closed for unknown reason")
                || d.startsWith("Keepalive failed") || d.startsWith("UNAVAILABLE: io exception")
                // tonic/hyper: the Rust client's own connection failures
                || d.startsWith("tcp connect error") || d.startsWith("error trying to connect") || d.startsWith("transport error")
                || d.startsWith("Service was not ready")
                // the clients' own names for a reply that was not a gRPC answer (grpc-go, grpc-js, tonic)
                || d.startsWith("grpc: ") || d.startsWith("stream terminated by RST_STREAM") || d.startsWith("Received RST_STREAM")
                || d.startsWith("server closed the stream without sending trailers") || d.startsWith("Received HTTP status code")
                || d.startsWith("Response message parsing error") || d.startsWith("h2 protocol error") || d.startsWith("protocol error"));
    }

    private static void httpStatus(String t, Signal.Builder b) {
        if (t.contains("failed to do connect handshake")) {
            // grpc-go quotes the proxy's answer to CONNECT ("HTTP/1.1 502 Bad Gateway"): the proxy's status, not the backend's
            return;
        }
        Matcher m = HTTP_STATUS.matcher(t);
        while (m.find()) {
            int status = Integer.parseInt(m.group(1));
            if (status >= 300 && status <= 599) {
                b.httpStatus(status);
                return;
            }
        }
        m = HTTP_STATUS_LOOSE.matcher(t);
        if (m.find()) {
            b.httpStatus(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3)));
            return;
        }
        m = APPINSIGHTS_FAILED_RESPONSE.matcher(t);
        if (m.lookingAt()) {
            b.httpStatus(Integer.parseInt(m.group(1)));
            return;
        }
        if (t.contains("OTLPExporterError")) {
            m = NODE_EXPORTER_ERROR_CODE.matcher(t);
            if (m.find()) {
                b.httpStatus(Integer.parseInt(m.group(1)));
                return;
            }
            m = NODE_EXPORTER_ERROR_REASON.matcher(t);
            while (m.find()) {
                Integer status = REASON_PHRASES.get(m.group(1).strip());
                if (status != null) {
                    b.httpStatus(status);
                    return;
                }
            }
        }
        m = HTTP_REASON.matcher(t);
        if (m.find()) {
            // a server's own 408: Python raises no such error itself, unlike older opentelemetry-js
            Integer status = m.group(1).equals("Request Timeout") ? Integer.valueOf(408) : REASON_PHRASES.get(m.group(1));
            if (status != null) {
                b.httpStatus(status);
                return;
            }
        }
        m = PHP_EXPORT_REASON.matcher(t);
        if (m.find()) {
            Integer status = REASON_PHRASES.get(m.group(1));
            if (status != null) {
                b.httpStatus(status);
            }
        }
    }

    private static void net(String t, Signal.Builder b) {
        NetError e = NetError.NONE;
        if (t.contains("proxyconnect")) {
            e = NetError.PROXY_UNREACHABLE;
        } else if (PROXY_REFUSED.matcher(t).find()) {
            e = NetError.PROXY_REJECTED;
        } else if ((hasIgnoreCase(t, "connection refused") || hasIgnoreCase(t, "econnrefused") || t.contains("actively refused")
                || t.contains("ConnectionRefused")) && !RESOLVER_REFUSED.matcher(t).find()) {
            // Windows (WSAECONNREFUSED): "No connection could be made because the target machine actively refused it";
            // Rust's io::ErrorKind and Python's exception name
            e = NetError.CONNECTION_REFUSED;
        } else if (hasIgnoreCase(t, "no route to host") || t.contains("EHOSTUNREACH")) {
            e = NetError.NO_ROUTE_TO_HOST;
        } else if (hasIgnoreCase(t, "network is unreachable") || t.contains("ENETUNREACH") || IPV6_LOOPBACK_UNASSIGNABLE.matcher(t).find()) {
            e = NetError.NETWORK_UNREACHABLE;
        } else if (t.contains("connect: connection timed out")) {
            e = NetError.CONNECTION_TIMED_OUT;
        } else if (DIAL_TIMEOUT.matcher(t).find() && !DNS_TIMEOUT.matcher(t).find()) {
            e = NetError.DIAL_TIMEOUT;
        } else if (hasIgnoreCase(t, "connection reset") || t.contains("ECONNRESET") || t.contains("ConnectionReset")
                || t.contains("forcibly closed by the remote host") || t.contains("established connection was aborted")) {
            // Windows: WSAECONNRESET ("An existing connection was forcibly closed by the remote host") and
            // WSAECONNABORTED ("An established connection was aborted by the software in your host machine")
            e = NetError.CONNECTION_RESET;
        } else if (hasIgnoreCase(t, "broken pipe") || t.contains("EPIPE")) {
            e = NetError.BROKEN_PIPE;
        } else if (t.contains("IncompleteMessage") || t.contains("connection closed before message completed")
                || t.contains("IncompleteRead(") || t.contains("The response ended prematurely")) {
            // hyper (Rust's reqwest, tonic), Python's http.client and .NET's HttpClient: an answer begun,
            // or awaited on a connection that carried the request, and cut off by the peer
            e = NetError.CUT_ANSWER;
        } else if (!javaCallTimeout(t) && !unreadableResponse(t) && (EOF_WORD.matcher(t).find() || t.contains("unexpected end of stream")
                || t.contains("socket hang up") || t.contains("Socket closed") || t.contains("Connection closed by peer")
                // grpc-go's later words for a server that closed before its HTTP/2 preface ("error reading server preface: EOF")
                || t.contains("connection closed before server preface received")
                // Python's http.client.RemoteDisconnected
                || t.contains("Remote end closed connection without response"))) {
            e = NetError.EOF;
        } else if (t.contains("failed to connect to all addresses") || t.contains("No connection established")
                || t.contains("Failed to connect to") || t.contains("ConnectException") || t.contains("Failed to establish a new connection")
                || t.contains("tcp connect error") || t.contains("error trying to connect")
                // reqwest 0.12 names no cause in its message; grpc-swift's channel that could not connect
                || REQWEST_SEND_BARE.matcher(t).find() || t.contains("Channel isn't ready")
                // sarama (Kafka): no broker in the list could be reached
                || t.contains("run out of available brokers")
                // Go SDK with a blocking dial, and tonic's channel whose connection failed
                || t.contains("failed to establish a connection") || t.contains("Service was not ready: transport error")
                // Envoy's tracer (an Istio sidecar): no cluster leads to the collector, as a REGISTRY_ONLY mesh leaves it
                || ENVOY_CLUSTER_MISSING.matcher(t).find()) {
            e = NetError.NO_CONNECTION;
        }
        b.netError(e);
    }

    /**
     * OkHttp's call timeout: {@code InterruptedIOException: timeout}, with the socket it then closed
     * as the cause. The closed socket is the timeout's doing, not the peer's.
     */
    private static boolean javaCallTimeout(String t) {
        return t.contains("InterruptedIOException: timeout") || t.contains("SocketTimeoutException: timeout")
                || t.contains("SocketTimeoutException: Read timed out");
    }

    private static void dns(String t, Signal.Builder b) {
        DnsError e = DnsError.NONE;
        if (hasIgnoreCase(t, "no such host") || t.contains("getaddrinfo failed") || t.contains("Name or service not known") || t.contains("nodename nor servname")
                || t.contains("ENOTFOUND") || t.contains("UnknownHostException") || t.contains("Name resolution failed for target")
                || t.contains("DNS resolution failed") || t.contains("No address associated with hostname")
                // curl (PHP's exporters): CURLE_COULDNT_RESOLVE_HOST
                || t.contains("Could not resolve host")) {
            e = DnsError.NO_SUCH_HOST;
        } else if (t.contains("produced zero addresses") || t.contains("no children to pick from")) {
            e = DnsError.ZERO_ADDRESSES;
        } else if (t.contains("server misbehaving")) {
            e = DnsError.SERVER_MISBEHAVING;
        } else if (DNS_TIMEOUT.matcher(t).find()) {
            e = DnsError.LOOKUP_TIMEOUT;
        } else if (DNS_LOOKUP_FAILED.matcher(t).find()) {
            e = DnsError.LOOKUP_FAILED;
        }
        b.dnsError(e);
    }

    private static void address(String t, Signal.Builder b) {
        AddressError e = AddressError.NONE;
        if (t.contains("missing port in address")) {
            e = AddressError.MISSING_PORT;
        } else if (t.contains("too many colons in address")) {
            e = AddressError.TOO_MANY_COLONS;
        } else if (t.contains("unsupported protocol scheme")) {
            e = AddressError.UNSUPPORTED_SCHEME;
        } else if (t.contains("no Host in request URL") || t.contains("invalid port") && t.contains("after host")
                || t.contains("first path segment in URL cannot contain colon") || t.contains("invalid URI for request")) {
            e = AddressError.MALFORMED_URL;
        }
        b.addressError(e);
    }

    private static void tls(String t, Signal.Builder b) {
        TlsError e = TlsError.NONE;
        if (has(t, "certificate signed by unknown authority", "PKIX path building failed", "unable to find valid certification path",
                "self-signed certificate", "self signed certificate", "unable to verify the first certificate",
                "unable to get local issuer certificate", "CERTIFICATE_VERIFY_FAILED", "UntrustedRoot",
                // rustls (tonic, reqwest)
                "UnknownIssuer")) {
            e = t.contains("certificate has expired") ? TlsError.EXPIRED : TlsError.UNKNOWN_AUTHORITY;
        } else if (has(t, "certificate has expired", "is not yet valid", "CertificateExpiredException", "certificate expired", "NotTimeValid",
                "invalid peer certificate: Expired")) {
            e = TlsError.EXPIRED;
        } else if (t.contains("doesn't contain any IP SANs")) {
            e = TlsError.NO_IP_SANS;
        } else if (t.contains("legacy Common Name field")) {
            e = TlsError.LEGACY_COMMON_NAME;
        } else if (has(t, "certificate is valid for", "certificate is not valid for any names", "does not match certificate's altnames",
                "No subject alternative", "RemoteCertificateNameMismatch", "SSLPeerUnverifiedException",
                // rustls
                "NotValidForName", "certificate not valid for name")
                || t.contains("Hostname") && t.contains("not verified")) {
            e = TlsError.HOSTNAME_MISMATCH;
        } else if (t.contains("incompatible key usage")) {
            e = TlsError.INCOMPATIBLE_KEY_USAGE;
        } else if (t.contains("failed to load system roots")) {
            e = TlsError.NO_ROOTS;
        } else if (has(t, "tls: certificate required", "tls: alert(116)", "client didn't provide a certificate")) {
            e = TlsError.CLIENT_CERT_REQUIRED;
        } else if (has(t, "remote error: tls: bad certificate", "remote error: tls: unknown certificate", "alert bad certificate",
                "tls: unknown certificate authority")) {
            e = TlsError.PEER_REJECTED_CERTIFICATE;
        } else if (has(t, "missing selected ALPN property")) {
            e = TlsError.ALPN_MISSING;
        } else if (has(t, "protocol version not supported", "tls: protocol version", "unsupported protocol", "No appropriate protocol")
                // .NET Framework: the server dropped a handshake in a TLS version the client offered (4.6 and older
                // offer TLS 1.0 and 1.1 unless told otherwise); its only words are a send failure under TlsStream
                || t.contains("Authentication failed because the remote party has closed the transport stream")
                || t.contains("An unexpected error occurred on a send") && t.contains("TlsStream")) {
            e = TlsError.VERSION_MISMATCH;
        } else if (has(t, "TLS handshake timeout")
                || javaCallTimeout(t) && has(t, "SSLSocketInputRecord", "SSLSocketImpl.startHandshake")) {
            // Java: the read that timed out was the TLS handshake's (a server that does not speak TLS stays silent)
            e = TlsError.HANDSHAKE_TIMEOUT;
        } else if (has(t, "first record does not look like a TLS handshake", "server gave HTTP response to HTTPS client",
                "wrong version number", "WRONG_VERSION_NUMBER", "Unsupported or unrecognized SSL message", "plaintext connection?")) {
            e = TlsError.NOT_TLS_SERVER;
        } else if (has(t, "failed to load TLS config", "failed to load CA CertPool", "failed to load TLS cert")) {
            // configtls: the CA, certificate or key file named in the configuration cannot be read or parsed
            e = TlsError.CONFIG_UNREADABLE;
        } else if (hasIgnoreCase(t, "bad record mac")) {
            // OpenSSL's BAD_RECORD_MAC / "decryption failed or bad record mac": a record's integrity check failed mid-stream
            e = TlsError.RECORD_CORRUPTED;
        } else if (has(t, "remote error: tls: handshake failure", "SSLHandshakeException", "authentication handshake failed",
                // Vert.x (Quarkus's exporters): its own words for a failed handshake
                "Failed to create SSL connection",
                "SSL routines", "handshake failure", "TLS handshake error")) {
            // a server that refuses a handshake sends an alert; a reset or a close in its middle says nothing about TLS itself
            NetError under = b.build().getNetError();
            boolean cut = (under == NetError.CONNECTION_RESET || under == NetError.EOF) && !t.contains("remote error: tls:");
            e = cut ? TlsError.HANDSHAKE_INTERRUPTED : TlsError.HANDSHAKE_FAILURE;
        }
        b.tlsError(e);
    }

    /**
     * A program that panics because its OTLP exporter could not be set up ({@code panic: failed to
     * establish a connection with the otlp exporter: context deadline exceeded}): the export failure
     * is the news, not a crash of the collector, so its layers are read instead.
     */
    private static boolean exporterSetupPanic(String t) {
        if (!t.startsWith("panic: ") || t.startsWith("panic: runtime error")) {
            return false;
        }
        int end = t.indexOf('\n');
        return EXPORTER_NAMED.matcher(end < 0 ? t : t.substring(0, end)).find();
    }

    /**
     * otlphttp could not decode the body of the server's answer: the "unexpected EOF" after it is
     * the decoder running out of bytes, not a connection closing.
     */
    private static boolean unreadableResponse(String t) {
        return has(t, "error parsing protobuf response", "error parsing json response");
    }

    private static void protocol(String t, Signal.Builder b) {
        ProtocolError e = ProtocolError.NONE;
        if (t.contains("malformed HTTP response") || t.contains("HTTP/1.x transport connection broken")
                || t.contains("Parse Error: Expected HTTP/") || t.contains("BadStatusLine") || OKHTTP_H2_SETTINGS.matcher(t).find()
                // hyper (Rust): the answer did not start with an HTTP/1 status line; Debug and Display forms
                || t.contains("Parse(Version)") || t.contains("invalid HTTP version parsed")) {
            e = ProtocolError.HTTP1_CLIENT_TO_GRPC_SERVER;
        } else if ((t.contains("Grpc.Core.RpcException") || t.contains("Error starting gRPC call") || OTLP_GRPC_METHOD.matcher(t).find())
                && t.contains("System.Net.Http.HttpConnection.")) {
            // .NET's HTTP/1.1 connection class in a gRPC call's trace (Grpc.Net.Client's, or the exporter's own
            // since 1.11, which names the OTLP method it posted to): a client at an http:// endpoint that
            // did not get HTTP/2 without TLS (.NET Core 3.x without the switch, and .NET 6 in some setups)
            e = ProtocolError.GRPC_OVER_HTTP1;
        } else if (has(t, "http2: frame too large", "FRAME_SIZE_ERROR", "Expected a SETTINGS frame", "Protocol error: HTTP/1")) {
            e = ProtocolError.GRPC_CLIENT_TO_HTTP1_SERVER;
        } else if (has(t, "cannot unmarshal", "invalid wire-format data", "illegal wireType") && b.build().getHttpStatus() == 400) {
            // an OTLP receiver's words, with the 400 it answers, for a body it could not decode: JSON where it
            // read protobuf, or a JSON shape it does not know; the same words elsewhere (a collector's
            // "cannot unmarshal the configuration") say nothing about the protocol
            e = ProtocolError.UNDECODABLE_REQUEST;
        } else if (t.contains("received bogus greeting from client")) {
            e = ProtocolError.BOGUS_GREETING;
        } else if (t.contains("received unexpected content-type") || t.contains("Received HTTP status code ")
                || t.contains("gRPC status code 2. Error message: OK")) {
            // grpc-go names the content type of a non-gRPC answer, grpc-js only its HTTP status; the Java
            // exporter reads an HTTP 200 without a gRPC status as UNKNOWN with the reason phrase "OK"
            e = ProtocolError.UNEXPECTED_CONTENT_TYPE;
        } else if (has(t, "PROTOCOL_ERROR", "http2: server sent GOAWAY and closed the connection", "ConnectionShutdownException")
                || GRPC_JS_PROTOCOL_ERROR.matcher(t).find()) {
            // OkHttp: the HTTP/2 connection died before the request went out (the other side of a FRAME_SIZE_ERROR race)
            e = ProtocolError.HTTP2_PROTOCOL_ERROR;
        }
        b.protocolError(e);
    }

    private static void resources(String t, Signal.Builder b) {
        ResourceSignal e = ResourceSignal.NONE;
        if (hasIgnoreCase(t, "too many open files") || t.contains("EMFILE")) {
            e = ResourceSignal.TOO_MANY_OPEN_FILES;
        } else if ((t.contains("cannot assign requested address") || t.contains("EADDRNOTAVAIL"))
                && !IPV6_LOOPBACK_UNASSIGNABLE.matcher(t).find()) {
            e = ResourceSignal.PORTS_EXHAUSTED;
        } else if (hasIgnoreCase(t, "no space left on device") || t.contains("ENOSPC")) {
            e = ResourceSignal.DISK_FULL;
        } else if (OOM_KILLED_PROCESS.matcher(t).find() || has(t, "oom-kill", "OOMKilled", "killed by the OOM killer", "invoked oom-killer")) {
            e = ResourceSignal.OOM_KILLED;
        } else if (has(t, "Memory usage is above soft limit. Refusing data", "Memory usage is above soft limit. Dropping data")) {
            e = ResourceSignal.MEMORY_LIMITER_REFUSING;
        } else if (has(t, "Memory usage is above hard limit", "Forced GC did not reclaim enough memory")) {
            e = ResourceSignal.MEMORY_LIMITER_HARD_LIMIT;
        } else if (t.startsWith("Memory usage back within limits")) {
            e = ResourceSignal.MEMORY_LIMITER_RECOVERED;
        } else if (has(t, "runtime: out of memory", "OutOfMemoryError", "Cannot allocate memory")) {
            e = ResourceSignal.PROCESS_OUT_OF_MEMORY;
        }
        b.resource(e);
    }

    private static boolean statusCameBack(Signal s) {
        return s.getHttpStatus() != 0 || s.getGrpcCode() != GrpcCode.NONE;
    }

    /** Whether the text named a failure below the export: the connection, the name, TLS, the protocol or the address. */
    private static boolean lowerLayerNamed(Signal s) {
        return s.getNetError() != NetError.NONE || s.getDnsError() != DnsError.NONE || s.getTlsError() != TlsError.NONE
                || s.getAddressError() != AddressError.NONE || s.getProtocolError() != ProtocolError.NONE;
    }

    /** Time-outs count only when nothing underneath explains them. */
    private static void timeout(String t, Signal.Builder b) {
        Signal probe = b.build();
        boolean explained = lowerLayerNamed(probe) || probe.getResource() != ResourceSignal.NONE || probe.isCredentialFetchTimedOut()
                || probe.isQueueFull() || probe.isDownstreamMemoryRefusal() || probe.getHttpStatus() != 0
                || probe.getGrpcCode() != GrpcCode.NONE && probe.getGrpcCode() != GrpcCode.DEADLINE_EXCEEDED
                && probe.getGrpcCode() != GrpcCode.UNAVAILABLE && probe.getGrpcCode() != GrpcCode.CANCELLED;
        Timeout e = Timeout.NONE;
        if (!explained) {
            // Go's HTTP client: the client timeout fired while the dial was still going, so no connection was ever made
            if (has(t, "while waiting for connections to become ready", "waiting for new LB policy update", "latest balancer error",
                    "request canceled while waiting for connection")) {
                e = Timeout.WAITING_FOR_CONNECTION;
            } else if (has(t, "request will be cancelled before next retry", "request is cancelled or timed out", "Request is cancelled or timed out")) {
                // the second is what the retry loop says when the caller's context ends while it waits to retry
                e = Timeout.CANCELLED_BEFORE_RETRY;
            } else if (has(t, "Client.Timeout exceeded while awaiting headers", "timeout awaiting response headers")) {
                e = Timeout.AWAITING_HEADERS;
            } else if (javaCallTimeout(t) || has(t, "context deadline exceeded", "DeadlineExceeded", "DEADLINE_EXCEEDED", "Deadline exceeded", "Request timed out",
                    "SocketTimeoutException", "Read timed out", "deadline exceeded", "request timed out", "timed out after",
                    "Deadline expired before", "Request Timeout")
                    // grpc-js: the server reset the stream with CANCEL, as gRPC servers do when the deadline the client
                    // sent (grpc-timeout) runs out first; a client's own cancel reads "Cancelled on client"
                    || has(t, "CANCELLED: Call cancelled")
                    // opentelemetry-python gives up without a status when its export deadline runs out; its retries
                    // and a shutdown would have logged their own transient errors and reasons first
                    || has(t, "due to timeout, max retries or shutdown")) {
                e = Timeout.IN_FLIGHT_DEADLINE;
            }
        }
        b.timeout(e);
    }

    // --- where it was going -----------------------------------------------------------------

    private static final Pattern HELP_BEFORE_URL = Pattern.compile(
            "(?i)(?:contact|support|see|visit|documentation|docs|refer to|information|learn more|details)(?: at| on| in)?:? *$");

    /** A link the message offers for help ("contact support at https://..."), not where the data went. */
    private static boolean pointsToHelp(String t, int urlStart) {
        return HELP_BEFORE_URL.matcher(t.substring(Math.max(0, urlStart - 40), urlStart)).find();
    }

    private static void endpoint(String t, Signal.Builder b) {
        Set<String> addresses = new LinkedHashSet<>();
        Endpoint ep = null;
        Matcher m = URL.matcher(t);
        boolean found = m.find();
        while (found && pointsToHelp(t, m.start())) {
            found = m.find();
        }
        if (found) {
            ep = new Endpoint(m.group(1), stripBrackets(m.group(2)), parsePort(m.group(3)), emptyToNull(m.group(4)));
            b.doubledPath(ep.path() != null && DOUBLED_PATH.matcher(ep.path()).find());
            addresses.add(ep.hostPort());
        }
        m = GRPC_ADDR.matcher(t);
        if (m.find()) {
            Endpoint e = new Endpoint(null, m.group(1), parsePort(m.group(2)), null);
            ep = ep == null ? e : ep.orElse(e);
            addresses.add(e.hostPort());
        }
        for (Pattern p : new Pattern[] {PY_TARGET, JAVA_CONNECT, PY_POOL, PAREN_HOSTPORT}) {
            m = p.matcher(t);
            if (m.find()) {
                Endpoint e = new Endpoint(null, m.group(1), parsePort(m.group(2)), null);
                ep = ep == null ? e : ep.orElse(e);
                addresses.add(e.hostPort());
            }
        }
        m = NODE_TARGET.matcher(t);
        if (m.find()) {
            Endpoint e = m.group(1) != null ? new Endpoint(null, m.group(1), null, null)
                    : new Endpoint(null, m.group(2), parsePort(m.group(3)), null);
            ep = ep == null ? e : ep.orElse(e);
            addresses.add(e.hostPort());
        }
        m = LOOKUP_HOST.matcher(t);
        if (m.find()) {
            String host = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            Endpoint e = new Endpoint(null, host, null, null);
            ep = ep == null ? e : ep.orElse(e);
            addresses.add(host);
        }
        m = DIAL_ADDR.matcher(t);
        while (m.find()) {
            String host = stripBrackets(m.group(1));
            Integer port = parsePort(m.group(2));
            addresses.add(host + ":" + port);
            if (ep == null) {
                ep = new Endpoint(null, host, port, null);
            } else if (ep.port() == null) {
                ep = new Endpoint(ep.scheme(), ep.host(), port, ep.path());
            }
        }
        m = NODE_ADDR.matcher(t);
        if (m.find()) {
            Endpoint e = new Endpoint(null, m.group(1), parsePort(m.group(2)), null);
            ep = ep == null ? e : ep;
            addresses.add(e.hostPort());
        }
        addresses.remove(null);
        b.endpoint(ep).addresses(addresses);
    }

    private static Transport transport(LogRecord r, Origin origin, String t, Signal.Builder b) {
        Signal s = b.build();
        String id = s.getComponent() == null ? "" : s.getComponent();
        String type = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        if (type.equals("otlphttp") || type.equals("otlp_http") || type.endsWith("http")) {
            return Transport.HTTP;
        }
        if (type.equals("otlp") || type.equals("otlp_grpc") || origin == Origin.GRPC_CORE) {
            return Transport.GRPC;
        }
        String logger = r.logger() == null ? "" : r.logger();
        if (logger.contains("GrpcExporter") || logger.contains("proto.grpc") || t.contains("rpc error: code =")
                && !t.contains("error exporting items") || t.contains("StatusCode.") || NODE_STATUS.matcher(t).find()) {
            return Transport.GRPC;
        }
        if (logger.contains("HttpExporter") || logger.contains("proto.http") || t.contains("failed to make an HTTP request")
                || t.contains("error exporting items") || t.contains("Post \"") || t.contains("HTTP status code")
                || t.contains("span batch") || t.contains("HTTPConnectionPool")) {
            return Transport.HTTP;
        }
        // only OTLP/HTTP endpoints carry a signal's path (.NET's FailedToReachCollector names the URI and nothing else)
        if (s.getEndpoint() != null && s.getEndpoint().path() != null && OTLP_HTTP_PATH.matcher(s.getEndpoint().path()).lookingAt()) {
            return Transport.HTTP;
        }
        return Transport.UNKNOWN;
    }

    // --- small helpers ----------------------------------------------------------------------

    private static boolean has(String t, String... needles) {
        for (String n : needles) {
            if (t.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIgnoreCase(String t, String needle) {
        return t.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Integer parsePort(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            int p = Integer.parseInt(s);
            return p > 0 && p < 65536 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
