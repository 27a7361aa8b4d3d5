package io.oteldoctor.signature;

/** Time-outs, kept only when no more specific error explains them. */
public enum Timeout {
    /** Could not get a ready connection before the deadline (gRPC picker). */ WAITING_FOR_CONNECTION,
    /** The backend did not answer an in-flight request in time. */ IN_FLIGHT_DEADLINE,
    /** HTTP client timeout while awaiting response headers. */ AWAITING_HEADERS,
    /** The caller's deadline ends before the next retry. */ CANCELLED_BEFORE_RETRY,
    NONE
}
