package io.portpush.core.playbook;

import io.portpush.core.error.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A play: which hosts, with which variables, run which tasks, in which batches.
 *
 * @param serial batch size: a number, a percentage ({@code "25%"}), or null for all at once
 * @param maxFailPercentage stop the play when more than this share of a batch failed; null = Ansible's default
 */
public record Play(String name, String hosts, Map<String, Object> vars, List<String> varsFiles, String serial,
                   Integer maxFailPercentage, List<String> tags, List<Task> tasks, SourceLocation where) {
    public Play {
        vars = Map.copyOf(vars);
        varsFiles = List.copyOf(varsFiles);
        tags = List.copyOf(tags);
        tasks = List.copyOf(tasks);
    }
}
