package io.oteldoctor.follow;

/**
 * A group the follow session watches. The window rule tells it when the slices inside its window
 * changed (one came in, or one expired), so only changed groups are ranked again.
 */
public final class FollowedGroup {

    private final String name;
    private long slices;
    private long newest = -1;
    private boolean changed;

    public FollowedGroup(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /**
     * Slices enter in sequence order and leave in time order, so the count and the newest sequence
     * number together tell whether the window holds other slices than last time.
     */
    public boolean differs(Number count, Number newestSequence) {
        long c = count == null ? 0 : count.longValue();
        long n = c == 0 || newestSequence == null ? -1 : newestSequence.longValue();
        return c != slices || n != newest;
    }

    public void windowIs(Number count, Number newestSequence) {
        slices = count == null ? 0 : count.longValue();
        newest = slices == 0 || newestSequence == null ? -1 : newestSequence.longValue();
        changed = true;
    }

    /** Whether the window changed since the last call. */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    long slices() {
        return slices;
    }
}
