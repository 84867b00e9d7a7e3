package io.portpush.core.runner;

import java.util.List;
import java.util.Map;

/**
 * What a module did on one host.
 *
 * @param data values registered with {@code register:} (stdout, parsed, ...)
 * @param diff a unified diff of what changed (or would change in check mode), empty when none
 * @param commands the configuration commands sent (or that a real run would send)
 */
public record TaskResult(Status status, String msg, Map<String, Object> data, String diff, List<String> commands) {
    public TaskResult {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        diff = diff == null ? "" : diff;
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    public static TaskResult ok(String msg) {
        return new TaskResult(Status.OK, msg, Map.of(), "", List.of());
    }

    public static TaskResult ok(String msg, Map<String, Object> data) {
        return new TaskResult(Status.OK, msg, data, "", List.of());
    }

    public static TaskResult changed(String msg, Map<String, Object> data, String diff, List<String> commands) {
        return new TaskResult(Status.CHANGED, msg, data, diff, commands);
    }

    public static TaskResult failed(String msg) {
        return new TaskResult(Status.FAILED, msg, Map.of(), "", List.of());
    }

    public static TaskResult skipped(String msg) {
        return new TaskResult(Status.SKIPPED, msg, Map.of(), "", List.of());
    }

    public TaskResult withStatus(Status s, String newMsg) {
        return new TaskResult(s, newMsg, data, diff, commands);
    }
}
