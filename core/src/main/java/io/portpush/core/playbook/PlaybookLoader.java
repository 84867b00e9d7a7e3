package io.portpush.core.playbook;

import static io.portpush.core.yaml.FieldReader.child;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.NotFoundException;
import io.portpush.core.yaml.FieldReader;
import io.portpush.core.yaml.LocatedDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a playbook: a YAML list of plays. Unknown play keys, unknown modules and malformed task
 * keywords are refused with file, line and field, before anything connects to a device.
 */
public final class PlaybookLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PLAY_KEYS = Set.of("name", "hosts", "vars", "vars_files", "serial",
            "max_fail_percentage", "tasks", "gather_facts", "connection", "tags");
    private static final Set<String> TASK_KEYWORDS = Set.of("name", "when", "tags", "register", "loop", "with_items",
            "ignore_errors", "vars");

    private final Set<String> modules;
    private final Function<String, List<String>> templateSyntax;
    private final io.portpush.core.vault.Vault vault;

    /** @param modules names of the task modules that exist */
    public PlaybookLoader(Set<String> modules) {
        this(modules, t -> List.of());
    }

    /**
     * @param modules        names of the task modules that exist
     * @param templateSyntax the syntax problems of one template string (empty when sound), checked on
     *                       every string of every task and play vars at load time, so a broken
     *                       {@code {{ ...} is refused before any connection instead of being sent as text
     */
    public PlaybookLoader(Set<String> modules, Function<String, List<String>> templateSyntax) {
        this(modules, templateSyntax, io.portpush.core.vault.Vault.none());
    }

    /** As above, with the vault that opens {@code !vault} values in the playbook. */
    public PlaybookLoader(Set<String> modules, Function<String, List<String>> templateSyntax, io.portpush.core.vault.Vault vault) {
        this.modules = Set.copyOf(modules);
        this.templateSyntax = templateSyntax;
        this.vault = vault;
    }

    private void checkTemplates(FieldReader r, JsonPointer p, Set<String> skip) {
        JsonNode n = r.node(p);
        if (n.isTextual()) {
            for (String problem : templateSyntax.apply(n.asText())) {
                r.problem(p, "template syntax: " + problem);
            }
        } else if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!skip.contains(k)) {
                    checkTemplates(r, child(p, k), Set.of());
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                checkTemplates(r, child(p, i), Set.of());
            }
        }
    }

    public List<Play> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("playbook " + file + " does not exist");
        }
        return parse(LocatedDocument.read(file, file.toString(), vault));
    }

    public List<Play> parse(LocatedDocument doc) {
        FieldReader r = new FieldReader(doc);
        JsonNode root = doc.root();
        List<Play> plays = new ArrayList<>();
        if (!root.isArray()) {
            r.problem(JsonPointer.empty(), "a playbook is a list of plays (each starting with '- name:' and 'hosts:')");
        } else {
            for (int i = 0; i < root.size(); i++) {
                play(r, child(JsonPointer.empty(), i)).ifPresent(plays::add);
            }
        }
        if (!r.problems().isEmpty()) {
            throw new InvalidInputException(r.problems());
        }
        return plays;
    }

    private java.util.Optional<Play> play(FieldReader r, JsonPointer p) {
        if (!r.checkKeys(p, PLAY_KEYS, Set.of("hosts"))) {
            return java.util.Optional.empty();
        }
        String name = r.text(child(p, "name"), "");
        String hosts = r.text(child(p, "hosts"), "");
        Map<String, Object> vars = mapping(r, child(p, "vars"));
        checkTemplates(r, child(p, "vars"), Set.of());
        List<String> varsFiles = strings(r, child(p, "vars_files"));
        String serial = r.text(child(p, "serial")).orElse(null);
        if (serial != null && !serial.matches("\\d+%?")) {
            r.problem(child(p, "serial"), "serial is a number of hosts or a percentage such as 25%");
        }
        Integer maxFail = r.integer(child(p, "max_fail_percentage")).orElse(null);
        List<String> tags = strings(r, child(p, "tags"));
        List<Task> tasks = new ArrayList<>();
        JsonNode tn = r.node(child(p, "tasks"));
        if (!tn.isMissingNode() && !tn.isArray()) {
            r.problem(child(p, "tasks"), "tasks is a list");
        }
        for (int i = 0; tn.isArray() && i < tn.size(); i++) {
            task(r, child(child(p, "tasks"), i)).ifPresent(tasks::add);
        }
        return java.util.Optional.of(new Play(name, hosts, vars, varsFiles, serial, maxFail, tags, tasks, r.at(p)));
    }

    private java.util.Optional<Task> task(FieldReader r, JsonPointer p) {
        JsonNode n = r.node(p);
        if (!n.isObject()) {
            r.problem(p, "a task is a mapping with a module name and its arguments");
            return java.util.Optional.empty();
        }
        String module = null;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (TASK_KEYWORDS.contains(k)) {
                continue;
            }
            String bare = k.startsWith("portpush.") ? k.substring(k.lastIndexOf('.') + 1) : k;
            if (!modules.contains(bare)) {
                r.problem(child(p, k), "'" + k + "' is neither a task keyword nor a module (modules: "
                        + String.join(", ", new TreeSet<>(modules)) + ")");
                return java.util.Optional.empty();
            }
            if (module != null) {
                r.problem(child(p, k), "a task runs one module; this one names '" + module + "' and '" + bare + "'");
                return java.util.Optional.empty();
            }
            module = bare;
        }
        if (module == null) {
            r.problem(p, "the task names no module (modules: " + String.join(", ", new TreeSet<>(modules)) + ")");
            return java.util.Optional.empty();
        }
        // 'when' is a bare expression, evaluated (and its mistakes named) when the task runs
        checkTemplates(r, p, Set.of("when"));
        String moduleKey = n.has(module) ? module : "portpush." + module;
        JsonNode a = n.get(moduleKey);
        Object args = a == null || a.isNull() ? Map.of() : a.isObject() ? mapping(r, child(p, moduleKey)) : a.isTextual() ? a.asText()
                : JSON.convertValue(a, Object.class);
        String when = null;
        JsonNode w = n.get("when");
        if (w != null) {
            when = w.isArray() ? String.join(" and ", strings(r, child(p, "when")).stream().map(s -> "(" + s + ")").toList())
                    : w.asText();
        }
        Object loop = n.has("loop") ? JSON.convertValue(n.get("loop"), Object.class)
                : n.has("with_items") ? JSON.convertValue(n.get("with_items"), Object.class) : null;
        return java.util.Optional.of(new Task(r.text(child(p, "name"), ""), module, args, when, strings(r, child(p, "tags")),
                r.text(child(p, "register")).orElse(null), loop, r.bool(child(p, "ignore_errors"), false),
                mapping(r, child(p, "vars")), r.at(p)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(FieldReader r, JsonPointer p) {
        JsonNode n = r.node(p);
        if (n.isMissingNode() || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            r.problem(p, "expected a mapping, found " + FieldReader.describe(n));
            return Map.of();
        }
        return JSON.convertValue(n, LinkedHashMap.class);
    }

    private static List<String> strings(FieldReader r, JsonPointer p) {
        JsonNode n = r.node(p);
        if (n.isMissingNode() || n.isNull()) {
            return List.of();
        }
        if (n.isTextual()) {
            return List.of(n.asText().split("\\s*,\\s*"));
        }
        if (!n.isArray()) {
            r.problem(p, "expected a list, found " + FieldReader.describe(n));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
