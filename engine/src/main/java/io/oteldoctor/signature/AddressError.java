package io.oteldoctor.signature;

/** Endpoints that cannot even be dialled as written. */
public enum AddressError {
    MISSING_PORT,
    TOO_MANY_COLONS,
    UNSUPPORTED_SCHEME,
    MALFORMED_URL,
    NONE
}
