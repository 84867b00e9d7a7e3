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
import java.util.Iterator;
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
        return read(file, displayName, io.portpush.core.vault.Vault.none());
    }

    /** Reads a file that may be encrypted with Ansible Vault, or hold {@code !vault} values, opened with {@code vault}. */
    public static LocatedDocument read(Path file, String displayName, io.portpush.core.vault.Vault vault) {
        try {
            return parse(displayName, Files.readString(file, StandardCharsets.UTF_8), vault);
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(displayName, 0, ""), "cannot read: " + e.getMessage());
        }
    }

    /** Parses YAML text; syntax errors and duplicate keys become {@link InvalidInputException}. */
    public static LocatedDocument parse(String displayName, String text) {
        return parse(displayName, text, io.portpush.core.vault.Vault.none());
    }

    /**
     * Parses YAML text, decrypting it first when the whole text is vault-encrypted, and every
     * {@code !vault |} value in it (a string that is vault text) after; each value decrypted this way
     * becomes a secret of {@code vault} for the redactor.
     */
    public static LocatedDocument parse(String displayName, String original, io.portpush.core.vault.Vault vault) {
        boolean encrypted = io.portpush.core.vault.Vault.isVaulted(original);
        String text = encrypted ? vault.decrypt(original, new SourceLocation(displayName, 1, "")) : original;
        LocatedDocument doc = parseClear(displayName, text);
        doc.openVaultedValues(doc.root, JsonPointer.empty(), vault, encrypted);
        return doc;
    }

    /** Replaces vault text values in the tree by their plaintext; in an encrypted file every value is a secret. */
    private void openVaultedValues(JsonNode node, JsonPointer at, io.portpush.core.vault.Vault vault, boolean allSecret) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonPointer p = at.appendProperty(e.getKey());
                if (e.getValue().isTextual() && io.portpush.core.vault.Vault.isVaulted(e.getValue().asText())) {
                    e.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(vault.decrypt(e.getValue().asText(), at(p))));
                } else {
                    openVaultedValues(e.getValue(), p, vault, allSecret);
                }
            }
        } else if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                JsonPointer p = at.appendIndex(i);
                if (a.get(i).isTextual() && io.portpush.core.vault.Vault.isVaulted(a.get(i).asText())) {
                    a.set(i, com.fasterxml.jackson.databind.node.TextNode.valueOf(vault.decrypt(a.get(i).asText(), at(p))));
                } else {
                    openVaultedValues(a.get(i), p, vault, allSecret);
                }
            }
        } else if (allSecret && node.isValueNode() && !node.isNull()) {
            vault.reveal(node.asText());
        }
    }

    private static LocatedDocument parseClear(String displayName, String text) {
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
