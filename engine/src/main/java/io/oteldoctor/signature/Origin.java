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
    KERNEL,
    SYSTEMD,
    OTHER
}
