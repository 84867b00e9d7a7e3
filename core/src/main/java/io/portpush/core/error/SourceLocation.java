package io.portpush.core.error;

import java.util.Objects;

/**
 * Where a value came from: a file (or bundled resource) name, a 1-based line, and the field path
 * inside the document such as {@code groups[2].flows[0].ports}.
 */
public record SourceLocation(String file, int line, String field) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
    }

    @Override
    public String toString() {
        return file + ":" + (line > 0 ? line : "?") + (field.isEmpty() ? "" : ": " + field);
    }
}
