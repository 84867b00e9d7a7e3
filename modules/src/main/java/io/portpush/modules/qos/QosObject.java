package io.portpush.modules.qos;

import io.portpush.core.change.ChangePlan;
import io.portpush.core.change.CliEnforceable;
import io.portpush.core.policy.QosDriver;
import io.portpush.core.policy.QosIntent;
import io.portpush.core.policy.QosJson;
import io.portpush.core.runner.TaskContext;
import java.util.List;
import java.util.Optional;

/**
 * A DSCP marking policy of a network device as the enforcement engine sees it. {@code intent}
 * empty means the policy should not exist; {@code created} is then what the latest revision
 * recorded, so its classes can be read and removed.
 */
final class QosObject extends CliEnforceable<QosIntent> {
    private final QosDriver driver;
    private final String name;
    private final Optional<QosIntent> intent;
    private final QosIntent created;
    private final List<String> classNames;

    QosObject(QosDriver driver, String name, Optional<QosIntent> intent, QosIntent created) {
        this.driver = driver;
        this.name = name;
        this.intent = intent;
        this.created = created;
        this.classNames = created.classes().stream().map(QosIntent.QosClass::name).toList();
    }

    static QosObject of(QosDriver driver, QosIntent intent) {
        return new QosObject(driver, intent.name(), Optional.of(intent), intent);
    }

    @Override
    public String object() {
        return "qos/" + name;
    }

    @Override
    public Optional<QosIntent> read(TaskContext ctx) {
        return driver.read(ctx.session(), name, classNames);
    }

    @Override
    public List<String> differences(Optional<QosIntent> device) {
        if (intent.isEmpty()) {
            return device.isPresent() ? List.of("the policy " + name + " is still on the device") : List.of();
        }
        return device.map(intent.get()::differences).orElse(List.of("policy " + name + " is missing"));
    }

    @Override
    public boolean same(Optional<QosIntent> a, Optional<QosIntent> b) {
        return a.isPresent() && b.isPresent() ? a.get().differences(b.get()).isEmpty() : a.isEmpty() && b.isEmpty();
    }

    @Override
    public ChangePlan plan(TaskContext ctx, Optional<QosIntent> current) {
        if (intent.isEmpty()) {
            return ChangePlan.lines(current.isEmpty() ? List.of() : driver.removal(created));
        }
        return ChangePlan.lines(driver.plan(current, intent.get(), ctx.templates()));
    }

    @Override
    public ChangePlan restore(TaskContext ctx, Optional<QosIntent> now, Optional<QosIntent> before) {
        if (same(now, before)) {
            return ChangePlan.lines(List.of());
        }
        return ChangePlan.lines(before.isPresent() ? driver.plan(now, before.get(), ctx.templates()) : driver.removal(created));
    }

    @Override
    public String text(Optional<QosIntent> state) {
        return state.map(QosIntent::text).orElse("");
    }

    @Override
    public String intendedText(TaskContext ctx) {
        return intent.map(i -> driver.render(i, ctx.templates())).orElse("");
    }

    @Override
    public String record(TaskContext ctx, Optional<QosIntent> state) {
        return state.map(q -> QosJson.write(ctx.platform(), q)).orElse(QosJson.absent(ctx.platform(), name));
    }

    @Override
    public String inSync() {
        return intent.map(i -> name + ": the device already marks as intended (" + i.classes().size() + " classes)")
                .orElse(name + ": the device has no such policy, as the revision records");
    }
}
