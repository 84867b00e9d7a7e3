package io.portpush.platform.ios;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.template.TemplateEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IOS change plans: a new list, the swap through a temporary list, in-place sequence edits. */
class IosPlanTest {
    private static final TemplateEngine TEMPLATES = new TemplateEngine(List.of());
    private static final Binding GI1_IN = new Binding("GigabitEthernet1", Binding.Direction.IN);

    private static AclEntry permit(int port) {
        return new AclEntry(Action.PERMIT, "tcp", AddressSet.parse(List.of("198.51.100.0/24")), PortMatch.ANY,
                AddressSet.parse(List.of("10.10.1.0/24")), PortMatch.of(port), false, false, "flow" + port);
    }

    private static DeviceAcl current(String running) {
        IosAclParser.Running r = IosAclParser.runningConfig(running);
        // as the driver reads it: entries with their sequence numbers
        List<IosAclParser.Line> lines = r.acls().get("EDGE").stream().filter(l -> !l.remark()).toList();
        return new DeviceAcl("EDGE", lines.stream().map(IosAclParser.Line::entry).toList(), r.bindings().getOrDefault("EDGE", List.of()),
                running, lines.stream().map(IosAclParser.Line::seq).toList(), List.of());
    }

    private static final String RUNNING = """
            ip access-list extended EDGE
             10 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222
             20 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5223
            !
            interface GigabitEthernet1
             ip access-group EDGE in
            """;

    @Test
    void aNewListIsBuiltThenBound() {
        AclIntent intent = new AclIntent("EDGE", List.of(permit(5222)), List.of(GI1_IN), false);
        List<String> plan = new IosAclDriver().plan(Optional.empty(), intent, TEMPLATES, io.portpush.core.platform.AclStrategy.SWAP);
        assertThat(plan.get(0)).isEqualTo("ip access-list extended EDGE");
        assertThat(plan).contains(" 20 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222");
        assertThat(plan.subList(plan.size() - 3, plan.size())).containsExactly("interface GigabitEthernet1", " ip access-group EDGE in", "exit");
    }

    @Test
    void theSameEntriesNeedNoLines() {
        AclIntent intent = new AclIntent("EDGE", List.of(permit(5222), permit(5223)), List.of(GI1_IN), false);
        assertThat(new IosAclDriver().plan(Optional.of(current(RUNNING)), intent, TEMPLATES, io.portpush.core.platform.AclStrategy.SWAP)).isEmpty();
        AclIntent unbound = new AclIntent("EDGE", List.of(permit(5222), permit(5223)), List.of(), false);
        assertThat(new IosAclDriver().plan(Optional.of(current(RUNNING)), unbound, TEMPLATES, io.portpush.core.platform.AclStrategy.SWAP))
                .containsExactly("interface GigabitEthernet1", " no ip access-group EDGE in", "exit");
    }

    @Test
    void aSwapKeepsTheInterfaceFilteredAtEveryStep() {
        AclIntent intent = new AclIntent("EDGE", List.of(permit(5222), permit(5061)), List.of(GI1_IN), false);
        List<String> plan = new IosAclDriver().plan(Optional.of(current(RUNNING)), intent, TEMPLATES, io.portpush.core.platform.AclStrategy.SWAP);
        int clearTmp = plan.indexOf("no ip access-list extended EDGE-PORTPUSH-NEW");
        int buildTmp = plan.indexOf("ip access-list extended EDGE-PORTPUSH-NEW");
        int bindTmp = plan.indexOf(" ip access-group EDGE-PORTPUSH-NEW in");
        int dropOld = plan.indexOf("no ip access-list extended EDGE");
        int rebuild = plan.indexOf("ip access-list extended EDGE");
        int rebind = plan.indexOf(" ip access-group EDGE in");
        int dropTmp = plan.lastIndexOf("no ip access-list extended EDGE-PORTPUSH-NEW");
        assertThat(List.of(clearTmp, buildTmp, bindTmp, dropOld, rebuild, rebind, dropTmp)).isSorted().doesNotHaveDuplicates();
        assertThat(clearTmp).isZero();
        assertThat(dropTmp).isEqualTo(plan.size() - 1);
        assertThat(plan).contains(" 40 permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5061");
    }

    @Test
    void inPlaceEditsInsertBeforeTheyDeleteAndKeepNumbers() {
        AclIntent intent = new AclIntent("EDGE", List.of(permit(5222), permit(5061), permit(5223)), List.of(GI1_IN), false);
        List<String> plan = new IosAclDriver().plan(Optional.of(current(RUNNING)), intent, TEMPLATES, io.portpush.core.platform.AclStrategy.IN_PLACE);
        assertThat(plan).contains("ip access-list extended EDGE").doesNotContain("ip access-list extended EDGE-PORTPUSH-NEW");
        assertThat(plan).anyMatch(l -> l.matches(" 1[1-9] permit tcp 198\\.51\\.100\\.0 0\\.0\\.0\\.255 10\\.10\\.1\\.0 0\\.0\\.0\\.255 eq 5061"));
        assertThat(plan).noneMatch(l -> l.startsWith(" no 10") || l.startsWith(" no 20"));
        AclIntent fewer = new AclIntent("EDGE", List.of(permit(5223)), List.of(GI1_IN), false);
        List<String> delete = new IosAclDriver().plan(Optional.of(current(RUNNING)), fewer, TEMPLATES, io.portpush.core.platform.AclStrategy.IN_PLACE);
        assertThat(delete).contains(" no 10").noneMatch(l -> l.startsWith(" no 20"));
    }
}
