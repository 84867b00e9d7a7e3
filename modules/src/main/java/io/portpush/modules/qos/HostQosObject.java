package io.portpush.modules.qos;

import io.portpush.core.change.ChangePlan;
import io.portpush.core.change.ScriptEnforceable;
import io.portpush.core.policy.HostQosDriver;
import io.portpush.core.policy.QosIntent;
import io.portpush.core.policy.QosJson;
import io.portpush.core.runner.TaskContext;
import java.util.List;
import java.util.Optional;

/** DSCP marking of a Linux host: the whole chain replaced by one nft transaction, so nothing is ever half-done. */
final class HostQosObject extends ScriptEnforceable<QosIntent> {
    private final HostQosDriver driver;
    private final QosIntent intent;

    HostQosObject(HostQosDriver driver, QosIntent intent) {
        this.driver = driver;
        this.intent = intent;
    }

    @Override
    public String object() {
        return "qos/" + intent.name();
    }

    @Override
    public Optional<QosIntent> read(TaskContext ctx) {
        return driver.read(ctx.ssh(), intent.name(), ctx.options().commandTimeout());
    }

    @Override
    public List<String> differences(Optional<QosIntent> device) {
        return device.map(intent::differences).orElse(List.of("policy " + intent.name() + " is missing"));
    }

    @Override
    public boolean same(Optional<QosIntent> a, Optional<QosIntent> b) {
        return a.isPresent() && b.isPresent() ? a.get().differences(b.get()).isEmpty() : a.isEmpty() && b.isEmpty();
    }

    @Override
    public ChangePlan plan(TaskContext ctx, Optional<QosIntent> current) {
        return differences(current).isEmpty() ? ChangePlan.lines(List.of()) : ChangePlan.script(driver.render(intent, ctx.templates()));
    }

    @Override
    public ChangePlan restore(TaskContext ctx, Optional<QosIntent> now, Optional<QosIntent> before) {
        // a refused transaction changed nothing; a wrong read-back is put back by rendering what was read before
        return same(now, before) || before.isEmpty() ? ChangePlan.lines(List.of())
                : ChangePlan.script(driver.render(before.get(), ctx.templates()));
    }

    @Override
    public String text(Optional<QosIntent> state) {
        return state.map(QosIntent::text).orElse("");
    }

    @Override
    public String intendedText(TaskContext ctx) {
        return driver.render(intent, ctx.templates());
    }

    @Override
    public String record(TaskContext ctx, Optional<QosIntent> state) {
        return state.map(q -> QosJson.write(ctx.platform(), q)).orElse(QosJson.absent(ctx.platform(), intent.name()));
    }

    @Override
    public String inSync() {
        return intent.name() + ": the host already marks as intended";
    }

    @Override
    protected void load(TaskContext ctx, String script) {
        driver.apply(ctx.ssh(), script, ctx.options().commandTimeout());
    }
}
