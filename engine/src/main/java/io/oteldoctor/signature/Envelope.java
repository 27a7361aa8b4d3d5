package io.oteldoctor.signature;

/** What the exporter (or SDK) did with the data when the export failed. */
public enum Envelope {
    /** Will retry after an interval (collector INFO line, SDK transient error). */ RETRYING,
    /** Gave up and dropped the data (queue consumer, SDK after its retries). */ DROPPED,
    /** Handed the error back to the caller (no queue, queue full, wait_for_result). */ REJECTED,
    /** The backend accepted the request but rejected some items. */ PARTIAL_SUCCESS,
    /** A processor could not pass data on: the batch processor's batch, or the old queued_retry processor backing off. */ SENDER_FAILED,
    /** No export-failure wording. */ NONE
}
