package io.portpush.core.yaml;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.portpush.core.error.InputProblem;
import io.portpush.core.error.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed fields out of a {@link LocatedDocument} and collects every problem it meets, with
 * file, line and field, instead of stopping at the first one: a person fixing a file wants the
 * whole list at once.
 */
public final class FieldReader {
    private final LocatedDocument doc;
    private final List<InputProblem> problems = new ArrayList<>();

    public FieldReader(LocatedDocument doc) {
        this.doc = doc;
    }

    public LocatedDocument document() {
        return doc;
    }

    public List<InputProblem> problems() {
        return List.copyOf(problems);
    }

    public void problem(JsonPointer at, String message) {
        problems.add(new InputProblem(doc.at(at), message));
    }

    public SourceLocation at(JsonPointer at) {
        return doc.at(at);
    }

    public JsonNode node(JsonPointer at) {
        return doc.root().at(at);
    }

    public static JsonPointer child(JsonPointer parent, String key) {
        return parent.appendProperty(key);
    }

    public static JsonPointer child(JsonPointer parent, int index) {
        return parent.appendIndex(index);
    }

    /** Checks that the mapping at {@code at} has only {@code allowed} keys and all {@code required} ones. */
    public boolean checkKeys(JsonPointer at, Collection<String> allowed, Collection<String> required) {
        JsonNode n = node(at);
        if (!n.isObject()) {
            problem(at, "expected a mapping, found " + describe(n));
            return false;
        }
        boolean ok = true;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problem(child(at, k), "unknown key '" + k + "' (expected one of: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                ok = false;
            }
        }
        for (String r : required) {
            if (!n.has(r) || n.get(r).isNull()) {
                problem(at, "missing required field '" + r + "'");
                ok = false;
            }
        }
        return ok;
    }

    public Optional<String> text(JsonPointer at) {
        JsonNode n = node(at);
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isValueNode() || n.isBoolean()) {
            problem(at, "expected text, found " + describe(n));
            return Optional.empty();
        }
        return Optional.of(n.asText());
    }

    public String text(JsonPointer at, String fallback) {
        return text(at).orElse(fallback);
    }

    public Optional<Integer> integer(JsonPointer at) {
        JsonNode n = node(at);
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            problem(at, "expected a whole number, found " + describe(n));
            return Optional.empty();
        }
        return Optional.of(n.intValue());
    }

    public boolean bool(JsonPointer at, boolean fallback) {
        JsonNode n = node(at);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            problem(at, "expected true or false, found " + describe(n));
            return fallback;
        }
        return n.booleanValue();
    }

    /** Validates {@code value} against a closed set, reporting the allowed words on failure. */
    public Optional<String> oneOf(JsonPointer at, Set<String> allowed) {
        Optional<String> v = text(at);
        if (v.isPresent() && !allowed.contains(v.get())) {
            problem(at, "'" + v.get() + "' is not one of: " + String.join(", ", new TreeSet<>(allowed)));
            return Optional.empty();
        }
        return v;
    }

    public static String describe(JsonNode n) {
        if (n.isMissingNode()) {
            return "nothing";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNull()) {
            return "null";
        }
        return "'" + n.asText() + "'";
    }
}
