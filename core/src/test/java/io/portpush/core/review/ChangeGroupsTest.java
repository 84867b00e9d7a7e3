package io.portpush.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.runner.Status;
import io.portpush.core.runner.TaskResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeGroupsTest {
    private static TaskResult change(String host, String iface, String extra) {
        String diff = "--- a/" + host + "/acl/EDGE\n+++ b/" + host + "/acl/EDGE\n+ip access-list extended EDGE\n+ 10 permit tcp any any eq 5222\n" + extra
                + "+interface " + iface + "\n+ ip access-group EDGE in\n";
        return new TaskResult(Status.CHANGED, "applied", Map.of("meaning", List.of("opens tcp any -> any:5222")), diff,
                List.of("ip access-list extended EDGE", " 10 permit tcp any any eq 5222", "interface " + iface, " ip access-group EDGE in"));
    }

    @Test
    void theSameChangeOnManyHostsIsOneGroupAndTheOnesThatDifferComeFirst() {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        Map<String, Map<String, Object>> vars = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            String iface = i == 3 ? "GigabitEthernet2" : "GigabitEthernet1";
            results.put("r" + i, change("r" + i, iface, ""));
            vars.put("r" + i, Map.of("edge_interface", iface, "site", "lab", "ansible_host", "10.0.0." + i));
        }
        // a hand-made entry on r4: a change of its own
        results.put("r4", change("r4", "GigabitEthernet1", "+ 20 permit ip host 192.0.2.9 any\n"));
        results.put("r6", new TaskResult(Status.UNREACHABLE, "timeout", Map.of(), "", List.of()));
        results.put("r7", TaskResult.ok("in sync", Map.of()));
        vars.put("r6", Map.of());
        vars.put("r7", Map.of("edge_interface", "GigabitEthernet1"));

        List<ChangeGroups.Group> groups = ChangeGroups.of(results, h -> vars.getOrDefault(h, Map.of()));
        assertThat(groups).extracting(ChangeGroups.Group::hosts).containsExactly(List.of("r6"), List.of("r4"), List.of("r1", "r2", "r3", "r5"));
        ChangeGroups.Group shared = groups.get(2);
        // the interface differs by host: the group shows the variable, not one host's value
        assertThat(shared.diff()).contains("--- a/{{ inventory_hostname }}/acl/EDGE", "+interface {{ edge_interface }}")
                .doesNotContain("GigabitEthernet");
        assertThat(shared.commands()).contains("interface {{ edge_interface }}");
        assertThat(shared.meaning()).containsExactly("opens tcp any -> any:5222");
        // a one-host group keeps its own text
        assertThat(groups.get(1).diff()).contains("--- a/r4/acl/EDGE", "+interface GigabitEthernet1", "192.0.2.9");
        assertThat(groups.get(0).status()).isEqualTo(Status.UNREACHABLE);
    }

    @Test
    void eachGroupSaysWhatItAddsAndRemovesAndWhichFlowsBeforeAnyLine() {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        String diff = "--- a/r1/acl/EDGE\n+++ b/r1/acl/EDGE\n@@ -1,2 +1,2 @@\n ip access-list extended EDGE\n- 10 permit ip any any\n+ 10 permit tcp any any eq 5222\n+ 20 deny ip any any\n";
        results.put("r1", new TaskResult(Status.CHANGED, "applied", Map.of("flows", List.of("xcp.client-access"), "lint",
                List.of("entry 30 is shadowed by entry 10")), diff, List.of("x")));
        ChangeGroups.Group g = ChangeGroups.of(results, h -> Map.of()).get(0);
        assertThat(g.facts()).containsExactly("2 lines added, 1 line removed", "catalogue flows: xcp.client-access",
                "lint: 1 finding: entry 30 is shadowed by entry 10");
    }

    @Test
    void aSharedGroupKeepsEachHostsOwnValuesOfTheVariablesItNames() {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        Map<String, Map<String, Object>> vars = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            results.put("r" + i, change("r" + i, "GigabitEthernet" + i, ""));
            // site differs too but the text never names it: it is not one of the group's values
            vars.put("r" + i, Map.of("edge_interface", "GigabitEthernet" + i, "site", "site-" + i));
        }
        ChangeGroups.Group g = ChangeGroups.of(results, vars::get).get(0);
        assertThat(g.hosts()).hasSize(3);
        assertThat(g.values()).containsEntry("r2", Map.of("edge_interface", "GigabitEthernet2"));
    }

    @Test
    void valuesAreReplacedAsWholeWordsOnly() {
        assertThat(ChangeGroups.normalise("interface Gi1\n description to-Gi10\n Gi1.100", "r1", Map.of("edge", "Gi1")))
                .isEqualTo("interface {{ edge }}\n description to-Gi10\n Gi1.100");
        assertThat(ChangeGroups.normalise("--- r1/acl/X r10", "r1", Map.of())).isEqualTo("--- {{ inventory_hostname }}/acl/X r10");
    }

    @Test
    void aGroupNeverMixesPlatforms() {
        Map<String, TaskResult> results = new LinkedHashMap<>();
        results.put("sw1", change("sw1", "Ethernet1", ""));
        results.put("nx1", change("nx1", "Ethernet1", ""));
        Map<String, Map<String, Object>> vars = Map.of("sw1", Map.of("ansible_network_os", "arista.eos.eos"),
                "nx1", Map.of("ansible_network_os", "cisco.nxos.nxos"));
        assertThat(ChangeGroups.of(results, vars::get)).hasSize(2);
    }
}
