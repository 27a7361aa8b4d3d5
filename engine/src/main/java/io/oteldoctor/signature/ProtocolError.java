package io.oteldoctor.signature;

/** The two ends speak different protocols. */
public enum ProtocolError {
    /** An HTTP/1 client (otlphttp) reached a gRPC / h2c port. */ HTTP1_CLIENT_TO_GRPC_SERVER,
    /** A gRPC (HTTP/2) client reached an HTTP/1.1 server. */ GRPC_CLIENT_TO_HTTP1_SERVER,
    /** A gRPC client got a response that did not come from a gRPC server. */ UNEXPECTED_CONTENT_TYPE,
    /** Receiver side: a TLS or HTTP/1 client reached a plaintext gRPC port. */ BOGUS_GREETING,
    HTTP2_PROTOCOL_ERROR,
    NONE
}
