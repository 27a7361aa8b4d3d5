package io.oteldoctor.signature;

/**
 * One candidate log record read layer by layer into typed facts: the exporterhelper envelope, the
 * gRPC or HTTP status, and the network, DNS, TLS, protocol and resource errors underneath. This is the
 * fact the signature rules match; it is removed from the session as soon as the rules have seen it.
 */
public final class Signal implements Cloneable {

    /** OTLP's signal paths, under any prefix a vendor puts before them. */
    private static final java.util.regex.Pattern OTLP_SIGNAL_PATH =
            java.util.regex.Pattern.compile("/v1(?:development|experimental)?/(?:traces|metrics|logs|profiles)\\b");

    private final String group;
    private final String source;
    private long line;      // the position fields change only on a copy, in at()
    private long lastLine;
    private java.time.Instant timestamp;
    private final String host;
    private final Origin origin;
    private final io.oteldoctor.ingest.Level level;
    private final String component;
    private final String componentKind;
    private final String signalType;
    private final Transport transport;
    private final String message;
    private final String errorText;
    private final String text;
    private final Envelope envelope;
    private final RetryVerdict verdict;
    private final GrpcCode grpcCode;
    private final boolean serverStatus;
    private final int httpStatus;
    private final NetError netError;
    private final DnsError dnsError;
    private final AddressError addressError;
    private final TlsError tlsError;
    private final ProtocolError protocolError;
    private final Timeout timeout;
    private final ResourceSignal resource;
    private final boolean queueFull;
    private final boolean downstreamMemoryRefusal;
    private final boolean messageTooLarge;
    private final boolean unknownService;
    private final boolean doubledPath;
    private final boolean startupFailure;
    private final boolean crashed;
    private final boolean credentialsRejected;
    private final boolean retryableStatusUnnamed;
    private final boolean brokerMessageTooLarge;
    private final boolean noBackendResolved;
    private final boolean bodyTooLarge;
    private final boolean queueElementTooLarge;
    private final boolean credentialFetchTimedOut;
    private final boolean signalNotAccepted;
    private final boolean backendOutOfMemory;
    private final boolean backendNotServing;
    private final boolean closedBeforePreface;
    private final boolean throttledInWords;
    private final boolean pathHintNamed;
    private final boolean unreadableResponse;
    private final boolean statusMessageNamed;
    private final boolean connectWaitNamed;
    private final Endpoint endpoint;
    private final java.util.Set<String> addresses;

    private Signal(Builder b) {
        this.group = b.group;
        this.source = b.source;
        this.line = b.line;
        this.lastLine = b.lastLine;
        this.timestamp = b.timestamp;
        this.host = b.host;
        this.origin = b.origin;
        this.level = b.level;
        this.component = b.component;
        this.componentKind = b.componentKind;
        this.signalType = b.signalType;
        this.transport = b.transport;
        this.message = b.message;
        this.errorText = b.errorText;
        this.text = b.text;
        this.envelope = b.envelope;
        this.verdict = b.verdict;
        this.grpcCode = b.grpcCode;
        this.serverStatus = b.serverStatus;
        this.httpStatus = b.httpStatus;
        this.netError = b.netError;
        this.dnsError = b.dnsError;
        this.addressError = b.addressError;
        this.tlsError = b.tlsError;
        this.protocolError = b.protocolError;
        this.timeout = b.timeout;
        this.resource = b.resource;
        this.queueFull = b.queueFull;
        this.downstreamMemoryRefusal = b.downstreamMemoryRefusal;
        this.messageTooLarge = b.messageTooLarge;
        this.unknownService = b.unknownService;
        this.doubledPath = b.doubledPath;
        this.startupFailure = b.startupFailure;
        this.crashed = b.crashed;
        this.credentialsRejected = b.credentialsRejected;
        this.retryableStatusUnnamed = b.retryableStatusUnnamed;
        this.brokerMessageTooLarge = b.brokerMessageTooLarge;
        this.noBackendResolved = b.noBackendResolved;
        this.bodyTooLarge = b.bodyTooLarge;
        this.queueElementTooLarge = b.queueElementTooLarge;
        this.credentialFetchTimedOut = b.credentialFetchTimedOut;
        this.signalNotAccepted = b.signalNotAccepted;
        this.backendOutOfMemory = b.backendOutOfMemory;
        this.backendNotServing = b.backendNotServing;
        this.closedBeforePreface = b.closedBeforePreface;
        this.throttledInWords = b.throttledInWords;
        this.pathHintNamed = b.pathHintNamed;
        this.unreadableResponse = b.unreadableResponse;
        this.statusMessageNamed = b.statusMessageNamed;
        this.connectWaitNamed = b.connectWaitNamed;
        this.endpoint = b.endpoint;
        this.addresses = b.addresses;
    }

    /** Report group the record belongs to (the whole run, a file, or a host). */
    public String getGroup() {
        return group;
    }

    public String getSource() {
        return source;
    }

    public long getLine() {
        return line;
    }

    public long getLastLine() {
        return lastLine;
    }

    /** Record time, or null. */
    public java.time.Instant getTimestamp() {
        return timestamp;
    }

    public String getHost() {
        return host;
    }

    public Origin getOrigin() {
        return origin;
    }

    public io.oteldoctor.ingest.Level getLevel() {
        return level;
    }

    /** Component the record speaks for: a collector component id, {@code sdk/java}, a process; null when unknown. */
    public String getComponent() {
        return component;
    }

    /** {@code exporter}, {@code processor}, {@code receiver}, {@code process}, {@code sdk}, or null. */
    public String getComponentKind() {
        return componentKind;
    }

    /** {@code traces}, {@code metrics}, {@code logs}, {@code profiles}, or null. */
    public String getSignalType() {
        return signalType;
    }

    public Transport getTransport() {
        return transport;
    }

    /** The log message. */
    public String getMessage() {
        return message;
    }

    /** The error the record reports (the zap {@code error} field, or the SDK message with its exception chain). */
    public String getErrorText() {
        return errorText;
    }

    /** The record as a person reads it, secrets masked: what evidence cites. */
    public String getText() {
        return text;
    }

    public Envelope getEnvelope() {
        return envelope;
    }

    public RetryVerdict getVerdict() {
        return verdict;
    }

    public GrpcCode getGrpcCode() {
        return grpcCode;
    }

    /** The gRPC status was sent by a server that was reached, not made up by the client's transport. */
    public boolean isServerStatus() {
        return serverStatus;
    }

    /** HTTP status the backend (or a proxy) answered, 0 when none. */
    public int getHttpStatus() {
        return httpStatus;
    }

    public NetError getNetError() {
        return netError;
    }

    public DnsError getDnsError() {
        return dnsError;
    }

    public AddressError getAddressError() {
        return addressError;
    }

    public TlsError getTlsError() {
        return tlsError;
    }

    public ProtocolError getProtocolError() {
        return protocolError;
    }

    public Timeout getTimeout() {
        return timeout;
    }

    public ResourceSignal getResource() {
        return resource;
    }

    /** A sending queue is full (the collector's own, or the SDK's batch queue). */
    public boolean isQueueFull() {
        return queueFull;
    }

    /** The next collector's memory_limiter refused the data. */
    public boolean isDownstreamMemoryRefusal() {
        return downstreamMemoryRefusal;
    }

    /** A gRPC message exceeded the receiver's maximum size. */
    public boolean isMessageTooLarge() {
        return messageTooLarge;
    }

    /** The server has no OTLP service for this signal. */
    public boolean isUnknownService() {
        return unknownService;
    }

    /** The URL path repeats the signal path ({@code /v1/traces/v1/traces}). */
    public boolean isDoubledPath() {
        return doubledPath;
    }

    /**
     * The writer's gRPC library words a wait for a connection explicitly ("while waiting for
     * connections to become ready", grpc-go 1.64 and later, i.e. collector v0.103 and later), so a
     * bare {@code context deadline exceeded} from it means the call was already in flight.
     */
    public boolean isConnectWaitNamed() {
        return connectWaitNamed;
    }

    /** The error says in words that a key or token was refused ("API Key invalid", "invalid token"). */
    public boolean isCredentialsRejected() {
        return credentialsRejected;
    }

    /**
     * The exporter says the server answered with a status it retries, without naming the status:
     * opentelemetry-js's {@code Export failed with retryable status}, which its HTTP transport
     * reports only for a response of 429, 502, 503 or 504 (its own network errors and time-outs
     * come with their error instead).
     */
    public boolean isRetryableStatusUnnamed() {
        return retryableStatusUnnamed;
    }

    /** A Kafka broker refused a message over its size limit (MESSAGE_TOO_LARGE). */
    public boolean isBrokerMessageTooLarge() {
        return brokerMessageTooLarge;
    }

    /**
     * The load-balancing exporter found no backend to send to: its ring is empty because its
     * resolver (static list, DNS name, Kubernetes service) returned none.
     */
    public boolean isNoBackendResolved() {
        return noBackendResolved;
    }

    /**
     * An HTTP server refused the request body for its size in words of its own: Go's
     * {@code http: request body too large} (the collector's {@code max_request_body_size}), a
     * Node server's {@code request entity too large}. It may come with a 400 rather than a 413.
     */
    public boolean isBodyTooLarge() {
        return bodyTooLarge;
    }

    /**
     * The exporter's own sending queue refused a request bigger than all of its capacity
     * ({@code element size too large}), or its batcher an item bigger than a batch's
     * {@code max_size}: no amount of draining makes room for it.
     */
    public boolean isQueueElementTooLarge() {
        return queueElementTooLarge;
    }

    /**
     * A cloud SDK's fetch of the credentials it signs requests with (the instance metadata
     * service, STS) ran out of time or was cancelled: the request itself was never sent.
     */
    public boolean isCredentialFetchTimedOut() {
        return credentialFetchTimedOut;
    }

    /**
     * An OTLP receiver answered the export with the collector's {@code telemetry type is not
     * supported}: the address serves OTLP, but nothing behind it consumes this signal. (gRPC's
     * {@code unknown service}, by contrast, may come from a server that is no OTLP receiver at all.)
     */
    public boolean isSignalNotAccepted() {
        return signalNotAccepted;
    }

    /** The backend (a database such as ClickHouse or Elasticsearch) says it ran out of memory for the write. */
    public boolean isBackendOutOfMemory() {
        return backendOutOfMemory;
    }

    /** The server answered that it cannot serve now: it is shutting down, or its ring has no healthy instance to take the write. */
    public boolean isBackendNotServing() {
        return backendNotServing;
    }

    /** The server closed the connection before its HTTP/2 preface: it does not speak plaintext HTTP/2 there. */
    public boolean isClosedBeforePreface() {
        return closedBeforePreface;
    }

    /** The backend says in words that it throttled the request (ThrottlingException, "Rate exceeded"), whatever status it used. */
    public boolean isThrottledInWords() {
        return throttledInWords;
    }

    /** The backend's answer names the OTLP path it expected ("should you be sending to /v1/traces?"). */
    public boolean isPathHintNamed() {
        return pathHintNamed;
    }

    /**
     * The server answered, but its response body could not be read as an OTLP export response
     * (otlphttp's "error parsing protobuf response"): truncated, or not OTLP at all.
     */
    public boolean isUnreadableResponse() {
        return unreadableResponse;
    }

    /**
     * The server's answer carried a status message of its own (otlphttp's {@code Message=...} from
     * a decoded Status, or a Status JSON body with a message): the server said why, which a TLS
     * port answering a plaintext request never does.
     */
    public boolean isStatusMessageNamed() {
        return statusMessageNamed;
    }

    /** The process crashed (Go panic or fatal runtime error other than memory). */
    public boolean isCrashed() {
        return crashed;
    }

    /** The collector could not start (configuration, pipelines). */
    public boolean isStartupFailure() {
        return startupFailure;
    }

    /** Endpoint named in the record, or null. */
    public Endpoint getEndpoint() {
        return endpoint;
    }

    /**
     * An exporter that speaks OTLP over HTTP (an SDK's, or the collector's otlphttp) sent its request
     * to a URL path that is none of OTLP's signal paths, such as Jaeger's {@code /api/traces}. Other
     * collector exporters (Loki, remote write, Elasticsearch) have paths of their own and never count.
     */
    public boolean isOtlpRequestToOtherPath() {
        String path = endpoint == null ? null : endpoint.path();
        if (path == null || path.length() <= 1) {
            return false;
        }
        boolean speaksOtlpHttp = "sdk".equals(componentKind)
                || component != null && (component.startsWith("otlphttp") || component.startsWith("otelcol.exporter.otlphttp"));
        return speaksOtlpHttp && !OTLP_SIGNAL_PATH.matcher(path).find();
    }

    /** Every host and host:port the record names, for correlation. */
    public java.util.Set<String> getAddresses() {
        return addresses;
    }

    /**
     * Whether the record names this port: in its endpoint, or in an address it names. Lets rules
     * read the OTLP ports (4317 gRPC, 4318 HTTP) when the error text itself says too little.
     */
    public boolean namesPort(int port) {
        if (endpoint != null && endpoint.port() != null && endpoint.port() == port) {
            return true;
        }
        String suffix = ":" + port;
        for (String a : addresses) {
            if (a.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The endpoint's host is one word (no dot, not localhost, not an address): how a container,
     * a compose service or a pod in the same namespace is named, whose name the platform's DNS
     * stops answering for while it is not running.
     */
    public boolean isEndpointHostSingleLabel() {
        String host = endpoint == null ? null : endpoint.host();
        if (host == null || host.isEmpty() || host.indexOf('.') >= 0 || host.indexOf(':') >= 0 || host.equalsIgnoreCase("localhost")) {
            return false;
        }
        return !host.chars().allMatch(Character::isDigit);
    }

    /** The URL scheme of the endpoint, or null: lets rules tell http:// from https:// requests. */
    public String getEndpointScheme() {
        return endpoint == null ? null : endpoint.scheme();
    }

    /** True when any layer below the envelope was recognised. */
    public boolean hasCause() {
        return grpcCode != GrpcCode.NONE || httpStatus != 0 || netError != NetError.NONE || dnsError != DnsError.NONE
                || addressError != AddressError.NONE || tlsError != TlsError.NONE || protocolError != ProtocolError.NONE
                || timeout != Timeout.NONE || resource != ResourceSignal.NONE || queueFull
                || downstreamMemoryRefusal || messageTooLarge || unknownService || startupFailure || crashed || credentialsRejected
                || retryableStatusUnnamed || pathHintNamed || unreadableResponse || throttledInWords || brokerMessageTooLarge
                || noBackendResolved || bodyTooLarge || signalNotAccepted || backendOutOfMemory || backendNotServing
                || queueElementTooLarge || credentialFetchTimedOut;
    }

    /**
     * Where a record sits and what its line says, as opposed to what it means: signature rules
     * must not test these, so that two signals with equal {@link #conditions()} get the same rule
     * outcome (RulebaseLintTest checks the DRL).
     */
    public static final java.util.Set<String> POSITION_FIELDS =
            java.util.Set.of("group", "source", "line", "lastLine", "timestamp", "host", "text");

    private static final java.lang.reflect.Field[] CONDITION_FIELDS = java.util.Arrays.stream(Signal.class.getDeclaredFields())
            .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !POSITION_FIELDS.contains(f.getName())
                    && !f.getName().equals("conditions")) // the cache of the key itself
            .toArray(java.lang.reflect.Field[]::new);

    private Conditions conditions;

    /**
     * Everything about this signal that a signature rule can test. Every field counts except the
     * position fields, so a field added later is part of it without anyone remembering to add it.
     */
    public Conditions conditions() {
        Conditions c = conditions;
        if (c == null) {
            Object[] values = new Object[CONDITION_FIELDS.length];
            try {
                for (int i = 0; i < values.length; i++) {
                    values[i] = CONDITION_FIELDS[i].get(this);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            c = new Conditions(values);
            conditions = c;
        }
        return c;
    }

    /** The value of {@link #conditions()}: equal when every condition field is equal. */
    public static final class Conditions {
        private final Object[] values;
        private final int hash;

        private Conditions(Object[] values) {
            this.values = values;
            this.hash = java.util.Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Conditions c && c.hash == hash && java.util.Arrays.equals(c.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * This signal for a record {@code lines} further down its log: a log read in pieces numbers
     * each piece's lines from the piece's start until the lines before it are counted.
     */
    public Signal shifted(long lines) {
        return lines == 0 ? this : at(line + lines, lastLine + lines, timestamp);
    }

    /**
     * This signal for another record that reads the same at another place and time: the copy keeps
     * every other field, its conditions key included.
     */
    public Signal at(long line, long lastLine, java.time.Instant timestamp) {
        try {
            Signal copy = (Signal) clone(); // every field, including any added later
            copy.line = line;
            copy.lastLine = lastLine;
            copy.timestamp = timestamp;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "Signal{" + source + ":" + line + " " + origin + " " + component + " " + envelope + " grpc=" + grpcCode
                + " http=" + httpStatus + " net=" + netError + " dns=" + dnsError + " addr=" + addressError + " tls=" + tlsError
                + " proto=" + protocolError + " timeout=" + timeout + " res=" + resource + " queueFull=" + queueFull + "}";
    }

    /** Collects the layers as the extractor finds them. */
    public static final class Builder {

        private String group;
        private String source;
        private long line;
        private long lastLine;
        private java.time.Instant timestamp;
        private String host;
        private Origin origin = Origin.OTHER;
        private io.oteldoctor.ingest.Level level = io.oteldoctor.ingest.Level.UNKNOWN;
        private String component;
        private String componentKind;
        private String signalType;
        private Transport transport = Transport.UNKNOWN;
        private String message;
        private String errorText;
        private String text;
        private Envelope envelope = Envelope.NONE;
        private RetryVerdict verdict = RetryVerdict.NONE;
        private GrpcCode grpcCode = GrpcCode.NONE;
        private boolean serverStatus;
        private int httpStatus;
        private NetError netError = NetError.NONE;
        private DnsError dnsError = DnsError.NONE;
        private AddressError addressError = AddressError.NONE;
        private TlsError tlsError = TlsError.NONE;
        private ProtocolError protocolError = ProtocolError.NONE;
        private Timeout timeout = Timeout.NONE;
        private ResourceSignal resource = ResourceSignal.NONE;
        private boolean queueFull;
        private boolean downstreamMemoryRefusal;
        private boolean messageTooLarge;
        private boolean unknownService;
        private boolean doubledPath;
        private boolean startupFailure;
        private boolean crashed;
        private boolean credentialsRejected;
        private boolean retryableStatusUnnamed;
        private boolean brokerMessageTooLarge;
        private boolean noBackendResolved;
        private boolean bodyTooLarge;
        private boolean queueElementTooLarge;
        private boolean credentialFetchTimedOut;
        private boolean signalNotAccepted;
        private boolean backendOutOfMemory;
        private boolean backendNotServing;
        private boolean closedBeforePreface;
        private boolean throttledInWords;
        private boolean pathHintNamed;
        private boolean unreadableResponse;
        private boolean statusMessageNamed;
        private boolean connectWaitNamed;
        private Endpoint endpoint;
        private java.util.Set<String> addresses = java.util.Set.of();

        public Builder group(String value) {
            this.group = value;
            return this;
        }

        public Builder source(String value) {
            this.source = value;
            return this;
        }

        public Builder line(long value) {
            this.line = value;
            return this;
        }

        public Builder lastLine(long value) {
            this.lastLine = value;
            return this;
        }

        public Builder timestamp(java.time.Instant value) {
            this.timestamp = value;
            return this;
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder origin(Origin value) {
            this.origin = value;
            return this;
        }

        public Builder level(io.oteldoctor.ingest.Level value) {
            this.level = value;
            return this;
        }

        public Builder component(String value) {
            this.component = value;
            return this;
        }

        public Builder componentKind(String value) {
            this.componentKind = value;
            return this;
        }

        public Builder signalType(String value) {
            this.signalType = value;
            return this;
        }

        public Builder transport(Transport value) {
            this.transport = value;
            return this;
        }

        public Builder message(String value) {
            this.message = value;
            return this;
        }

        public Builder errorText(String value) {
            this.errorText = value;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder envelope(Envelope value) {
            this.envelope = value;
            return this;
        }

        public Builder verdict(RetryVerdict value) {
            this.verdict = value;
            return this;
        }

        public Builder grpcCode(GrpcCode value) {
            this.grpcCode = value;
            return this;
        }

        public Builder serverStatus(boolean value) {
            this.serverStatus = value;
            return this;
        }

        public Builder httpStatus(int value) {
            this.httpStatus = value;
            return this;
        }

        public Builder netError(NetError value) {
            this.netError = value;
            return this;
        }

        public Builder dnsError(DnsError value) {
            this.dnsError = value;
            return this;
        }

        public Builder addressError(AddressError value) {
            this.addressError = value;
            return this;
        }

        public Builder tlsError(TlsError value) {
            this.tlsError = value;
            return this;
        }

        public Builder protocolError(ProtocolError value) {
            this.protocolError = value;
            return this;
        }

        public Builder timeout(Timeout value) {
            this.timeout = value;
            return this;
        }

        public Builder resource(ResourceSignal value) {
            this.resource = value;
            return this;
        }

        public Builder queueFull(boolean value) {
            this.queueFull = value;
            return this;
        }

        public Builder downstreamMemoryRefusal(boolean value) {
            this.downstreamMemoryRefusal = value;
            return this;
        }

        public Builder messageTooLarge(boolean value) {
            this.messageTooLarge = value;
            return this;
        }

        public Builder unknownService(boolean value) {
            this.unknownService = value;
            return this;
        }

        public Builder doubledPath(boolean value) {
            this.doubledPath = value;
            return this;
        }

        public Builder connectWaitNamed(boolean value) {
            this.connectWaitNamed = value;
            return this;
        }

        public Builder credentialsRejected(boolean value) {
            this.credentialsRejected = value;
            return this;
        }

        public Builder retryableStatusUnnamed(boolean value) {
            this.retryableStatusUnnamed = value;
            return this;
        }

        public Builder brokerMessageTooLarge(boolean value) {
            this.brokerMessageTooLarge = value;
            return this;
        }

        public Builder noBackendResolved(boolean value) {
            this.noBackendResolved = value;
            return this;
        }

        public Builder bodyTooLarge(boolean value) {
            this.bodyTooLarge = value;
            return this;
        }

        public Builder queueElementTooLarge(boolean value) {
            this.queueElementTooLarge = value;
            return this;
        }

        public Builder credentialFetchTimedOut(boolean value) {
            this.credentialFetchTimedOut = value;
            return this;
        }

        public Builder signalNotAccepted(boolean value) {
            this.signalNotAccepted = value;
            return this;
        }

        public Builder backendOutOfMemory(boolean value) {
            this.backendOutOfMemory = value;
            return this;
        }

        public Builder backendNotServing(boolean value) {
            this.backendNotServing = value;
            return this;
        }

        public Builder closedBeforePreface(boolean value) {
            this.closedBeforePreface = value;
            return this;
        }

        public Builder throttledInWords(boolean value) {
            this.throttledInWords = value;
            return this;
        }

        public Builder pathHintNamed(boolean value) {
            this.pathHintNamed = value;
            return this;
        }

        public Builder statusMessageNamed(boolean value) {
            this.statusMessageNamed = value;
            return this;
        }

        public Builder unreadableResponse(boolean value) {
            this.unreadableResponse = value;
            return this;
        }

        public Builder crashed(boolean value) {
            this.crashed = value;
            return this;
        }

        public Builder startupFailure(boolean value) {
            this.startupFailure = value;
            return this;
        }

        public Builder endpoint(Endpoint value) {
            this.endpoint = value;
            return this;
        }

        public Builder addresses(java.util.Set<String> value) {
            this.addresses = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(value)); // in the order named
            return this;
        }

        /** Copies the text-derived layers (verdict, statuses, errors, endpoint) of another reading. */
        public Builder readingOf(Signal s) {
            verdict = s.verdict;
            grpcCode = s.grpcCode;
            serverStatus = s.serverStatus;
            httpStatus = s.httpStatus;
            netError = s.netError;
            dnsError = s.dnsError;
            addressError = s.addressError;
            tlsError = s.tlsError;
            protocolError = s.protocolError;
            timeout = s.timeout;
            resource = s.resource;
            queueFull = s.queueFull;
            downstreamMemoryRefusal = s.downstreamMemoryRefusal;
            messageTooLarge = s.messageTooLarge;
            unknownService = s.unknownService;
            doubledPath = s.doubledPath;
            startupFailure = s.startupFailure;
            crashed = s.crashed;
            credentialsRejected = s.credentialsRejected;
            retryableStatusUnnamed = s.retryableStatusUnnamed;
            brokerMessageTooLarge = s.brokerMessageTooLarge;
            noBackendResolved = s.noBackendResolved;
            bodyTooLarge = s.bodyTooLarge;
            queueElementTooLarge = s.queueElementTooLarge;
            credentialFetchTimedOut = s.credentialFetchTimedOut;
            signalNotAccepted = s.signalNotAccepted;
            backendOutOfMemory = s.backendOutOfMemory;
            backendNotServing = s.backendNotServing;
            closedBeforePreface = s.closedBeforePreface;
            throttledInWords = s.throttledInWords;
            pathHintNamed = s.pathHintNamed;
            unreadableResponse = s.unreadableResponse;
            statusMessageNamed = s.statusMessageNamed;
            endpoint = s.endpoint;
            addresses = s.addresses;
            return this;
        }

        public Signal build() {
            return new Signal(this);
        }
    }
}
