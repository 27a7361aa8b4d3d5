package io.oteldoctor.signature;

/**
 * Where an exporter sends its data, as far as the log reveals it. Any part may be null.
 *
 * @param scheme {@code http} or {@code https} when a URL was seen
 * @param path   URL path, e.g. {@code /v1/traces}
 */
public record Endpoint(String scheme, String host, Integer port, String path) {

    /** {@code host:port} with the scheme's default port filled in, or the host alone, or null. */
    public String hostPort() {
        if (host == null) {
            return null;
        }
        Integer p = port != null ? port : "https".equals(scheme) ? Integer.valueOf(443) : "http".equals(scheme) ? Integer.valueOf(80) : null;
        return p == null ? host : host + ":" + p;
    }

    public String url() {
        if (scheme == null || host == null) {
            return null;
        }
        return scheme + "://" + host + (port == null ? "" : ":" + port) + (path == null ? "" : path);
    }

    /** Fills what this endpoint lacks from another one seen in the same record. */
    public Endpoint orElse(Endpoint other) {
        if (other == null) {
            return this;
        }
        boolean sameHost = host == null || other.host == null || host.equals(other.host);
        if (!sameHost) {
            return this;
        }
        return new Endpoint(scheme != null ? scheme : other.scheme, host != null ? host : other.host,
                port != null ? port : other.port, path != null ? path : other.path);
    }

    /**
     * Of two sightings of a component's endpoint, the one that says more (a URL beats a bare
     * address), completed from the other; either may be null.
     */
    public static Endpoint mostSpecific(Endpoint current, Endpoint candidate) {
        if (current == null || candidate == null) {
            return current == null ? candidate : current;
        }
        return candidate.detail() > current.detail() ? candidate.orElse(current) : current.orElse(candidate);
    }

    // Written out rather than left to the record: the generated methods link an ObjectMethods
    // bootstrap on first use, which builds some fifty method handle forms (docs/performance.md,
    // "Cold start"). Same meaning: every component compared, nulls equal.
    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && java.util.Objects.equals(scheme, e.scheme) && java.util.Objects.equals(host, e.host)
                && java.util.Objects.equals(port, e.port) && java.util.Objects.equals(path, e.path);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(scheme);
        h = 31 * h + java.util.Objects.hashCode(host);
        h = 31 * h + java.util.Objects.hashCode(port);
        return 31 * h + java.util.Objects.hashCode(path);
    }

    private int detail() {
        return (scheme != null ? 2 : 0) + (port != null ? 1 : 0) + (path != null ? 1 : 0);
    }
}
