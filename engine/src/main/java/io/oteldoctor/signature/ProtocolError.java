package io.oteldoctor.signature;

/** The two ends speak different protocols. */
public enum ProtocolError {
    /** An HTTP/1 client (otlphttp) reached a gRPC / h2c port. */ HTTP1_CLIENT_TO_GRPC_SERVER,
    /** A gRPC (HTTP/2) client reached an HTTP/1.1 server. */ GRPC_CLIENT_TO_HTTP1_SERVER,
    /** A gRPC client sent its call over HTTP/1.1 (.NET Core 3.x, plaintext, without its HTTP/2 switch). */ GRPC_OVER_HTTP1,
    /** A gRPC client got a response that did not come from a gRPC server. */ UNEXPECTED_CONTENT_TYPE,
    /** The receiver could not decode the request body (JSON against protobuf, an unknown JSON shape). */ UNDECODABLE_REQUEST,
    /** Receiver side: a TLS or HTTP/1 client reached a plaintext gRPC port. */ BOGUS_GREETING,
    HTTP2_PROTOCOL_ERROR,
    NONE
}
