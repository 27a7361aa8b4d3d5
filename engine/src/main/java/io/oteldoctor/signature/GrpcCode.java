package io.oteldoctor.signature;

import java.util.Locale;

/** gRPC status codes, readable from Go ({@code Unavailable}), Python ({@code UNAVAILABLE}) and numbers. */
public enum GrpcCode {
    OK, CANCELLED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED,
    RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, UNAVAILABLE,
    DATA_LOSS, UNAUTHENTICATED, NONE;

    /** Reads {@code Unavailable}, {@code UNAVAILABLE}, {@code DeadlineExceeded}, {@code 14}; NONE otherwise. */
    public static GrpcCode parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        if (Character.isDigit(text.charAt(0))) {
            try {
                int n = Integer.parseInt(text);
                return n >= 0 && n <= 16 ? values()[n] : NONE;
            } catch (NumberFormatException e) {
                return NONE;
            }
        }
        String upper = text.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        if (upper.equals("CANCELED")) {
            return CANCELLED;
        }
        try {
            GrpcCode code = valueOf(upper);
            return code;
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
