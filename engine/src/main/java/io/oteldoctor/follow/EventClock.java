package io.oteldoctor.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Follow mode's notion of now: the newest time the log itself has shown, moved on by the wall
 * clock only while no line comes. A replayed dump runs on its own time stamps however fast or slow
 * it is read; a live stream runs on times close to the wall's; and a stream that falls silent
 * still ages its problems so they can resolve.
 */
final class EventClock {

    private final Clock wall;
    private Instant newestEvent;
    private Instant lastInput;

    EventClock(Clock wall) {
        this.wall = wall;
    }

    /** Notes that a record came, with its own time or null, and returns the time to file it under. */
    Instant observe(Instant eventTime) {
        lastInput = wall.instant();
        if (eventTime != null && (newestEvent == null || eventTime.isAfter(newestEvent))) {
            newestEvent = eventTime;
        }
        return eventTime != null ? eventTime : now();
    }

    Instant now() {
        Instant w = wall.instant();
        if (newestEvent == null) {
            return w;
        }
        Duration idle = lastInput == null ? Duration.ZERO : Duration.between(lastInput, w);
        return idle.isNegative() ? newestEvent : newestEvent.plus(idle);
    }
}
