package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.cli.CliRun;
import io.portpush.cli.PortpushCommand;
import io.portpush.lab.CommandLog;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
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

/** The acl module end to end: the CLI, real SSH, lab devices of each platform, faults. */
class AclEndToEndTest {
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;
    LabDevice fw1;
    LabDevice mx1;


    @BeforeEach
    void lab() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
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
                  vars:
                    ansible_host: 127.0.0.1
                    ansible_user: admin
                    ansible_password: labpw-K7q2Xz9
                    ansible_become_password: labenable-R4t8Wn
                    roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], sip-gateway: [192.0.2.0/28] }
                  hosts:
                    r1: { ansible_port: %d, ansible_network_os: cisco.ios.ios, edge_if: GigabitEthernet1 }
                    fw1: { ansible_port: %d, ansible_network_os: cisco.asa.asa, edge_if: outside }
                    mx1: { ansible_port: %d, ansible_network_os: junipernetworks.junos.junos, edge_if: ge-0/0/0.0 }
                """.formatted(r1.port(), fw1.port(), mx1.port()));
        return inv;
    }

    private Path playbook(String rules) throws Exception {
        Path p = dir.resolve("acl.yml");
        Files.writeString(p, """
                - hosts: all
                  tasks:
                    - name: edge
                      acl:
                        name: EDGE
                        bind: [{ interface: "{{ edge_if }}", direction: in }]
                        rules:
                %s
                """.formatted(rules));
        return p;
    }

    private static final String RULES = """
                      - permit: [xcp.client-access, sip-proxy.tls-server-auth]
            """;

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    private static long configLines(LabDevice d) {
        return d.log().entries().stream().filter(CommandLog.Entry::configMode).count();
    }

    @Test
    void everyPlatformEnforcesTheCatalogueFlowsAndASecondRunIsOk() throws Exception {
        CliRun first = run("run", playbook(RULES).toString(), "-i", inventory().toString());
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(first.out()).contains("changed: [r1]", "changed: [fw1]", "changed: [mx1]");
        assertThat(r1.personality().savedConfig()).contains("ip access-list extended EDGE\n")
                .contains(" permit tcp 198.51.100.0 0.0.0.255 10.10.1.0 0.0.0.255 eq 5222\n")
                .contains(" permit tcp 10.10.1.0 0.0.0.255 eq 5222 198.51.100.0 0.0.0.255 established\n")
                .contains(" deny   ip any any\n").contains(" ip access-group EDGE in\n");
        assertThat(fw1.personality().savedConfig())
                .contains("access-list EDGE extended permit tcp 198.51.100.0 255.255.255.0 10.10.1.0 255.255.255.0 eq 5222\n")
                .doesNotContain("established").contains("access-group EDGE in interface outside");
        assertThat(mx1.personality().savedConfig())
                .contains("set firewall family inet filter EDGE term t1-xcp-client-access from destination-port 5222")
                .contains("set interfaces ge-0/0/0 unit 0 family inet filter input EDGE");
        long before = configLines(r1) + configLines(fw1) + configLines(mx1);
        CliRun second = run("run", playbook(RULES).toString(), "-i", inventory().toString());
        assertThat(second.out()).contains("ok: [r1]", "ok: [fw1]", "ok: [mx1]").doesNotContain("changed:");
        assertThat(configLines(r1) + configLines(fw1) + configLines(mx1)).isEqualTo(before);
    }

    @Test
    void checkDiffShowsTheChangeAndSendsNothing() throws Exception {
        CliRun r = run("run", playbook(RULES).toString(), "-i", inventory().toString(), "--check", "--diff");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("+ip access-list extended EDGE", "+access-list EDGE extended permit tcp",
                "+set firewall family inet filter EDGE term t1-xcp-client-access", "lines added, 0 lines removed",
                "catalogue flows: xcp.client-access").doesNotContain("commands (not sent):");
        // -v adds the commands, once per change; -vv the whole text each device will hold
        CliRun v = run("run", playbook(RULES).toString(), "-i", inventory().toString(), "--check", "--diff", "-v");
        assertThat(v.out()).contains("commands (not sent):").doesNotContain("device text");
        assertThat(v.out().split("commands \\(not sent\\):", -1)).hasSize(4);
        CliRun vv = run("run", playbook(RULES).toString(), "-i", inventory().toString(), "--check", "--diff", "-vv");
        assertThat(vv.out()).contains("commands (not sent):", "  device text:");
        for (LabDevice d : fleet.devices()) {
            assertThat(configLines(d)).as(d.name()).isZero();
        }
    }

    @Test
    void localhostOnlyFlowsAreRefusedWithTheReason() throws Exception {
        CliRun r = run("run", playbook("          - permit: [ids-database]\n").toString(), "-i", inventory().toString());
        // found for every host before connecting
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains("flow ids-database.client (port 1500) is localhost-only").contains("[hosts r1, fw1, mx1]");
        assertThat(configLines(r1)).isZero();
    }

    @Test
    void aChangeThatFailsHalfWayIsTakenBackOnEveryPlatform() throws Exception {
        assertThat(run("run", playbook(RULES).toString(), "-i", inventory().toString()).code()).isZero();
        String iosBefore = r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", "");
        String asaBefore = fw1.personality().savedConfig();
        String junosBefore = mx1.personality().savedConfig();
        // the third line of the new list is refused on IOS and ASA; Junos refuses the commit check
        r1.faults(Faults.NONE.withRefusedCommand("eq 5061"));
        fw1.faults(Faults.NONE.withRefusedCommand("eq 5061"));
        mx1.faults(Faults.NONE.withRefusedCommand("destination-port 5061"));
        CliRun r = run("run", playbook(RULES + "          - permit: [sip-proxy.default-listener]\n").toString(), "-i", inventory().toString(),
                "--json");
        assertThat(r.code()).isEqualTo(2);
        JsonNode hosts = new ObjectMapper().readTree(r.out()).get("tasks").get(0).get("hosts");
        for (String h : List.of("r1", "fw1", "mx1")) {
            assertThat(hosts.get(h).get("status").asText()).as(h).isEqualTo("failed");
            assertThat(hosts.get(h).get("msg").asText()).as(h).containsAnyOf("previous state was restored and verified",
                    "still holds its previous state");
        }
        assertThat(r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", "")).isEqualTo(iosBefore);
        assertThat(fw1.personality().savedConfig()).isEqualTo(asaBefore);
        assertThat(mx1.personality().savedConfig()).isEqualTo(junosBefore);
    }

    @Test
    void aDeviceThatSilentlyIgnoresALineFailsVerifyAndIsRestored() throws Exception {
        r1.faults(Faults.NONE.withIgnoredLine("eq 5061"));
        CliRun r = run("run", playbook(RULES).toString(), "-i", inventory().toString(), "-l", "r1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("verify failed, the device does not show what was sent", "missing on the device",
                "previous state was restored and verified");
        assertThat(r1.personality().savedConfig()).doesNotContain("ip access-list extended EDGE").doesNotContain("access-group EDGE");
    }

    @Test
    void aDisconnectInTheMiddleIsRecoveredByLoggingInAgain() throws Exception {
        r1.faults(Faults.NONE.withDropAfterConfigLines(4));
        CliRun r = run("run", playbook(RULES).toString(), "-i", inventory().toString(), "-l", "r1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("connection lost").contains("previous state was restored and verified");
        assertThat(r1.personality().savedConfig()).doesNotContain("ip access-list extended EDGE");
    }

    @Test
    void verifyReportsDriftEntryByEntryAndLintNeedsNoDevice() throws Exception {
        assertThat(run("run", playbook(RULES).toString(), "-i", inventory().toString()).code()).isZero();
        CliRun clean = run("verify", playbook(RULES).toString(), "-i", inventory().toString());
        assertThat(clean.code()).as(clean.out()).isZero();
        // counters are read only to stand beside drift: a clean verify asks the device for nothing more
        java.util.function.Predicate<io.portpush.lab.CommandLog.Entry> counters = e -> e.line().startsWith("show ip access-lists");
        assertThat(r1.log().matching(counters)).isEmpty();
        // someone edits the router by hand at 2 a.m.
        try (io.portpush.lab.LabClient c = new io.portpush.lab.LabClient(r1,
                java.util.regex.Pattern.compile("r1(\\([\\w-]+\\))?[>#] ?$|Password: $"))) {
            c.login();
            c.raw("enable");
            c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
            c.cmd("configure terminal");
            c.cmd("ip access-list extended EDGE");
            c.cmd("25 permit tcp any any eq 23");
            c.cmd("end");
        }
        long configBefore = configLines(r1);
        CliRun drift = run("verify", playbook(RULES).toString(), "-i", inventory().toString());
        assertThat(drift.code()).isEqualTo(3);
        assertThat(drift.out()).contains("fatal: [r1]: FAILED! => EDGE: drift: added on the device at #2: permit tcp any -> any:23 (0 hits)\n")
                .contains("ok: [fw1]", "ok: [mx1]");
        assertThat(configLines(r1)).isEqualTo(configBefore);
        assertThat(r1.log().matching(counters)).extracting(io.portpush.lab.CommandLog.Entry::line).containsExactly("show ip access-lists EDGE");

        int logged = r1.log().entries().size();
        CliRun lint = run("lint", playbook(RULES + "          - permit: [xcp.client-access]\n").toString(), "-i", inventory().toString());
        assertThat(lint.code()).isZero(); // the builder drops the repeated flow itself
        CliRun shadow = run("lint", playbook("""
                          - permit: [xcp]
                            from: any
                            to: any
                          - deny: [xcp.client-access]
                """).toString(), "-i", inventory().toString());
        assertThat(shadow.code()).isEqualTo(3);
        assertThat(shadow.out()).contains("shadowed").contains("with the opposite action");
        // what the seed does not list is mentioned where its group is used, and fails nothing
        CliRun gap = run("lint", playbook("""
                          - permit: [dns]
                            to: 192.0.2.53
                """).toString(), "-i", inventory().toString());
        assertThat(gap.code()).as(gap.out()).isZero();
        assertThat(gap.out()).contains("note: known gap dns-over-tcp (not in the seed): TCP 53");
        assertThat(lint.out()).doesNotContain("known gap");
        assertThat(r1.log().entries()).hasSize(logged);
    }

    @Test
    void theHtmlReportRendersInHeadlessChromium() throws Exception {
        Path html = dir.resolve("review.html");
        CliRun r = run("run", playbook(RULES).toString(), "-i", inventory().toString(), "--check", "--diff", "--report", html.toString());
        assertThat(r.code()).isZero();
        String page = Files.readString(html);
        // one inline script, the filter box's; nothing fetched from anywhere
        assertThat(page.split("<script", -1)).hasSize(2);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("check mode: nothing was sent", "<span class=\"add\">+ip access-list extended EDGE",
                "Commands a real run would send:", "data-host=\"mx1\"").doesNotContain("<script src").doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain(DeviceSpec.DEFAULT_PASSWORD).doesNotContain(DeviceSpec.DEFAULT_ENABLE);
        Path chromium = Path.of("/usr/bin/chromium");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium),
                "rendering check skipped: /usr/bin/chromium is not installed (.ci/run installs Debian's chromium)");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("chrome-profile"), "--dump-dom", html.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        java.util.concurrent.CompletableFuture<String> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean done = p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("chromium finished within 120 s").isTrue();
        assertThat(p.exitValue()).as("chromium's exit code").isZero();
        String dom = out.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(dom).contains("<table id=\"recap\">").contains("mx1").contains("class=\"add\"");
    }

    @Test
    void aDisconnectMidConfigOnAsaAndJunosLeavesThePreviousState() throws Exception {
        assertThat(run("run", playbook(RULES).toString(), "-i", inventory().toString()).code()).isZero();
        String asaBefore = fw1.personality().savedConfig();
        String junosBefore = mx1.personality().savedConfig();
        fw1.faults(Faults.NONE.withDropAfterConfigLines(3));
        mx1.faults(Faults.NONE.withDropAfterConfigLines(3));
        CliRun r = run("run", playbook(RULES + "          - permit: [sip-proxy.default-listener]\n").toString(), "-i", inventory().toString(),
                "-l", "fw1:mx1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("fatal: [fw1]", "fatal: [mx1]").contains("connection lost");
        assertThat(r.out().lines().filter(l -> l.startsWith("fatal:")))
                .allMatch(l -> l.contains("restored and verified") || l.contains("still holds its previous state (verified)"));
        assertThat(fw1.personality().savedConfig()).isEqualTo(asaBefore);
        assertThat(mx1.personality().savedConfig()).isEqualTo(junosBefore);
    }

    @Test
    void aVerifyThatTimesOutRestoresThePreviousState() throws Exception {
        assertThat(run("run", playbook(RULES).toString(), "-i", inventory().toString(), "-l", "r1").code()).isZero();
        String before = r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", "");
        // the device answers the read before the change (the plan's, which the backup reuses), then hangs on the verify read
        r1.faults(Faults.NONE.withStalledCommand("^show running-config$", 1));
        List<String> args = new ArrayList<>(List.of("run", playbook(RULES + "          - permit: [sip-proxy.default-listener]\n").toString(),
                "-i", inventory().toString(), "-l", "r1", "--state-dir", dir.resolve("state").toString(), "--timeout",
                String.valueOf(io.portpush.lab.TimeScale.seconds(2))));
        StringWriter out = new StringWriter();
        int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("no prompt within " + io.portpush.lab.TimeScale.seconds(2) * 1000 + " ms", "previous state was restored and verified");
        assertThat(r1.personality().savedConfig().replaceAll("! Last configuration change.*\n", "")).isEqualTo(before);
    }

    @Test
    void theHistoryIsPushedToATeamRepository() throws Exception {
        Path team = dir.resolve("team.git");
        try (org.eclipse.jgit.api.Git bare = org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(team.toFile())
                .setInitialBranch("main").call()) {
            bare.getRepository();
        }
        try (org.eclipse.jgit.api.Git clone = org.eclipse.jgit.api.Git.cloneRepository().setURI(team.toUri().toString())
                .setDirectory(dir.resolve("state/history").toFile()).call()) {
            clone.getRepository();
        }
        CliRun r = run("run", playbook(RULES).toString(), "-i", inventory().toString(), "-l", "r1", "--push-history");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("history pushed");
        try (org.eclipse.jgit.api.Git bare = org.eclipse.jgit.api.Git.open(team.toFile())) {
            assertThat(bare.log().all().call().iterator().next().getShortMessage()).contains("1 device(s) changed");
        }
    }

    @Test
    void theVerifyModuleAuditsInsideAPlayAndSendsNothing() throws Exception {
        Path play = dir.resolve("audit.yml");
        Files.writeString(play, """
                - hosts: r1
                  tasks:
                    - verify:
                        acl: { name: EDGE, bind: [{ interface: GigabitEthernet1, direction: in }], rules: [{ permit: [xcp.client-access] }] }
                """);
        CliRun missing = run("run", play.toString(), "-i", inventory().toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.out()).contains("fatal: [r1]: FAILED! => EDGE: drift: the ACL EDGE is missing");
        assertThat(configLines(r1)).isZero();
        assertThat(run("run", playbook(RULES.replace(", sip-proxy.tls-server-auth", "")).toString(), "-i", inventory().toString(), "-l", "r1")
                .code()).isZero();
        assertThat(run("run", play.toString(), "-i", inventory().toString()).out()).contains("ok: [r1]");
    }

    @Test
    void asaUsesServiceObjectGroupsWhenAsked() throws Exception {
        Files.writeString(inventory(), Files.readString(inventory()).replace("sip-gateway: [192.0.2.0/28] }",
                "sip-gateway: [192.0.2.0/28], snmp-manager: [10.30.0.10] }"));
        Path play = dir.resolve("og.yml");
        String rules = "[{ permit: [snmp.agent, xcp.client-access] }]";
        Files.writeString(play, ("- hosts: fw1\n  tasks:\n    - acl: { name: EDGE, object_groups: true, bind: [{ interface: outside }],"
                + " rules: %s }\n").formatted(rules));
        CliRun first = run("run", play.toString(), "-i", dir.resolve("inv.yml").toString());
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(fw1.personality().savedConfig()).contains("object-group service EDGE-P1 udp\n port-object eq snmp\n port-object eq 8161\n")
                .contains("access-list EDGE extended permit udp host 10.30.0.10 10.10.1.0 255.255.255.0 object-group EDGE-P1");
        assertThat(run("run", play.toString(), "-i", dir.resolve("inv.yml").toString()).out()).contains("ok: [fw1]");
        // a change rebuilds the list and its groups through the swap
        Files.writeString(play, Files.readString(play).replace("xcp.client-access", "xcp.client-access, sip-proxy.tls-server-auth"));
        CliRun second = run("run", play.toString(), "-i", dir.resolve("inv.yml").toString());
        assertThat(second.code()).as(second.out()).isZero();
        assertThat(fw1.personality().savedConfig()).doesNotContain("PORTPUSH-NEW").contains("object-group service EDGE-P1 udp")
                .contains("eq 5061");
    }

    @Test
    void iosUsesServiceObjectGroupsWhenAsked() throws Exception {
        Files.writeString(inventory(), Files.readString(inventory()).replace("sip-gateway: [192.0.2.0/28] }",
                "sip-gateway: [192.0.2.0/28], snmp-manager: [10.30.0.10] }"));
        Path play = dir.resolve("og-ios.yml");
        Files.writeString(play, "- hosts: r1\n  tasks:\n    - acl: { name: EDGE, object_groups: true, bind: [{ interface: GigabitEthernet1 }],"
                + " rules: [{ permit: [snmp.agent, xcp.client-access] }] }\n");
        CliRun first = run("run", play.toString(), "-i", dir.resolve("inv.yml").toString());
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(r1.personality().savedConfig()).contains("object-group service EDGE-P1\n udp eq snmp\n udp eq 8161\n")
                .contains("permit object-group EDGE-P1 host 10.30.0.10 10.10.1.0 0.0.0.255");
        assertThat(run("run", play.toString(), "-i", dir.resolve("inv.yml").toString()).out()).contains("ok: [r1]");
        Files.writeString(play, Files.readString(play).replace("xcp.client-access", "xcp.client-access, sip-proxy.tls-server-auth"));
        CliRun second = run("run", play.toString(), "-i", dir.resolve("inv.yml").toString());
        assertThat(second.code()).as(second.out()).isZero();
        assertThat(r1.personality().savedConfig()).doesNotContain("PORTPUSH-NEW").contains("object-group service EDGE-P1").contains("eq 5061");
        assertThat(run("verify", play.toString(), "-i", dir.resolve("inv.yml").toString()).code()).isZero();
    }
}
