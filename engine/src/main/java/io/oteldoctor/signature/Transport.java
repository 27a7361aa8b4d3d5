package io.oteldoctor.signature;

/** How the exporter talks to its backend. */
public enum Transport {
    GRPC,
    HTTP,
    UNKNOWN
}
