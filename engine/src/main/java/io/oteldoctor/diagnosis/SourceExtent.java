package io.oteldoctor.diagnosis;

/**
 * How many lines a source of the group has: lets the ranking rules tell a warning that the log
 * went on quietly after from one that is the last thing the log says.
 */
public record SourceExtent(String source, long lines) {

    public String getSource() {
        return source;
    }

    public long getLines() {
        return lines;
    }
}
