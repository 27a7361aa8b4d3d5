package io.oteldoctor.signature;

/** The sending host running out of something. */
public enum ResourceSignal {
    TOO_MANY_OPEN_FILES,
    /** Ephemeral ports exhausted. */ PORTS_EXHAUSTED,
    /** The disk a persistent sending queue (file_storage) writes to is full. */ DISK_FULL,
    /** The kernel or the container runtime killed the process for memory. */ OOM_KILLED,
    /** The local memory_limiter refuses data. */ MEMORY_LIMITER_REFUSING,
    /** The local memory_limiter passed its hard limit. */ MEMORY_LIMITER_HARD_LIMIT,
    /** The process itself could not allocate (Go runtime, Java heap). */ PROCESS_OUT_OF_MEMORY,
    /** The memory_limiter is back below its limits and accepts data again: a state change, not a failure. */ MEMORY_LIMITER_RECOVERED,
    NONE
}
