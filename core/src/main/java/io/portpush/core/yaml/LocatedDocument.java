package io.portpush.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document parsed by Jackson together with the line of every key and value, so that a
 * validator can say {@code file:line: field: problem} about any node of the tree.
 */
public final class LocatedDocument {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String name;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedDocument(String name, JsonNode root, Map<String, Integer> lines) {
        this.name = name;
        this.root = root;
        this.lines = lines;
    }

    /** Reads a file; {@code displayName} is what error messages call it. */
    public static LocatedDocument read(Path file, String displayName) {
        try {
            return parse(displayName, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(displayName, 0, ""), "cannot read: " + e.getMessage());
        }
    }

    /** Parses YAML text; syntax errors and duplicate keys become {@link InvalidInputException}. */
    public static LocatedDocument parse(String displayName, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = ((YAMLFactory) MAPPER.getFactory()).createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // the context is already the new container; its position is its parent's slot
                    ctx = ctx.getParent();
                }
                if (ctx == null) {
                    continue;
                }
                lines.putIfAbsent(ctx.pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
            JsonNode root = MAPPER.readTree(text);
            return new LocatedDocument(displayName, root == null ? MissingNode.getInstance() : root, lines);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new InvalidInputException(new SourceLocation(displayName, loc == null ? 0 : loc.getLineNr(), ""),
                    "YAML syntax: " + firstLine(msg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public String name() {
        return name;
    }

    public JsonNode root() {
        return root;
    }

    /** The 1-based line of the node at {@code pointer}, or of its nearest located ancestor. */
    public int line(JsonPointer pointer) {
        JsonPointer p = pointer;
        while (p != null) {
            Integer l = lines.get(p.toString());
            if (l != null) {
                return l;
            }
            p = p.head();
        }
        return 0;
    }

    /** A location for error messages: file, line and a readable field path such as {@code groups[2].id}. */
    public SourceLocation at(JsonPointer pointer) {
        return new SourceLocation(name, line(pointer), readablePath(pointer));
    }

    private String readablePath(JsonPointer pointer) {
        StringBuilder sb = new StringBuilder();
        JsonNode node = root;
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            String seg = p.getMatchingProperty();
            if (node != null && node.isArray()) {
                sb.append('[').append(seg).append(']');
                node = node.get(p.getMatchingIndex());
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(seg);
                node = node == null ? null : node.get(seg);
            }
        }
        return sb.toString();
    }
}
