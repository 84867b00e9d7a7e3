package io.portpush.core.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run a playbook: parallelism, limits, modes and where state lives.
 *
 * @param forks hosts worked on at once
 * @param check read devices, compute changes, send nothing that changes a device
 * @param diff show per-device diffs of what changes
 * @param projectDir the project folder: templates/, .portpush/ state, known_hosts
 */
public record RunOptions(int forks, String limit, List<String> tags, List<String> skipTags, String startAtTask,
                         Map<String, Object> extraVars, boolean check, boolean diff, int verbosity,
                         boolean acceptNewHostKeys, Duration connectTimeout, Duration commandTimeout, int retries,
                         Path projectDir, Path stateDir) {
    public RunOptions {
        tags = List.copyOf(tags);
        skipTags = List.copyOf(skipTags);
        extraVars = Map.copyOf(extraVars);
    }

    public static RunOptions defaults(Path projectDir) {
        return new RunOptions(50, null, List.of(), List.of(), null, Map.of(), false, false, 0, false,
                Duration.ofSeconds(10), Duration.ofSeconds(30), 2, projectDir, projectDir.resolve(".portpush"));
    }

    public RunOptions withCheck(boolean c, boolean d) {
        return new RunOptions(forks, limit, tags, skipTags, startAtTask, extraVars, c, d, verbosity, acceptNewHostKeys,
                connectTimeout, commandTimeout, retries, projectDir, stateDir);
    }
}
