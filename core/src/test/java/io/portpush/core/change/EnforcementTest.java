package io.portpush.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.device.Commit;
import io.portpush.core.device.DeviceCommandException;
import io.portpush.core.history.HistoryStore;
import io.portpush.core.history.Journal;
import io.portpush.core.inventory.HostConnection;
import io.portpush.core.playbook.Task;
import io.portpush.core.runner.Redactor;
import io.portpush.core.runner.RunListener;
import io.portpush.core.runner.RunOptions;
import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskContext;
import io.portpush.core.runner.TaskResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of the enforcement steps and the restore, on a policy object whose "device" is a list
 * of lines in memory: what the engine decides is tested here, the devices are tested end to end.
 */
class EnforcementTest {
    @TempDir
    Path dir;

    /** A device that holds lines; a line "BAD" is refused after the lines before it were taken, a line "WRONG" is taken but reads back as "wrong". */
    static final class ListObject implements Enforceable<List<String>> {
        final List<String> device;
        final List<String> intent;
        final List<String> log = new ArrayList<>();
        boolean restoreWorks = true;

        ListObject(List<String> device, List<String> intent) {
            this.device = new ArrayList<>(device);
            this.intent = intent;
        }

        @Override
        public String object() {
            return "acl/TEST";
        }

        @Override
        public Optional<List<String>> read(TaskContext ctx) {
            log.add("read");
            return device.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(device));
        }

        @Override
        public List<String> differences(Optional<List<String>> d) {
            return d.orElse(List.of()).equals(intent) ? List.of() : List.of("holds " + d.orElse(List.of()) + ", intent " + intent);
        }

        @Override
        public boolean same(Optional<List<String>> a, Optional<List<String>> b) {
            return a.equals(b);
        }

        @Override
        public ChangePlan plan(TaskContext ctx, Optional<List<String>> current) {
            return differences(current).isEmpty() ? ChangePlan.lines(List.of()) : ChangePlan.lines(intent);
        }

        @Override
        public ChangePlan restore(TaskContext ctx, Optional<List<String>> now, Optional<List<String>> before) {
            return same(now, before) ? ChangePlan.lines(List.of()) : ChangePlan.lines(before.orElse(List.of()));
        }

        @Override
        public String text(Optional<List<String>> state) {
            return String.join("\n", state.orElse(List.of()));
        }

        @Override
        public String intendedText(TaskContext ctx) {
            return String.join("\n", intent);
        }

        @Override
        public String record(TaskContext ctx, Optional<List<String>> state) {
            return state.map(Object::toString).orElse("absent");
        }

        @Override
        public String inSync() {
            return "in sync";
        }

        @Override
        public void preflight(TaskContext ctx, ChangePlan plan) {
            log.add("preflight");
        }

        @Override
        public void apply(TaskContext ctx, ChangePlan plan, Commit commit) {
            log.add("apply " + plan.lines() + (commit instanceof Commit.Confirmed c ? " confirmed " + c.minutes() : ""));
            if (!restoreWorks && commit.comment().startsWith("portpush restore")) {
                return;
            }
            device.clear();
            for (String l : plan.lines()) {
                if (l.equals("BAD")) {
                    throw new DeviceCommandException("r1", l, "% Invalid input detected at '^' marker.");
                }
                device.add(l.equals("WRONG") ? "wrong" : l);
            }
        }

        @Override
        public void confirm(TaskContext ctx, String comment) {
            log.add("confirm");
        }

        @Override
        public void settle(TaskContext ctx, boolean fresh) {
            log.add("settle");
        }

        @Override
        public Optional<Backup> backup(TaskContext ctx) {
            return Optional.of(new Backup("backup/running-config", "hostname r1\n" + String.join("\n", device)));
        }
    }

    private TaskContext context(RunOptions.Mode mode, Map<Class<?>, Object> services) {
        RunOptions options = RunOptions.defaults(dir).withMode(mode, true);
        HostConnection c = new HostConnection("r1", "127.0.0.1", 22, "u", null, null, null, null, "cisco_ios", true, null,
                HostConnection.Api.CLI);
        Task task = new Task("t", "acl", Map.of(), null, List.of(), null, null, false, Map.of(), null);
        return new TaskContext("r1", c, Map.of(), task, options, null, () -> null, () -> null, () -> null, new RunListener() {
        }, new Redactor(), services);
    }

    @Test
    void aDeviceThatHoldsTheIntentIsNotTouched() {
        ListObject o = new ListObject(List.of("a", "b"), List.of("a", "b"));
        TaskResult r = Enforcement.enforce(context(RunOptions.Mode.RUN, Map.of()), o, Commit.confirmed(5, "c"), Map.of());
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.msg()).isEqualTo("in sync");
        assertThat(o.log).containsExactly("read");
    }

    @Test
    void checkModePlansAndPreflightsButSendsNothing() {
        ListObject o = new ListObject(List.of("a"), List.of("a", "b"));
        TaskResult r = Enforcement.enforce(context(RunOptions.Mode.CHECK, Map.of()), o, Commit.confirmed(5, "c"), Map.of());
        assertThat(r.status()).isEqualTo(Status.CHANGED);
        assertThat(r.msg()).contains("would send 2 lines");
        assertThat(r.commands()).containsExactly("a", "b");
        assertThat(r.diff()).contains("+b");
        assertThat(o.log).containsExactly("read", "preflight");
        assertThat(o.device).containsExactly("a");
    }

    @Test
    void aChangeIsAppliedVerifiedConfirmedAndRecordedWithItsBaseline() {
        HistoryStore history = HistoryStore.open(dir.resolve("history"));
        Journal journal = new Journal(dir.resolve("state"), "run1");
        Map<Class<?>, Object> services = new LinkedHashMap<>();
        services.put(HistoryStore.class, history);
        services.put(Journal.class, journal);
        ListObject o = new ListObject(List.of("a"), List.of("a", "b"));
        TaskResult r = Enforcement.enforce(context(RunOptions.Mode.RUN, services), o, Commit.confirmed(5, "portpush acl TEST"), Map.of("k", 1));
        assertThat(r.status()).isEqualTo(Status.CHANGED);
        assertThat(r.msg()).isEqualTo("TEST: applied and verified (2 lines)");
        assertThat(r.data()).containsEntry("k", 1).containsEntry("verified", true);
        // confirmed only after the read-back showed the intent
        assertThat(o.log).containsExactly("read", "preflight", "apply [a, b] confirmed 5", "read", "confirm");
        history.commit("run", "tester");
        String path = HistoryStore.path("r1", "acl/TEST");
        assertThat(history.log(path + ".json")).hasSize(2); // the baseline, then the change
        String latest = history.log(path + ".json").get(0).id();
        assertThat(history.read(latest, path + ".json")).contains("[a, b]");
        assertThat(history.read(latest, HistoryStore.path("r1", "backup/running-config"))).contains("hostname r1\na");
        assertThat(Journal.leftovers(dir.resolve("state"))).isEmpty();
    }

    @Test
    void aPlainCommitIsNeverConfirmed() {
        ListObject o = new ListObject(List.of("a"), List.of("b"));
        Enforcement.enforce(context(RunOptions.Mode.RUN, Map.of()), o, Commit.keep("c"), Map.of());
        assertThat(o.log).doesNotContain("confirm");
    }

    @Test
    void aRefusalMidwayRestoresThePreviousStateAndSaysItWasVerified() {
        Journal journal = new Journal(dir.resolve("state"), "run1");
        ListObject o = new ListObject(List.of("old"), List.of("new1", "BAD", "new2"));
        TaskResult r = Enforcement.enforce(context(RunOptions.Mode.RUN, Map.of(Journal.class, journal)), o, Commit.confirmed(5, "c"),
                Map.of());
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.msg()).contains("% Invalid input").contains("the previous state was restored and verified");
        assertThat(o.device).containsExactly("old");
        assertThat(o.log).containsSubsequence("apply [new1, BAD, new2] confirmed 5", "settle", "read", "apply [old]", "read");
        // restored and verified: no mark is left for the next run to report
        assertThat(Journal.leftovers(dir.resolve("state"))).isEmpty();
    }

    @Test
    void aReadBackThatDiffersRestoresAndIsNeverConfirmed() {
        ListObject o = new ListObject(List.of("old"), List.of("WRONG"));
        TaskResult r = Enforcement.enforce(context(RunOptions.Mode.RUN, Map.of()), o, Commit.confirmed(5, "c"), Map.of());
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.msg()).contains("verify failed, the device does not show what was sent").contains("restored and verified");
        assertThat(o.log).doesNotContain("confirm");
        assertThat(o.device).containsExactly("old");
    }

    @Test
    void aRestoreThatDoesNotTakeIsReportedAndLeavesTheJournalMark() {
        Journal journal = new Journal(dir.resolve("state"), "run1");
        ListObject o = new ListObject(List.of("old"), List.of("WRONG"));
        o.restoreWorks = false;
        TaskResult r = Enforcement.enforce(context(RunOptions.Mode.RUN, Map.of(Journal.class, journal)), o, Commit.confirmed(5, "c"),
                Map.of());
        assertThat(r.msg()).contains("RESTORE NOT VERIFIED");
        assertThat(Journal.leftovers(dir.resolve("state"))).hasSize(1);
    }

    @Test
    void verifyReadsAndReportsWithoutChanging() {
        ListObject o = new ListObject(List.of("a"), List.of("a", "b"));
        TaskResult r = Enforcement.verify(context(RunOptions.Mode.VERIFY, Map.of()), o, Map.of());
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.msg()).startsWith("TEST: drift: holds [a]");
        assertThat(o.log).containsExactly("read");
    }
}
