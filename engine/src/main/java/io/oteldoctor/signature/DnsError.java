package io.oteldoctor.signature;

/** Name resolution failures. */
public enum DnsError {
    /** NXDOMAIN: the name does not exist. */ NO_SUCH_HOST,
    /** gRPC's resolver found no address (hides NXDOMAIN). */ ZERO_ADDRESSES,
    SERVER_MISBEHAVING,
    /** The DNS server did not answer in time. */ LOOKUP_TIMEOUT,
    /** The lookup failed without an answer about the name: the DNS server refused, or the system resolver erred. */ LOOKUP_FAILED,
    NONE
}
