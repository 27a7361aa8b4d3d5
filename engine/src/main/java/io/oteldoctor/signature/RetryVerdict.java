package io.oteldoctor.signature;

/** The exporterhelper's reason for stopping, read from the prefix of its error text. */
public enum RetryVerdict {
    NO_MORE_RETRIES,
    PERMANENT,
    THROTTLED,
    CANCELLED_BEFORE_RETRY,
    SHUTDOWN,
    NONE
}
