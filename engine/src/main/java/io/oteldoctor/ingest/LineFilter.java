package io.oteldoctor.ingest;

/** Decides on raw bytes whether a line may matter; implemented by the rule-derived prefilter. */
@FunctionalInterface
public interface LineFilter {

    /** Lets every line through: used to check that the prefilter never changes a result. */
    LineFilter ALL = (buf, start, end) -> true;

    boolean mayMatter(byte[] buf, int start, int end);
}
