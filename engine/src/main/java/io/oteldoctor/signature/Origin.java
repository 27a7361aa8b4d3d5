package io.oteldoctor.signature;

/** Which program wrote the line, which decides how its words are read. */
public enum Origin {
    COLLECTOR,
    /** grpc-go's own logger routed into the collector log ({@code "grpc_log": true}). */ GRPC_CORE,
    JAVA_SDK,
    PYTHON_SDK,
    GO_SDK,
    NODE_SDK,
    DOTNET_SDK,
    RUST_SDK,
    /** opentelemetry-ruby's error handler ({@code OpenTelemetry error: ...}). */ RUBY_SDK,
    /** opentelemetry-erlang's exporter ({@code OTLP grpc export failed ...}). */ ERLANG_SDK,
    PHP_SDK,
    /** opentelemetry-cpp's exporters ({@code [OTLP TRACE HTTP Exporter] ERROR: Export ...}). */ CPP_SDK,
    KERNEL,
    SYSTEMD,
    OTHER
}
