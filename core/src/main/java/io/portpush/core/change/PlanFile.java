package io.portpush.core.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan file: the changes a change board approves, written by {@code portpush plan} and sent
 * by {@code portpush apply}. JSON, {@code "format": "portpush-plan", "version": 1}:
 * <pre>
 * { "format": "portpush-plan", "version": 1, "portpush": "0.1.0", "created": "2026-12-02T07:30:00Z", "user": "neteng",
 *   "run": { "playbook": "/abs/imp-edge.yml", "inventory": "/abs/inventories/lab", "limit": "r1", "extra_vars": [], "tags": [], "skip_tags": [],
 *            "confirm_timeout": "5m" (optional) },
 *   "changes": [ { "host": "r1", "object": "acl/IMP-EDGE-IN", "fingerprint": "SHA-256 of the state it was computed from",
 *                  "before": "device text", "commands": ["..."], "atomic": false, "diff": "unified diff", "meaning": ["..."] } ],
 *   "sha256": "SHA-256 of this document's compact JSON without this field" }
 * </pre>
 * A file edited after it was written fails the content hash and is refused whole.
 *
 * <p>{@code "groups"} (optional) holds the review: per object, hosts whose change is the same once
 * their own values are named ({@link io.portpush.core.review.ChangeGroups}), the ones that differ
 * first; {@code portpush show} prints it, {@code apply} sends {@code changes} only.
 *
 * @param run how the plan was made (playbook, inventory, limit, extra vars, tags), so apply runs the same
 * @param groups the changes grouped for review (empty in a plan written without them)
 */
public record PlanFile(String portpushVersion, String created, String user, Run run, List<PlannedChange> changes, List<Group> groups) {
    public static final String FORMAT = "portpush-plan";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the plan was made from. */
    public record Run(String playbook, String inventory, String limit, List<String> extraVars, List<String> tags, List<String> skipTags,
                      String confirmTimeout) {
        public Run {
            extraVars = List.copyOf(extraVars);
            tags = List.copyOf(tags);
            skipTags = List.copyOf(skipTags);
        }

        /** A run without a confirm window. */
        public Run(String playbook, String inventory, String limit, List<String> extraVars, List<String> tags, List<String> skipTags) {
            this(playbook, inventory, limit, extraVars, tags, skipTags, null);
        }
    }

    /**
     * One group of the review.
     *
     * @param object the policy object ({@code acl/EDGE})
     * @param hosts the hosts whose change it is
     * @param diff the diff, with {@code {{ var }}} where the hosts' values differ
     */
    public record Group(String object, List<String> hosts, String diff, List<String> commands, List<String> meaning, List<String> facts) {
        public Group {
            hosts = List.copyOf(hosts);
            commands = List.copyOf(commands);
            meaning = List.copyOf(meaning);
            facts = List.copyOf(facts);
        }
    }

    public PlanFile {
        changes = List.copyOf(changes);
        groups = List.copyOf(groups);
    }

    /** A plan without a grouped review. */
    public PlanFile(String portpushVersion, String created, String user, Run run, List<PlannedChange> changes) {
        this(portpushVersion, created, user, run, changes, List.of());
    }

    public void write(Path file) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("portpush", portpushVersion);
        doc.put("created", created);
        doc.put("user", user);
        ObjectNode r = doc.putObject("run");
        r.put("playbook", run.playbook());
        r.put("inventory", run.inventory());
        r.put("limit", run.limit());
        strings(r.putArray("extra_vars"), run.extraVars());
        strings(r.putArray("tags"), run.tags());
        strings(r.putArray("skip_tags"), run.skipTags());
        if (run.confirmTimeout() != null) {
            r.put("confirm_timeout", run.confirmTimeout()); // the window the board approved, applied unless apply says otherwise
        }
        ArrayNode cs = doc.putArray("changes");
        for (PlannedChange c : changes) {
            ObjectNode n = cs.addObject();
            n.put("host", c.host());
            n.put("object", c.object());
            n.put("fingerprint", c.fingerprint());
            n.put("before", c.before());
            strings(n.putArray("commands"), c.lines());
            n.put("atomic", c.atomic());
            n.put("diff", c.diff());
            strings(n.putArray("meaning"), c.meaning());
        }
        if (!groups.isEmpty()) {
            ArrayNode gs = doc.putArray("groups");
            for (Group g : groups) {
                ObjectNode n = gs.addObject();
                n.put("object", g.object());
                strings(n.putArray("hosts"), g.hosts());
                n.put("diff", g.diff());
                strings(n.putArray("commands"), g.commands());
                strings(n.putArray("meaning"), g.meaning());
                strings(n.putArray("facts"), g.facts());
            }
        }
        doc.put("sha256", hash(doc));
        try {
            Files.writeString(file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks a plan file.
     *
     * @throws InvalidInputException naming the file when it is not a plan, of another version, or was edited after it was written
     */
    public static PlanFile read(Path file) {
        SourceLocation where = new SourceLocation(file.toString(), 0, "");
        JsonNode doc;
        try {
            doc = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException(where, "cannot read the plan: " + e.getMessage());
        }
        if (doc == null || !doc.isObject() || !FORMAT.equals(doc.path("format").asText())) {
            throw new InvalidInputException(where, "not a portpush plan (no \"format\": \"" + FORMAT + "\")");
        }
        if (doc.path("version").asInt() != VERSION) {
            throw new InvalidInputException(new SourceLocation(file.toString(), 0, "version"), "plan format version "
                    + doc.path("version").asText() + "; this portpush reads version " + VERSION);
        }
        ObjectNode body = ((ObjectNode) doc).deepCopy();
        String stated = body.path("sha256").asText();
        body.remove("sha256");
        if (stated.isEmpty() || !stated.equals(hash(body))) {
            throw new InvalidInputException(new SourceLocation(file.toString(), 0, "sha256"), "the plan was changed after it was written "
                    + "(its content hash does not match); nothing was sent: write and review a new plan");
        }
        JsonNode r = doc.path("run");
        Run run = new Run(r.path("playbook").asText(), r.path("inventory").asText(), r.path("limit").isNull() ? null : r.path("limit").asText(null),
                texts(r.path("extra_vars")), texts(r.path("tags")), texts(r.path("skip_tags")),
                r.hasNonNull("confirm_timeout") ? r.path("confirm_timeout").asText() : null);
        List<PlannedChange> changes = new ArrayList<>();
        for (JsonNode c : doc.path("changes")) {
            changes.add(new PlannedChange(c.path("host").asText(), c.path("object").asText(), c.path("fingerprint").asText(),
                    c.path("before").asText(), texts(c.path("commands")), c.path("atomic").asBoolean(), c.path("diff").asText(),
                    texts(c.path("meaning"))));
        }
        List<Group> groups = new ArrayList<>();
        for (JsonNode g : doc.path("groups")) {
            groups.add(new Group(g.path("object").asText(), texts(g.path("hosts")), g.path("diff").asText(), texts(g.path("commands")),
                    texts(g.path("meaning")), texts(g.path("facts"))));
        }
        return new PlanFile(doc.path("portpush").asText(), doc.path("created").asText(), doc.path("user").asText(), run, changes, groups);
    }

    private static String hash(JsonNode body) {
        try {
            return PlannedChange.fingerprint(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
