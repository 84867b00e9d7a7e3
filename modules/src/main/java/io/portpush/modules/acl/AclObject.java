package io.portpush.modules.acl;

import io.portpush.core.change.ChangePlan;
import io.portpush.core.change.CliEnforceable;
import io.portpush.core.platform.AclStrategy;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclJson;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.runner.TaskContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * An ACL of a network device as the enforcement engine sees it; an empty intent means the ACL
 * should not exist (rolling back to the revision before portpush created it).
 */
final class AclObject extends CliEnforceable<DeviceAcl> {
    private final AclDriver driver;
    private final String name;
    private final Optional<AclIntent> intent;
    private final AclStrategy strategy;

    /** The playbook's {@code traffic_check:}; empty: a soak only reports. */
    private final Optional<io.portpush.core.change.TrafficCheck.Rule> trafficRule;

    @Override
    public Optional<io.portpush.core.change.TrafficCheck.Rule> trafficRule() {
        return trafficRule;
    }

    /**
     * The device's counters for {@code state}'s entries; each entry takes the flow of the intent's
     * entry it equals (origins are not on the device), else of one with the same action, protocol
     * and destination ports; the intent's default entry is the default, and without an equal
     * intent entry a trailing {@code deny ip any any} is.
     */
    @Override
    public List<io.portpush.core.change.TrafficCheck.Counter> counters(TaskContext ctx, Optional<DeviceAcl> state) {
        if (state.isEmpty()) {
            return List.of();
        }
        return label(state.get().entries(), driver.counters(ctx.session(), state.get()), intent);
    }

    /** Counters beside entries, labelled with the flow each is for (shared with host firewalls). */
    static List<io.portpush.core.change.TrafficCheck.Counter> label(List<io.portpush.core.policy.AclEntry> entries, List<Long> hits,
                                                                   Optional<AclIntent> intent) {
        if (hits.isEmpty()) {
            return List.of();
        }
        List<io.portpush.core.policy.AclEntry> wanted = intent.map(i -> io.portpush.core.policy.AclEntries.flatten(i.entries())).orElse(List.of());
        List<io.portpush.core.change.TrafficCheck.Counter> out = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            io.portpush.core.policy.AclEntry e = entries.get(k);
            // the device keeps no origins: an equal intent entry names the flow, else one for the same service (the list
            // before the change may hold the flow with other addresses)
            String origin = wanted.stream().filter(w -> io.portpush.core.policy.AclEntries.sameEntries(List.of(w), List.of(e)))
                    .map(io.portpush.core.policy.AclEntry::origin).findFirst()
                    .orElseGet(() -> wanted.stream().filter(w -> !w.origin().equals("default") && w.action() == e.action()
                                    && w.protocol().equals(e.protocol()) && w.destinationPorts().equals(e.destinationPorts())
                                    && !e.destinationPorts().equals(io.portpush.core.policy.PortMatch.ANY))
                            .map(io.portpush.core.policy.AclEntry::origin).findFirst().orElse(""));
            boolean isDefault = origin.equals("default") || origin.isEmpty() && k == entries.size() - 1
                    && e.action() == io.portpush.core.policy.Action.DENY && e.source().equals(io.portpush.core.policy.AddressSet.ANY)
                    && e.destination().equals(io.portpush.core.policy.AddressSet.ANY) && e.protocol().equals("ip");
            out.add(new io.portpush.core.change.TrafficCheck.Counter(e.describe(), isDefault || origin.equals("literal") ? "" : origin, isDefault,
                    k < hits.size() ? hits.get(k) : -1));
        }
        return out;
    }

    AclObject(AclDriver driver, String name, Optional<AclIntent> intent, AclStrategy strategy) {
        this(driver, name, intent, strategy, Optional.empty());
    }

    AclObject(AclDriver driver, String name, Optional<AclIntent> intent, AclStrategy strategy,
              Optional<io.portpush.core.change.TrafficCheck.Rule> trafficRule) {
        this.driver = driver;
        this.name = name;
        this.intent = intent;
        this.strategy = strategy;
        this.trafficRule = trafficRule;
    }

    @Override
    public String object() {
        return "acl/" + name;
    }

    @Override
    public Optional<DeviceAcl> read(TaskContext ctx) {
        return driver.read(ctx.session(), name);
    }

    @Override
    public List<String> differences(Optional<DeviceAcl> device) {
        if (intent.isEmpty()) {
            return device.isPresent() ? List.of("the ACL " + name + " is still on the device") : List.of();
        }
        return AclModule.verify(device, intent.get());
    }

    @Override
    public boolean same(Optional<DeviceAcl> a, Optional<DeviceAcl> b) {
        return sameAcl(a, b);
    }

    static boolean sameAcl(Optional<DeviceAcl> a, Optional<DeviceAcl> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return AclEntries.sameEntries(a.get().entries(), b.get().entries())
                && new HashSet<>(a.get().bindings()).equals(new HashSet<>(b.get().bindings()));
    }

    @Override
    public ChangePlan plan(TaskContext ctx, Optional<DeviceAcl> current) {
        if (intent.isEmpty()) {
            return ChangePlan.lines(current.isEmpty() ? List.of() : driver.restore(current, Optional.empty(), name, ctx.templates()));
        }
        // planning renders templates: only a run that may change the device gets here
        return ChangePlan.lines(driver.plan(current, intent.get(), ctx.templates(), strategy));
    }

    @Override
    public ChangePlan restore(TaskContext ctx, Optional<DeviceAcl> now, Optional<DeviceAcl> before) {
        List<String> back = new ArrayList<>(same(now, before) ? List.of() : driver.restore(now, before, name, ctx.templates()));
        // a swap may have left its temporary list behind
        back.addAll(driver.cleanup(name));
        return ChangePlan.lines(back);
    }

    /**
     * From the intended list (as the device will hold it: the intent's entries and bindings) back
     * to {@code before}, as a restore after a failed change would go, temporary lists cleared.
     */
    @Override
    public ChangePlan undo(TaskContext ctx, Optional<DeviceAcl> before) {
        Optional<DeviceAcl> after = intent.map(i -> new DeviceAcl(name, io.portpush.core.policy.AclEntries.flatten(i.entries()), i.bindings(), ""));
        return restore(ctx, after, before);
    }

    @Override
    public String text(Optional<DeviceAcl> state) {
        return state.map(DeviceAcl::text).orElse("");
    }

    @Override
    public String intendedText(TaskContext ctx) {
        return intent.map(i -> driver.render(i, ctx.templates())).orElse("");
    }

    @Override
    public String record(TaskContext ctx, Optional<DeviceAcl> state) {
        return state.map(b -> AclJson.write(ctx.platform(), name, b.entries(), b.bindings())).orElse(AclJson.absent(ctx.platform(), name));
    }

    @Override
    public List<String> meaning(TaskContext ctx, Optional<DeviceAcl> before) {
        return AclMeanings.of(ctx, before, intent);
    }

    @Override
    public String inSync() {
        return intent.map(i -> name + ": the device already enforces the intent (" + AclEntries.flatten(i.entries()).size() + " entries, "
                + i.bindings().size() + " bindings)").orElse(name + " is already absent, as in the chosen revision");
    }
}
