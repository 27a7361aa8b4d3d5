package io.oteldoctor.follow;

import io.oteldoctor.diagnosis.ComponentState;
import io.oteldoctor.diagnosis.Evidence;
import java.util.List;

/**
 * What the signature rules found for one group in one slice of event time, sealed once no more
 * lines for that slice are expected. A stream-mode event: the follow rules expire it when it
 * leaves the window, so the session holds one fact per group per slice, never one per line.
 *
 * @param sequence increases with every slice sealed, so the newest slice in a window names it
 * @param end      the end of the slice in epoch milliseconds, the event's time stamp
 */
public record GroupSlice(String group, long sequence, long end, List<Evidence> evidence, List<ComponentState> components) {

    public GroupSlice {
        evidence = List.copyOf(evidence);
        components = List.copyOf(components);
    }

    // Getter-style accessors for the rule language.
    public String getGroup() {
        return group;
    }

    public long getSequence() {
        return sequence;
    }

    public long getEnd() {
        return end;
    }
}
