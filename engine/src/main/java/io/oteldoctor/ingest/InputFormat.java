package io.oteldoctor.ingest;

/**
 * The layouts a log line can arrive in. Transports (journald) wrap one of the inner layouts;
 * {@link #PLAIN} covers SDK loggers and anything else whose text is the message itself.
 */
public enum InputFormat {
    COLLECTOR_CONSOLE("collector-console"),
    COLLECTOR_JSON("collector-json"),
    JOURNAL_JSON("journal-json"),
    /** journalctl's short forms, and RFC 3164 syslog files (rsyslog's traditional format), which look alike. */
    JOURNAL_SHORT("journal-short"),
    SYSLOG_RFC5424("syslog-rfc5424"),
    /** Kubernetes CRI container log files: {@code <time> stderr F <line>}. */
    KUBERNETES_CRI("kubernetes-cri"),
    /** {@code kubectl logs --prefix}: {@code [pod/<name>/<container>] <line>}. */
    KUBECTL_PREFIX("kubectl-prefix"),
    /** {@code cf logs}: {@code 2021-06-22T15:36:52.38-0400 [APP/PROC/WEB/0] ERR <line>}, indented by three spaces. */
    CLOUD_FOUNDRY("cf-logs"),
    /** docker's json-file driver: {@code {"log":"...\n","stream":"stderr","time":"..."}}. */
    DOCKER_JSON("docker-json"),
    /** docker compose output: {@code <service>  | <line>}. */
    DOCKER_COMPOSE("docker-compose"),
    /**
     * A log shipper's JSON record carrying the collector's line in one field: rsyslog
     * {@code %jsonmesg%}, syslog-ng {@code format-json}, Vector, Fluent Bit {@code json_lines}.
     */
    SHIPPER_JSON("shipper-json"),
    /** Grafana Alloy / Agent logfmt: {@code ts=... level=... msg="..." error="..."}. */
    LOGFMT("logfmt"),
    /**
     * Windows Event Log records as PowerShell's {@code Get-EventLog | Format-List} (or
     * {@code Get-WinEvent}) prints them: one {@code Name : value} line per property; the
     * collector's line is the value of {@code Message}.
     */
    WINDOWS_EVENT_LIST("windows-event-list"),
    PLAIN("plain");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    /** Stable name used in reports and on the command line. */
    public String id() {
        return id;
    }

    public static InputFormat parse(String id) {
        for (InputFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input format: " + id + " (one of "
                + String.join(", ", java.util.Arrays.stream(values()).map(InputFormat::id).toList()) + ")");
    }
}
