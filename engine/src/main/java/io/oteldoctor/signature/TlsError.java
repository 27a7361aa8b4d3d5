package io.oteldoctor.signature;

/** TLS handshake and certificate verification failures. */
public enum TlsError {
    UNKNOWN_AUTHORITY,
    HOSTNAME_MISMATCH,
    NO_IP_SANS,
    LEGACY_COMMON_NAME,
    EXPIRED,
    INCOMPATIBLE_KEY_USAGE,
    NO_ROOTS,
    /** The peer rejected the certificate we presented. */ PEER_REJECTED_CERTIFICATE,
    /** The peer wants a client certificate (mTLS) and got none. */ CLIENT_CERT_REQUIRED,
    /** The TLS settings name a CA, certificate or key file that cannot be read or parsed. */ CONFIG_UNREADABLE,
    HANDSHAKE_FAILURE,
    /**
     * The handshake failed because the connection was reset or closed under it, with no alert
     * from the server: {@code authentication handshake failed: read tcp ...: connection reset by peer}.
     */ HANDSHAKE_INTERRUPTED,
    VERSION_MISMATCH,
    /** grpc-go >= 1.67 enforces ALPN and the TLS terminator did not negotiate h2. */ ALPN_MISSING,
    HANDSHAKE_TIMEOUT,
    /** A TLS client reached a plaintext server. */ NOT_TLS_SERVER,
    /**
     * A record failed its integrity check on an established connection ({@code bad record mac}):
     * the byte stream was altered or interleaved, as when forked processes share one connection.
     */ RECORD_CORRUPTED,
    NONE
}
