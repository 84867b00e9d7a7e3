package io.portpush.core.playbook;

import io.portpush.core.error.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * One task of a play: a module with its arguments and Ansible's task keywords.
 *
 * @param args the module's arguments: a mapping, or a string for free-form modules
 * @param loop a list or an expression yielding one; null when the task does not loop
 */
public record Task(String name, String module, Object args, String when, List<String> tags, String register, Object loop,
                   boolean ignoreErrors, Map<String, Object> vars, SourceLocation where) {
    public Task {
        tags = List.copyOf(tags);
        vars = Map.copyOf(vars);
    }

    /** The name shown in output: the task's name, or the module's. */
    public String title() {
        return name == null || name.isBlank() ? module : name;
    }
}
