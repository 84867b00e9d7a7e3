package io.portpush.core.error;

/** One problem found in an input file, printed as {@code file:line: field: message}. */
public record InputProblem(SourceLocation where, String message) {
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
