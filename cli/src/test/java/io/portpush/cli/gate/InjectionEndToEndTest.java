package io.portpush.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.cli.LabHosts;
import io.portpush.core.wire.LineGate;
import io.portpush.core.wire.LineRules;
import io.portpush.lab.CommandLog;
import io.portpush.lab.LabDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value can never add a line to a device: each way a variable reaches a task (inventory
 * group_vars, -e, vars_files, a registered device answer, set_fact) carries a line break and a
 * second command; the lab's command log of every platform proves that nothing past the gate
 * arrived, the run fails, and the message names the variable and where it was set.
 */
class InjectionEndToEndTest {
    @TempDir
    Path dir;
    LabHosts lab;
    LabDevice r1;
    LabDevice fw1;
    LabDevice mx1;

    @BeforeEach
    void lab() throws Exception {
        lab = LabHosts.start(dir, "r1:cisco_ios", "fw1:cisco_asa", "mx1:juniper_junos");
        r1 = lab.get("r1");
        fw1 = lab.get("fw1");
        mx1 = lab.get("mx1");
        Path inv = dir.resolve("inv");
        Files.createDirectories(inv.resolve("group_vars"));
        Files.writeString(inv.resolve("hosts.yml"), """
                all:
                  vars: { %s, roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }
                  children:
                    edge:
                      hosts:
                        %s
                        %s
                        %s
                """.formatted(LabHosts.CREDENTIALS, lab.host("r1", "edge_if: GigabitEthernet1"), lab.host("fw1", "edge_if: outside"),
                lab.host("mx1", "edge_if: ge-0/0/0.0")));
        Files.writeString(inv.resolve("group_vars/all.yml"), """
                ntp: 192.0.2.1
                rmk: "x\\nclear configure access-list EDGE"
                """);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    private Path playbook(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String acl(String remark) {
        return """
                - hosts: edge
                  tasks:
                    - name: edge acl
                      acl:
                        name: EDGE
                        bind: [{ interface: "{{ edge_if }}", direction: in }]
                        rules:
                          - permit: { protocol: tcp, source: 10.30.0.0/24, destination: 10.10.1.10/32, ports: [22], remark: "%s" }
                """.formatted(remark);
    }

    /** Nothing a device logged could have come from the injected value, and every line it got passes the gate. */
    private void assertNothingInjected(String marker) {
        for (LabDevice d : List.of(r1, fw1, mx1)) {
            List<CommandLog.Entry> log = d.log().entries();
            assertThat(log).as(d.name()).noneMatch(e -> e.line().contains(marker));
            assertThat(log).as(d.name() + " config lines").noneMatch(CommandLog.Entry::configMode);
            assertThat(log).as(d.name()).allMatch(e -> LineGate.check(e.line(), LineRules.ANY).isEmpty());
        }
    }

    @Test
    void aLineBreakInGroupVarsNeverReachesAnyPlatform() throws Exception {
        CliRun r = run("run", playbook("a.yml", acl("{{ rmk }}")).toString(), "-i", dir.resolve("inv").toString());
        // found for every host before any connection: one problem, naming the three hosts
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains("[hosts r1, fw1, mx1]")
                .contains("LF (U+000A) at column 2 ends a line")
                .contains("variable 'rmk', set in " + dir.resolve("inv/group_vars/all.yml") + ":2")
                .contains("x\\nclear configure access-list EDGE");
        assertThat(r.out()).doesNotContain("changed:").doesNotContain("TASK");
        assertNothingInjected("clear configure");
        assertThat(fw1.personality().savedConfig()).doesNotContain("EDGE");
    }

    @Test
    void aCarriageReturnInExtraVarsIsRefusedAndNamed() throws Exception {
        CliRun r = run("run", playbook("a.yml", acl("{{ rmk }}")).toString(), "-i", dir.resolve("inv").toString(),
                "-e", "{\"rmk\": \"x\\rend\\rwrite erase\"}");
        assertThat(r.code()).as(r.out()).isEqualTo(5);
        assertThat(r.err()).contains("CR (U+000D)").contains("variable 'rmk', set in the extra vars (-e)");
        assertNothingInjected("write erase");
        assertNothingInjected("end");
    }

    @Test
    void aVarsFileAndASetFactAreCaughtToo() throws Exception {
        Files.writeString(dir.resolve("evil.yml"), "desc: \"uplink\\u001b[2Jno ip routing\"\n");
        CliRun files = run("run", playbook("f.yml", """
                - hosts: r1
                  vars_files: [evil.yml]
                  tasks:
                    - config: { lines: ["description {{ desc }}"], parents: ["interface GigabitEthernet1"] }
                """).toString(), "-i", dir.resolve("inv").toString());
        assertThat(files.code()).as(files.out()).isEqualTo(5);
        assertThat(files.err()).contains("ESC (U+001B)").contains("variable 'desc', set in vars file " + dir.resolve("evil.yml"));
        CliRun fact = run("run", playbook("s.yml", """
                - hosts: fw1
                  tasks:
                    - set_fact: { tail: "ok\\nclear configure all" }
                    - config: { lines: ["names", "name 10.0.0.1 {{ tail }}"] }
                """).toString(), "-i", dir.resolve("inv").toString());
        assertThat(fact.code()).as(fact.out()).isEqualTo(2);
        assertThat(fact.out()).contains("variable 'tail', set in a fact registered by the task at " + dir.resolve("s.yml") + ":3");
        assertNothingInjected("no ip routing");
        assertNothingInjected("clear configure");
    }

    @Test
    void aRegisteredDeviceAnswerCannotBecomeCommands() throws Exception {
        CliRun r = run("run", playbook("r.yml", """
                - hosts: r1
                  tasks:
                    - command: show ip interface brief
                      register: out
                    - config: { lines: ["description {{ out.stdout }}"], parents: ["interface GigabitEthernet1"] }
                """).toString(), "-i", dir.resolve("inv").toString());
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("variable 'out', set in a fact registered by the task at " + dir.resolve("r.yml") + ":3");
        assertThat(r1.log().entries()).noneMatch(CommandLog.Entry::configMode);
    }

    @Test
    void aBrokenTemplateIsRefusedBeforeAnyConnection() throws Exception {
        CliRun r = run("run", playbook("b.yml", """
                - hosts: r1
                  tasks:
                    - config: { lines: ["description {{ inventory_hostname uplink"], parents: ["interface GigabitEthernet1"] }
                """).toString(), "-i", dir.resolve("inv").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains(dir.resolve("b.yml") + ":3").contains("'{{' is never closed").contains("column 13");
        assertThat(r1.log().entries()).isEmpty();
    }

    @Test
    void aBrokenProjectTemplateFileIsRefusedWithItsLine() throws Exception {
        Path t = dir.resolve("templates/cisco_ios");
        Files.createDirectories(t);
        Files.writeString(t.resolve("acl.j2"), "ip access-list extended {{ acl.name }}\n{% for l in acl.lines %}\n {{ l.seq }\n{% endfor %}\n");
        CliRun r = run("run", playbook("a.yml", acl("jump host")).toString(), "-i", dir.resolve("inv").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains(t.resolve("acl.j2") + ":3").contains("never closed");
        assertThat(r1.log().entries()).isEmpty();
    }

    @Test
    void aLimitOrPatternThatNamesNothingFailsBeforeConnecting() throws Exception {
        Path pb = playbook("a.yml", acl("jump host"));
        CliRun typo = run("run", pb.toString(), "-i", dir.resolve("inv").toString(), "-l", "r11");
        assertThat(typo.code()).as(typo.out() + typo.err()).isEqualTo(6);
        assertThat(typo.err()).contains("--limit 'r11' names 'r11'").contains("did you mean r1?");
        CliRun exclusion = run("run", pb.toString(), "-i", dir.resolve("inv").toString(), "-l", "edge:!nosuch");
        assertThat(exclusion.code()).isEqualTo(6);
        assertThat(exclusion.err()).contains("'nosuch'");
        CliRun nothing = run("run", pb.toString(), "-i", dir.resolve("inv").toString(), "-l", "ungrouped");
        assertThat(nothing.code()).isEqualTo(6);
        assertThat(nothing.err()).contains("no host matches");
        CliRun allowed = run("run", pb.toString(), "-i", dir.resolve("inv").toString(), "-l", "ungrouped", "--allow-empty");
        assertThat(allowed.code()).as(allowed.out() + allowed.err()).isZero();
        assertThat(allowed.out()).contains("skipped");
        for (LabDevice d : List.of(r1, fw1, mx1)) {
            assertThat(d.log().entries()).as(d.name()).isEmpty();
        }
    }

    @Test
    void aQuestionMarkOrAnOverlongRemarkIsRefusedByThePlatformRules() throws Exception {
        CliRun q = run("run", playbook("q.yml", acl("is this ok?")).toString(), "-i", dir.resolve("inv").toString(), "-l", "r1");
        assertThat(q.code()).as(q.out()).isEqualTo(2);
        assertThat(q.out()).contains("'?' (U+003F)").contains("makes the IOS CLI print help");
        assertThat(r1.log().entries()).noneMatch(e -> e.line().contains("is this ok"));
        // the whole change is checked before its first line: the device never entered configuration mode
        assertThat(r1.log().entries()).noneMatch(CommandLog.Entry::configMode);
        CliRun longRemark = run("run", playbook("l.yml", acl("r".repeat(120))).toString(), "-i", dir.resolve("inv").toString(),
                "-l", "fw1");
        assertThat(longRemark.code()).as(longRemark.out()).isEqualTo(2);
        assertThat(longRemark.out()).contains("remark of 129 characters").contains("at most 100");
        assertThat(fw1.personality().savedConfig()).doesNotContain("access-list EDGE");
        assertThat(fw1.log().entries()).noneMatch(CommandLog.Entry::configMode);
    }
}
