package io.oteldoctor.diagnosis;

/** The error likely to come next once this one is fixed, and why. */
public record NextError(String cause, String reason) {
}
