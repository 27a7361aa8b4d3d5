package io.oteldoctor.signature;

/** Socket-level failures below TLS and HTTP. */
public enum NetError {
    CONNECTION_REFUSED,
    NO_ROUTE_TO_HOST,
    NETWORK_UNREACHABLE,
    /** The dial itself timed out (SYN unanswered). */ DIAL_TIMEOUT,
    CONNECTION_TIMED_OUT,
    CONNECTION_RESET,
    BROKEN_PIPE,
    /** The peer closed the connection without answering. */ EOF,
    /** The peer took the request and closed the connection before its answer was complete. */ CUT_ANSWER,
    /** A proxy named in HTTP(S)_PROXY could not be reached. */ PROXY_UNREACHABLE,
    /** The proxy refused the CONNECT (403, 407). */ PROXY_REJECTED,
    /** The client could not connect and does not say why. */ NO_CONNECTION,
    NONE
}
