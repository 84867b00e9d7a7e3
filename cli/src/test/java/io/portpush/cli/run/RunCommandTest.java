package io.portpush.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.lab.CommandLog;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import io.portpush.cli.CliRun;
import io.portpush.cli.PortpushCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: the real CLI, over real SSH, against lab devices of each platform. */
class RunCommandTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice r2;
    LabDevice fw1;
    LabDevice mx1;


    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
        r2 = fleet.start(DeviceSpec.of("r2", "cisco_ios"));
        fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
        mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private Path inventory() throws Exception {
        Path inv = dir.resolve("inv.yml");
        Files.writeString(inv, """
                all:
                  vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: labpw-K7q2Xz9, ansible_become_password: labenable-R4t8Wn, who: group_vars }
                  children:
                    routers:
                      vars: { ansible_network_os: cisco.ios.ios }
                      hosts:
                        r1: { ansible_port: %d }
                        r2: { ansible_port: %d }
                    firewalls:
                      vars: { ansible_network_os: cisco.asa.asa }
                      hosts:
                        fw1: { ansible_port: %d }
                    junos:
                      vars: { ansible_network_os: junipernetworks.junos.junos }
                      hosts:
                        mx1: { ansible_port: %d }
                """.formatted(r1.port(), r2.port(), fw1.port(), mx1.port()));
        return inv;
    }

    private Path playbook(String text) throws Exception {
        Path p = dir.resolve("play.yml");
        Files.writeString(p, text);
        return p;
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    private static final String CONFIG_PLAY = """
            - name: acl line
              hosts: all
              tasks:
                - name: push
                  config:
                    lines:
                      - "{{ 'set firewall family inet filter T term t then accept' if portpush_platform == 'juniper_junos' else ('access-list T extended permit tcp any any eq 5222' if portpush_platform == 'cisco_asa' else 'access-list 101 permit tcp any any eq 5222') }}"
            """;

    private static long configLines(CommandLog log) {
        return log.entries().stream().filter(CommandLog.Entry::configMode).count();
    }

    @Test
    void configIsPushedToEveryPlatformThenIdempotent() throws Exception {
        Path inv = inventory();
        Path play = playbook(CONFIG_PLAY);
        CliRun first = run("run", play.toString(), "-i", inv.toString());
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("changed: [r1]", "changed: [r2]", "changed: [fw1]", "changed: [mx1]")
                .containsPattern("r1 +: ok=1 +changed=1 +unreachable=0 +failed=0");
        assertThat(r1.personality().savedConfig()).contains("access-list 101 permit tcp any any eq 5222");
        assertThat(fw1.personality().savedConfig()).contains("access-list T extended permit tcp any any eq 5222");
        assertThat(mx1.personality().savedConfig()).contains("set firewall family inet filter T term t then accept");
        CliRun second = run("run", play.toString(), "-i", inv.toString());
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("ok: [r1]", "ok: [fw1]", "ok: [mx1]").doesNotContain("changed: [");
    }

    @Test
    void checkModeReadsButSendsNoConfigurationCommand() throws Exception {
        Path inv = inventory();
        CliRun r = run("run", playbook(CONFIG_PLAY).toString(), "-i", inv.toString(), "--check", "--diff", "-v");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("changed: [r1]", "+access-list 101 permit tcp any any eq 5222", "commands (not sent):",
                "Check mode: no command that changes a device was sent.");
        for (LabDevice d : fleet.devices()) {
            assertThat(configLines(d.log())).as(d.name()).isZero();
            assertThat(d.log().entries()).extracting(CommandLog.Entry::line).noneMatch(l -> l.startsWith("conf"));
        }
        assertThat(r1.personality().savedConfig()).doesNotContain("access-list 101");
    }

    @Test
    void iniInventoryPatternsAndVariablePrecedence() throws Exception {
        Path ini = dir.resolve("hosts");
        Files.writeString(ini, """
                [routers]
                r1 ansible_host=127.0.0.1 ansible_port=%d
                r2 ansible_host=127.0.0.1 ansible_port=%d who=host

                [routers:vars]
                ansible_network_os=cisco.ios.ios
                ansible_user=admin
                ansible_password=labpw-K7q2Xz9
                ansible_become_password=labenable-R4t8Wn
                who=group
                """.formatted(r1.port(), r2.port()));
        Path play = playbook("""
                - hosts: routers:!r2
                  vars: { who: play }
                  tasks:
                    - debug: { msg: "who={{ who }}" }
                    - debug: { msg: "task={{ who }}" }
                      vars: { who: task }
                - hosts: r2
                  tasks:
                    - debug: { msg: "who={{ who }}" }
                """);
        CliRun r = run("run", play.toString(), "-i", ini.toString());
        assertThat(r.out()).contains("ok: [r1] => who=play", "ok: [r1] => task=task", "ok: [r2] => who=host")
                .doesNotContain("[r2] => who=play");
        CliRun extra = run("run", play.toString(), "-i", ini.toString(), "-e", "who=extra");
        assertThat(extra.out()).contains("ok: [r1] => who=extra", "ok: [r1] => task=extra", "ok: [r2] => who=extra");
    }

    @Test
    void undefinedVariableNamesTheVariableTaskAndLine() throws Exception {
        Path play = playbook("""
                - hosts: r1
                  tasks:
                    - name: uses a typo
                      debug: { msg: "{{ hostnme }}" }
                """);
        CliRun r = run("run", play.toString(), "-i", inventory().toString());
        // found before any connection, with the file and line of the task
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains(play + ":3: [0].tasks[0]: undefined variable 'hostnme' [host r1]");
    }

    @Test
    void unknownHostKeyIsRefusedUntilAcceptedAndAChangedKeyNever() throws Exception {
        Files.delete(dir.resolve("state/known_hosts"));
        Path play = playbook("- hosts: r1\n  tasks:\n    - command: show privilege\n");
        CliRun refused = run("run", play.toString(), "-i", inventory().toString());
        assertThat(refused.code()).isEqualTo(4);
        assertThat(refused.out()).contains("UNREACHABLE!", "is not known", "--accept-new-host-keys");
        CliRun accepted = run("run", play.toString(), "-i", inventory().toString(), "--accept-new-host-keys");
        assertThat(accepted.code()).isZero();
        assertThat(Files.readString(dir.resolve("state/known_hosts"))).contains("[127.0.0.1]:" + r1.port() + " ecdsa-sha2-nistp256 ");
        r1.rotateHostKey();
        CliRun changed = run("run", play.toString(), "-i", inventory().toString(), "--accept-new-host-keys");
        assertThat(changed.code()).isEqualTo(4);
        assertThat(changed.out()).contains("HOST KEY CHANGED", "ssh-keygen -R");
    }

    @Test
    void wrongPasswordIsUnreachableAndNeverPrinted() throws Exception {
        Path inv = dir.resolve("bad.yml");
        Files.writeString(inv, "all:\n  hosts:\n    r1: { ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: admin, ansible_password: Sup3rSecret!, ansible_network_os: ios }\n"
                .formatted(r1.port()));
        CliRun r = run("run", playbook("- hosts: all\n  tasks:\n    - command: show version\n").toString(), "-i", inv.toString(), "--json");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.out()).contains("authentication failed").doesNotContain("Sup3rSecret!");
    }

    @Test
    void oneHostFailsTheOthersGoOnAndJsonTellsItAll() throws Exception {
        r2.faults(Faults.NONE.withRefusedCommand("access-list 101"));
        mx1.faults(Faults.NONE.withCommandLatency(io.portpush.lab.TimeScale.millis(2500)));
        CliRun r = run("run", playbook(CONFIG_PLAY).toString(), "-i", inventory().toString(), "--json", "--timeout",
                String.valueOf(io.portpush.lab.TimeScale.seconds(1)));
        assertThat(r.code()).isEqualTo(2);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode hosts = doc.get("tasks").get(0).get("hosts");
        assertThat(hosts.get("r1").get("status").asText()).isEqualTo("changed");
        assertThat(hosts.get("fw1").get("status").asText()).isEqualTo("changed");
        assertThat(hosts.get("r2").get("status").asText()).isEqualTo("failed");
        assertThat(hosts.get("r2").get("msg").asText()).contains("refused 'access-list 101 permit tcp any any eq 5222'", "% Invalid input");
        assertThat(hosts.get("mx1").get("status").asText()).isEqualTo("failed");
        assertThat(hosts.get("mx1").get("msg").asText()).contains("no prompt within 1000 ms");
        assertThat(doc.get("recap").get("r2").get("failed").asInt()).isEqualTo(1);
        assertThat(doc.get("exit_code").asInt()).isEqualTo(2);
        assertThat(r2.personality().savedConfig()).doesNotContain("access-list 101");
    }

    @Test
    void serialBatchesStopWhenMaxFailPercentageIsPassed() throws Exception {
        r1.faults(Faults.NONE.withRefusedCommand("access-list"));
        Path play = playbook("""
                - hosts: routers:firewalls
                  serial: 1
                  max_fail_percentage: 0
                  tasks:
                    - config: { lines: ["{{ 'access-list T extended permit tcp any any eq 1' if portpush_platform == 'cisco_asa' else 'access-list 101 permit tcp any any eq 1' }}"] }
                """);
        CliRun r = run("run", play.toString(), "-i", inventory().toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("fatal: [r1]", "more than 0% of the batch failed; stopping the play")
                .doesNotContain("[r2]").doesNotContain("[fw1]");
        assertThat(configLines(r2.log())).isZero();
        assertThat(r2.log().entries()).isEmpty();
    }

    @Test
    void tagsSkipTagsStartAtTaskAndExtraVarsFile() throws Exception {
        Path vars = dir.resolve("extra.yml");
        Files.writeString(vars, "greeting: from-file\n");
        Path play = playbook("""
                - hosts: r1
                  tasks:
                    - name: one
                      debug: { msg: "one {{ greeting }}" }
                      tags: [a]
                    - name: two
                      debug: { msg: "two" }
                      tags: [b]
                    - name: three
                      debug: { msg: "three" }
                      tags: [always]
                """);
        CliRun tagged = run("run", play.toString(), "-i", inventory().toString(), "--tags", "a", "-e", "@" + vars);
        assertThat(tagged.out()).contains("one from-file", "three").doesNotContain("=> two");
        CliRun skipped = run("run", play.toString(), "-i", inventory().toString(), "--skip-tags", "a", "-e", "greeting=x");
        assertThat(skipped.out()).contains("=> two", "three").doesNotContain("one x");
        CliRun started = run("run", play.toString(), "-i", inventory().toString(), "--start-at-task", "two", "-e", "greeting=x");
        assertThat(started.out()).contains("TASK [two]", "TASK [three]").doesNotContain("TASK [one]");
    }

    @Test
    void aBastionCarriesTheSessionToTheDevice() throws Exception {
        org.apache.sshd.server.SshServer bastion = org.apache.sshd.server.SshServer.setUpDefaultServer();
        bastion.setHost("127.0.0.1");
        bastion.setPort(0);
        bastion.setKeyPairProvider(new org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider(dir.resolve("bastion.key")));
        java.util.concurrent.atomic.AtomicInteger bastionLogins = new java.util.concurrent.atomic.AtomicInteger();
        // the bastion takes the host's credentials; counting its logins proves the jump was not skipped
        bastion.setPasswordAuthenticator((u, p, s) -> "admin".equals(u) && io.portpush.lab.DeviceSpec.DEFAULT_PASSWORD.equals(p)
                && bastionLogins.incrementAndGet() > 0);
        bastion.setForwardingFilter(org.apache.sshd.server.forward.AcceptAllForwardingFilter.INSTANCE);
        bastion.start();
        try {
            Path inv = dir.resolve("jump.yml");
            Files.writeString(inv, ("all:\n  hosts:\n    r1: { ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: admin, ansible_password: labpw-K7q2Xz9,"
                    + " ansible_become_password: labenable-R4t8Wn, ansible_network_os: ios,"
                    + " ansible_ssh_common_args: '-o ProxyJump=admin@127.0.0.1:%d' }\n").formatted(r1.port(), bastion.getPort()));
            CliRun r = run("run", playbook("- hosts: all\n  tasks:\n    - command: show privilege\n      register: p\n"
                    + "    - assert: { that: [\"'15' in p.stdout[0]\"] }\n").toString(), "-i", inv.toString(), "--accept-new-host-keys");
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(bastionLogins.get()).as("logins through the bastion").isPositive();
            for (int i = 0; i < 50 && !bastion.getActiveSessions().isEmpty(); i++) {
                Thread.sleep(50); // the bastion learns of the disconnect a moment later
            }
            assertThat(bastion.getActiveSessions()).isEmpty();
            assertThat(Files.readString(dir.resolve("state/known_hosts"))).contains("[127.0.0.1]:" + bastion.getPort());
        } finally {
            bastion.stop(true);
        }
    }

    @Test
    void commandOutputIsAlsoRegisteredAsDataWhereAParserExists() throws Exception {
        Path play = playbook("""
                - hosts: r1
                  tasks:
                    - config: { lines: ["access-list 120 permit tcp any host 10.1.1.1 eq 443"] }
                    - command: [show ip access-lists, show version]
                      register: acls
                    - assert:
                        that:
                          - "acls.parsed[0]['120'][0].destination_ports == '443'"
                          - "acls.parsed[1] is none"
                """);
        CliRun r = run("run", play.toString(), "-i", inventory().toString());
        assertThat(r.code()).as(r.out()).isZero();
    }

    @Test
    void aHostThatTakesTooLongFailsWithTheHostTimeoutAndTheOthersFinish() throws Exception {
        mx1.faults(Faults.NONE.withCommandLatency(io.portpush.lab.TimeScale.millis(800)));
        Path play = playbook("""
                - hosts: all
                  tasks:
                    - command: show version
                    - command: show version
                    - command: show version
                """);
        int limit = io.portpush.lab.TimeScale.seconds(2);
        CliRun r = run("run", play.toString(), "-i", inventory().toString(), "--host-timeout", String.valueOf(limit));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("fatal: [mx1]: FAILED! => host timeout: mx1 used its " + limit + " s (--host-timeout)")
                .containsPattern("r1 +: ok=3").containsPattern("fw1 +: ok=3");
    }

    @Test
    void verbosityLevelsShowCommandsAndDeviceAnswersWithoutSecrets() throws Exception {
        Path play = playbook("- hosts: r1\n  tasks:\n    - command: show privilege\n");
        CliRun vv = run("run", play.toString(), "-i", inventory().toString(), "-vv");
        assertThat(vv.out()).contains("[r1] > show privilege").doesNotContain("[r1] < ");
        CliRun vvv = run("run", play.toString(), "-i", inventory().toString(), "-vvv");
        assertThat(vvv.out()).contains("[r1] < Current privilege level is 15").doesNotContain("enable\n  [r1] > enable\n");
    }
}
