package io.github.iscworkflows.workflow;

/** A 1-based line and column in a source file. */
public record SourcePosition(int line, int column) {

    public static final SourcePosition START = new SourcePosition(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
