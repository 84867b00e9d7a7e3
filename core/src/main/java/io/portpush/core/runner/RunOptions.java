package io.portpush.core.runner;

import io.portpush.core.inventory.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run a playbook: parallelism, limits, modes and where state lives.
 *
 * @param forks hosts worked on at once
 * @param mode RUN changes devices; CHECK reads them and computes changes; VERIFY audits policy
 *        modules against devices (drift); LINT checks policy without connecting
 * @param diff show per-device diffs of what changes
 * @param hostTimeout the most one host may take over a play (its session is closed then); null for no limit
 * @param projectDir the project folder: templates/, .portpush/ state, known_hosts
 * @param shard the share of the hosts this process works on ({@link Shard#ALL} when the run is not split)
 */
public record RunOptions(int forks, String limit, List<String> tags, List<String> skipTags, String startAtTask,
                         Map<String, Object> extraVars, Mode mode, boolean diff, int verbosity,
                         boolean acceptNewHostKeys, Duration connectTimeout, Duration commandTimeout, int retries,
                         Duration hostTimeout, Path projectDir, Path stateDir, Shard shard) {
    /** What a run may do to devices. */
    public enum Mode { RUN, CHECK, VERIFY, LINT }

    /** True unless the run may change devices. */
    public boolean check() {
        return mode != Mode.RUN;
    }

    public RunOptions {
        shard = shard == null ? Shard.ALL : shard;
        tags = List.copyOf(tags);
        skipTags = List.copyOf(skipTags);
        extraVars = Map.copyOf(extraVars);
    }

    /** Options for a run that is not split into shards. */
    public RunOptions(int forks, String limit, List<String> tags, List<String> skipTags, String startAtTask,
                      Map<String, Object> extraVars, Mode mode, boolean diff, int verbosity,
                      boolean acceptNewHostKeys, Duration connectTimeout, Duration commandTimeout, int retries,
                      Duration hostTimeout, Path projectDir, Path stateDir) {
        this(forks, limit, tags, skipTags, startAtTask, extraVars, mode, diff, verbosity, acceptNewHostKeys, connectTimeout,
                commandTimeout, retries, hostTimeout, projectDir, stateDir, Shard.ALL);
    }

    public static RunOptions defaults(Path projectDir) {
        return new RunOptions(50, null, List.of(), List.of(), null, Map.of(), Mode.RUN, false, 0, false,
                Duration.ofSeconds(10), Duration.ofSeconds(30), 2, null, projectDir, projectDir.resolve(".portpush"));
    }

    public RunOptions withMode(Mode m, boolean d) {
        return new RunOptions(forks, limit, tags, skipTags, startAtTask, extraVars, m, d, verbosity, acceptNewHostKeys,
                connectTimeout, commandTimeout, retries, hostTimeout, projectDir, stateDir, shard);
    }
}
