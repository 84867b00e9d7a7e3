package io.portpush.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.cli.LabHosts;
import io.portpush.lab.LabDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in task arguments are found for every host before the first connection, all at once,
 * each at the file and line that holds it (the playbook, or the group_vars file of a role), with
 * a did-you-mean for typos; nothing reaches a device.
 */
class ValidationBeforeConnectingTest {
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
        Path inv = dir.resolve("inv");
        Files.createDirectories(inv.resolve("group_vars"));
        Files.writeString(inv.resolve("hosts.yml"), """
                all:
                  vars: { %s }
                  hosts:
                    %s
                    %s
                """.formatted(LabHosts.CREDENTIALS, lab.host("r1", ""), lab.host("fw1", "")));
        Files.writeString(inv.resolve("group_vars/all.yml"), """
                roles:
                  imp-node: [10.10.1.0/24]
                  xmpp-client: [198.51.100.0/33]
                """);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private CliRun run(String playbook) throws Exception {
        Path p = dir.resolve("p.yml");
        Files.writeString(p, playbook);
        return CliRun.inState(dir.resolve("state"), "run", p.toString(), "-i", dir.resolve("inv").toString());
    }

    @Test
    void everyProblemOfEveryTaskIsReportedAtOnceBeforeConnecting() throws Exception {
        CliRun r = run("""
                - hosts: all
                  tasks:
                    - name: typo in an argument
                      acl: { name: A1, defualt: deny, rules: [{ permit: [xcp.client-access] }] }
                    - name: typo in a rule
                      acl: { name: A2, rules: [{ permitt: [xcp.client-access] }] }
                    - name: unknown strategy
                      acl: { name: A3, strategy: swapp, rules: [{ permit: [xcp.client-access] }] }
                    - name: bad dscp
                      qos: { name: Q1, classes: [{ name: C1, match: [xcp.client-access], dscp: cs9 }] }
                    - name: config without lines
                      config: { parents: [interface GigabitEthernet1] }
                """);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        Path p = dir.resolve("p.yml");
        assertThat(r.err())
                .contains(p + ":3: acl.defualt: unknown argument 'defualt' of module acl (did you mean default?)")
                .contains(p + ":5: acl.rules[0].permitt: unknown rule key 'permitt' (did you mean permit?)")
                .contains(p + ":7: acl.strategy: strategy is swap or in-place or replace, not 'swapp' (did you mean swap?)")
                .contains(p + ":11: config.lines: give lines or src")
                .contains("[hosts r1, fw1]");
        assertThat(r.out()).doesNotContain("TASK");
        assertThat(r1.log().entries()).isEmpty();
        assertThat(fw1.log().entries()).isEmpty();
    }

    @Test
    void aStrategyTheHostsPlatformDoesNotDeclareIsRefusedForThatHostOnly() throws Exception {
        Files.writeString(dir.resolve("inv/group_vars/all.yml"), "roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] }\n");
        CliRun r = run("""
                - hosts: all
                  tasks:
                    - acl: { name: EDGE, strategy: in-place, rules: [{ permit: [xcp.client-access] }] }
                """);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        // the ASA replaces a list by swapping it: in-place is IOS's, and is not silently ignored on the ASA
        assertThat(r.err()).contains(dir.resolve("p.yml") + ":3: acl.strategy: cisco_asa (host fw1) does not support strategy in-place;"
                + " it supports swap").doesNotContain("host r1");
        assertThat(r1.log().entries()).isEmpty();
        assertThat(fw1.log().entries()).isEmpty();
    }

    @Test
    void aBadRoleAddressIsReportedWhereTheRoleIsDefined() throws Exception {
        CliRun r = run("""
                - hosts: r1
                  tasks:
                    - acl: { name: EDGE, rules: [{ permit: [xcp.client-access] }] }
                """);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains(dir.resolve("inv/group_vars/all.yml") + ":1: roles.xmpp-client:").contains("198.51.100.0/33")
                .contains("used by the task at " + dir.resolve("p.yml") + ":3");
        assertThat(r1.log().entries()).isEmpty();
    }

    @Test
    void valuesOnlyTheRunProducesAreLeftToTheRun() throws Exception {
        Files.writeString(dir.resolve("inv/group_vars/all.yml"), "roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] }\n");
        CliRun r = run("""
                - hosts: r1
                  tasks:
                    - command: show version
                      register: v
                    - name: uses a registered value
                      config: { lines: ["description {{ v.stdout_lines[0][0] | default('x') | replace(' ', '-') }}"], parents: [interface GigabitEthernet1] }
                      when: v is defined
                """);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("changed: [r1]");
    }
}
