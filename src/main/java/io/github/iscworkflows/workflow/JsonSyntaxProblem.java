package io.github.iscworkflows.workflow;

/** A JSON text that cannot be parsed, with the place and what the parser expected there. */
public final class JsonSyntaxProblem extends Exception {

    private final SourcePosition position;

    public JsonSyntaxProblem(String message, SourcePosition position) {
        super(message);
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }
}
