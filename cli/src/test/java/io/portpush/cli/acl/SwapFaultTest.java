package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.cli.LabHosts;
import io.portpush.lab.CommandLog;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A swap that fails at each of its risky steps on IOS and ASA (binding the temporary list,
 * deleting the old list, binding the rebuilt list) leaves the device with its previous ACL,
 * bound as before, and no temporary list; a config change is saved only after it is verified.
 */
class SwapFaultTest {
    @TempDir
    Path dir;
    LabHosts lab;
    LabDevice r1;
    LabDevice fw1;

    @BeforeEach
    void lab() throws Exception {
        lab = LabHosts.start(dir, "r1:cisco_ios", "fw1:cisco_asa");
        r1 = lab.get("r1");
        fw1 = lab.get("fw1");
        Files.writeString(dir.resolve("inv.yml"), """
                all:
                  vars: { %s,
                          roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], snmp-manager: [10.30.0.10] } }
                  hosts:
                    %s
                    %s
                """.formatted(LabHosts.CREDENTIALS, lab.host("r1", "edge_if: GigabitEthernet1"), lab.host("fw1", "edge_if: outside")));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private CliRun push(String flows) throws Exception {
        Path p = dir.resolve("acl.yml");
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - acl:
                        name: EDGE
                        bind: [{ interface: "{{ edge_if }}", direction: in }]
                        rules: [{ permit: [%s] }]
                """.formatted(flows));
        return CliRun.inState(dir.resolve("state"), "run", p.toString(), "-i", dir.resolve("inv.yml").toString());
    }

    private static String config(LabDevice d) {
        return d.personality().savedConfig().replaceAll("! Last configuration change.*\n", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"^ ip access-group EDGE-PORTPUSH-NEW in$", "^no ip access-list extended EDGE$", "^ ip access-group EDGE in$"})
    void iosSwapFailingAtEachStepIsTakenBack(String refused) throws Exception {
        assertThat(push("xcp.client-access").code()).isZero();
        String before = config(r1);
        r1.faults(Faults.NONE.withRefusedOnce(refused));
        CliRun r = push("xcp.client-access, snmp.agent");
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("fatal: [r1]").containsPattern("previous state \\(verified\\)|restored.*verified");
        // the log proves the refused step was reached
        assertThat(r1.log().entries()).anyMatch(e -> e.configMode() && e.line().matches(refused.replace("^", "").replace("$", "")));
        r1.faults(Faults.NONE);
        assertThat(config(r1)).isEqualTo(before).doesNotContain("PORTPUSH-NEW").contains(" ip access-group EDGE in\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"^access-group EDGE-PORTPUSH-NEW in interface outside$", "^clear configure access-list EDGE$",
        "^access-group EDGE in interface outside$"})
    void asaSwapFailingAtEachStepIsTakenBack(String refused) throws Exception {
        assertThat(push("xcp.client-access").code()).isZero();
        String before = config(fw1);
        fw1.faults(Faults.NONE.withRefusedOnce(refused));
        CliRun r = push("xcp.client-access, snmp.agent");
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("fatal: [fw1]");
        assertThat(fw1.log().entries()).anyMatch(e -> e.configMode() && e.line().matches(refused.replace("^", "").replace("$", "")));
        fw1.faults(Faults.NONE);
        assertThat(config(fw1)).isEqualTo(before).doesNotContain("PORTPUSH-NEW").contains("access-group EDGE in interface outside");
    }

    @Test
    void aRestoreThatCannotCompleteSaysSoAndNeverClaimsTheOldState() throws Exception {
        assertThat(push("xcp.client-access").code()).isZero();
        // the device keeps refusing the rebinding, during the change and during the restore
        fw1.faults(Faults.NONE.withRefusedCommand("^access-group EDGE in interface outside$"));
        CliRun r = push("xcp.client-access, snmp.agent");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("fatal: [fw1]").contains("COULD NOT RESTORE").contains("--check --diff")
                .doesNotContain("previous state (verified)");
    }

    @Test
    void aConfigChangeIsSavedOnlyOnceTheDeviceShowsIt() throws Exception {
        Path p = dir.resolve("cfg.yml");
        Files.writeString(p, """
                - hosts: r1
                  tasks:
                    - config: { lines: ["permit tcp 10.30.0.0 0.0.0.255 any eq 22"], parents: ["ip access-list extended MGMT"], save: true }
                """);
        // the lab drops the entry without a word, as a device that ignores a line would
        r1.faults(Faults.NONE.withIgnoredLine("eq 22"));
        CliRun ignored = CliRun.inState(dir.resolve("state"), "run", p.toString(), "-i", dir.resolve("inv.yml").toString());
        assertThat(ignored.code()).as(ignored.out()).isEqualTo(2);
        assertThat(ignored.out()).contains("does not show").contains("not saved");
        assertThat(r1.log().entries()).noneMatch(e -> e.line().equals("write memory"));
        r1.faults(Faults.NONE);
        r1.log().clear();
        CliRun ok = CliRun.inState(dir.resolve("state"), "run", p.toString(), "-i", dir.resolve("inv.yml").toString());
        assertThat(ok.code()).as(ok.out()).isZero();
        List<String> log = r1.log().entries().stream().map(CommandLog.Entry::line).toList();
        int readBack = log.lastIndexOf("show running-config");
        assertThat(log.indexOf("write memory")).as("saved after the read-back in %s", log).isGreaterThan(readBack).isPositive();
    }
}
