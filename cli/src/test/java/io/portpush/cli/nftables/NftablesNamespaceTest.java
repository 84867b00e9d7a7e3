package io.portpush.cli.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.PortpushCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real target: OpenSSH and nftables inside a Linux network namespace, reached over SSH. After
 * the push, TCP from a second namespace reaches an allowed catalogue port (5222) and not a
 * localhost-only one (1500); after rollback the previous behaviour returns. Needs root.
 */
class NftablesNamespaceTest {
    @TempDir
    Path dir;
    private final String fw = "ppfw" + ProcessHandle.current().pid() % 10000;
    private final String client = "ppcl" + ProcessHandle.current().pid() % 10000;
    /** Per-run subnets (10.N.0.0/24 and 10.N+1.0.0/24 from the pid), so two runs on one machine never share addresses. */
    private static final int NET = 100 + (int) (ProcessHandle.current().pid() % 70) * 2;
    private static final String TRAFFIC = "10." + NET + ".";
    private static final String MGMT = "10." + (NET + 1) + ".";
    private final List<Process> processes = new ArrayList<>();

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static String chain(String ns, String name) throws Exception {
        Process list = new ProcessBuilder("ip", "netns", "exec", ns, "nft", "list", "chain", "inet", "portpush", name).start();
        return new String(list.getInputStream().readAllBytes());
    }

    private static void must(String... cmd) throws Exception {
        if (sh(cmd) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", cmd));
        }
    }

    private boolean reachable(int port) throws Exception {
        return sh("ip", "netns", "exec", client, "timeout", "2", "bash", "-c", "echo > /dev/tcp/" + TRAFFIC + "0.1/" + port) == 0;
    }

    @BeforeEach
    void namespaces() throws Exception {
        String why = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "not running as root";
        } else if (!Files.isExecutable(Path.of("/usr/sbin/sshd")) || !Files.isExecutable(Path.of("/usr/sbin/nft"))
                || !Files.isExecutable(Path.of("/usr/sbin/ip"))) {
            why = "openssh-server, nftables or iproute2 missing (.ci/run installs them)";
        } else if (sh("ip", "netns", "add", fw) != 0) {
            why = "network namespaces are not available here";
        }
        if (why != null) {
            System.out.println("SKIPPED nftables end-to-end test: " + why);
            Assumptions.assumeTrue(false, why);
        }
        must("ip", "netns", "add", client);
        // management link: this JVM (MGMT.0.254) <-> firewall (MGMT.0.1); traffic link: client (TRAFFIC.0.2) <-> firewall (TRAFFIC.0.1)
        must("ip", "link", "add", fw + "m", "type", "veth", "peer", "name", fw + "h");
        must("ip", "link", "set", fw + "m", "netns", fw);
        must("ip", "addr", "add", MGMT + "0.254/24", "dev", fw + "h");
        must("ip", "link", "set", fw + "h", "up");
        must("ip", "netns", "exec", fw, "ip", "addr", "add", MGMT + "0.1/24", "dev", fw + "m");
        must("ip", "netns", "exec", fw, "ip", "link", "set", fw + "m", "up");
        must("ip", "link", "add", fw + "t", "type", "veth", "peer", "name", client + "t");
        must("ip", "link", "set", fw + "t", "netns", fw);
        must("ip", "link", "set", client + "t", "netns", client);
        must("ip", "netns", "exec", fw, "ip", "addr", "add", TRAFFIC + "0.1/24", "dev", fw + "t");
        must("ip", "netns", "exec", fw, "ip", "link", "set", fw + "t", "up");
        must("ip", "netns", "exec", fw, "ip", "link", "set", "lo", "up");
        must("ip", "netns", "exec", client, "ip", "addr", "add", TRAFFIC + "0.2/24", "dev", client + "t");
        must("ip", "netns", "exec", client, "ip", "link", "set", client + "t", "up");

        must("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
        KeyPair user = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        try (var out = Files.newOutputStream(dir.resolve("id_ecdsa"))) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(user, "portpush-test", null, out);
        }
        Files.writeString(dir.resolve("authorized_keys"), PublicKeyEntry.toString(user.getPublic()) + "\n");
        Files.createDirectories(Path.of("/run/sshd"));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n", "ListenAddress " + MGMT + "0.1", "Port 22",
                "HostKey " + dir.resolve("host_key"), "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password", "PasswordAuthentication no", "StrictModes no", "UsePAM no", "") + "\n");
        processes.add(new ProcessBuilder("ip", "netns", "exec", fw, "/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start());
        Process listener = new ProcessBuilder("ip", "netns", "exec", fw, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PortListener.class.getName(), "5222", "1500").start();
        processes.add(listener);
        new BufferedReader(new InputStreamReader(listener.getInputStream())).readLine();
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(MGMT + "0.1", 22), 200);
                break;
            } catch (Exception e) {
                Thread.sleep(100);
            }
        }
        String hostKey = Files.readString(dir.resolve("host_key.pub")).strip();
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/known_hosts"), MGMT + "0.1 " + hostKey.split(" ")[0] + " " + hostKey.split(" ")[1] + "\n");
    }

    @AfterEach
    void cleanup() throws Exception {
        processes.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        processes.forEach(Process::destroyForcibly);
        sh("ip", "netns", "del", client);
        sh("ip", "netns", "del", fw);
        sh("ip", "link", "del", fw + "h");
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state-dir", dir.resolve("state").toString()));
        int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), all.toArray(String[]::new));
        return code + "\n" + out;
    }

    /** The firewall namespace's inventory, the XMPP clients at {@code clients}. */
    private Path inventory(String clients) throws Exception {
        Path inv = dir.resolve("inv.yml");
        Files.writeString(inv, """
                all:
                  hosts:
                    fw:
                      ansible_host: %s0.1
                      ansible_user: root
                      ansible_ssh_private_key_file: %s
                      platform: linux_nftables
                      roles: { imp-node: [%s0.1/32], xmpp-client: [%s], bosh-client: [%s] }
                """.formatted(MGMT, dir.resolve("id_ecdsa"), TRAFFIC, clients, clients));
        return inv;
    }

    /** The edge list (the catalogue flow, management SSH, default deny), with {@code extra} task lines. */
    private Path edge(String extra) throws Exception {
        Path play = dir.resolve("edge.yml");
        Files.writeString(play, """
                - hosts: fw
                  tasks:
                    - acl:
                        name: EDGE
                        bind: [{ interface: input }]
                        rules:
                          - permit: [xcp.client-access]
                          - permit: { protocol: tcp, source: %s0.0/24, ports: [22], remark: management }
                        default: deny
                """.formatted(MGMT) + extra);
        return play;
    }

    @Test
    void pushOpensTheCatalogueFlowClosesTheRestAndRollbackUndoesIt() throws Exception {
        Path inv = inventory(TRAFFIC + "0.0/24");
        Path play = edge("");
        assertThat(reachable(5222)).isTrue();
        assertThat(reachable(1500)).isTrue();

        String check = cli("run", play.toString(), "-i", inv.toString(), "--check", "--diff");
        assertThat(check).startsWith("0\n").contains("changed: [fw]", "+add rule inet portpush EDGE ip saddr " + TRAFFIC + "0.0/24 ip daddr " + TRAFFIC + "0.1/32 tcp dport 5222 counter accept");
        assertThat(reachable(1500)).isTrue();

        String run = cli("run", play.toString(), "-i", inv.toString());
        assertThat(run).startsWith("0\n").contains("changed: [fw]");
        assertThat(reachable(5222)).isTrue();
        assertThat(reachable(1500)).isFalse();

        String again = cli("run", play.toString(), "-i", inv.toString());
        assertThat(again).contains("ok: [fw]");
        assertThat(cli("verify", play.toString(), "-i", inv.toString())).startsWith("0\n");

        Path qos = dir.resolve("qos.yml");
        Files.writeString(qos, """
                - hosts: fw
                  tasks:
                    - qos:
                        name: IMP-QOS
                        bind: [{ interface: postrouting, direction: out }]
                        classes:
                          - { name: IMP-SIGNALLING, match: [xcp.client-access], dscp: cs3 }
                """.replace("10.98.", TRAFFIC).replace("10.99.", MGMT));
        assertThat(cli("run", qos.toString(), "-i", inv.toString())).startsWith("0\n").contains("changed: [fw]");
        Process list = new ProcessBuilder("ip", "netns", "exec", fw, "nft", "list", "chain", "inet", "portpush", "IMP-QOS").start();
        String chain = new String(list.getInputStream().readAllBytes());
        assertThat(chain).contains("hook postrouting").contains("tcp dport 5222 ip dscp set cs3 comment \"IMP-SIGNALLING\"");
        assertThat(cli("run", qos.toString(), "-i", inv.toString())).contains("ok: [fw]");
        // a QoS change is recorded and rolls back like an ACL change
        Files.writeString(qos, Files.readString(qos).replace("dscp: cs3", "dscp: af41"));
        assertThat(cli("run", qos.toString(), "-i", inv.toString())).startsWith("0\n").contains("changed: [fw]");
        assertThat(chain(fw, "IMP-QOS")).contains("ip dscp set af41");
        assertThat(cli("rollback", "-i", inv.toString(), "--object", "qos/IMP-QOS")).startsWith("0\n").contains("changed: [fw]");
        assertThat(chain(fw, "IMP-QOS")).contains("tcp dport 5222 ip dscp set cs3").doesNotContain("af41");

        String back = cli("rollback", "-i", inv.toString(), "--object", "acl/EDGE");
        assertThat(back).startsWith("0\n").contains("changed: [fw]");
        assertThat(reachable(1500)).isTrue();
        assertThat(reachable(5222)).isTrue();
    }

    private static boolean sshAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(MGMT + "0.1", 22), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aChangeThatLocksPortpushOutIsNotConfirmedAndTheHostTakesItBackByItself() throws Exception {
        Path inv = inventory(TRAFFIC + "0.0/24");
        Path lockout = dir.resolve("lockout.yml");
        // no rule for SSH from the management network: the session portpush holds lives on (established), a new login does not
        Files.writeString(lockout, """
                - hosts: fw
                  tasks:
                    - acl:
                        name: EDGE
                        bind: [{ interface: input }]
                        rules:
                          - permit: [xcp.client-access]
                        default: deny
                """);
        assertThat(sshAnswers()).isTrue();
        String run = cli("run", lockout.toString(), "-i", inv.toString(), "--confirm-timeout", "5s", "--connect-timeout", "2");
        assertThat(run).startsWith("2\n").contains("lockout detected, not confirming").contains("restores its previous state by itself when its confirm timer runs out");
        assertThat(chain(fw, "EDGE")).contains("tcp dport 5222");
        assertThat(sshAnswers()).as("a new login is locked out right after the change").isFalse();
        assertThat(reachable(1500)).isFalse();
        // nobody confirms: the host's own timer loads its restore point
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && !chain(fw, "EDGE").isEmpty()) {
            Thread.sleep(250);
        }
        assertThat(chain(fw, "EDGE")).as("the chain the change added is gone").isEmpty();
        assertThat(sshAnswers()).as("new logins work again").isTrue();
        assertThat(reachable(1500)).isTrue();

        // a change that keeps management reachable is confirmed, and the timer no longer runs
        Path good = dir.resolve("good.yml");
        Files.writeString(good, Files.readString(lockout).replace("          - permit: [xcp.client-access]\n",
                "          - permit: [xcp.client-access]\n          - permit: { protocol: tcp, source: 10.99.0.0/24, ports: [22], remark: management }\n"
                        .replace("10.99.", MGMT)));
        // a timer still pending from another run would undo this change when it fires: refused, nothing loaded
        Path stale = Path.of("/run/portpush-confirm-" + fw + ".pid");
        Files.writeString(stale, "999999\n");
        try {
            String refused = cli("run", good.toString(), "-i", inv.toString(), "--confirm-timeout", "3s");
            assertThat(refused).startsWith("2\n").contains("a confirm window of an earlier run is still pending on this host");
            assertThat(chain(fw, "EDGE")).isEmpty();
        } finally {
            Files.deleteIfExists(stale);
        }
        String ok = cli("run", good.toString(), "-i", inv.toString(), "--confirm-timeout", "3s");
        assertThat(ok).startsWith("0\n").contains("changed: [fw]");
        Thread.sleep(5_000);
        assertThat(chain(fw, "EDGE")).as("still there after the window: it was confirmed").contains("tcp dport 5222", "tcp dport 22");
        assertThat(reachable(1500)).isFalse();
        try (var files = Files.list(Path.of("/run"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("portpush-confirm-"))).as("no timer left behind").isEmpty();
        }
    }

    /**
     * {@code --soak} with real packets: a client opens a connection to the XMPP port ten times a
     * second; the kernel's rule counters are what portpush reads. Moving the clients' role to the
     * wrong subnet keeps a rule for the flow, but its counter stops and the default drop's rises:
     * the change is taken back before anything keeps it, and the clients get through again.
     */
    @Test
    void aSoakReadsTheKernelsCountersAndTakesBackAChangeThatStopsTheClients() throws Exception {
        Path inv = inventory(TRAFFIC + "0.0/24");
        Path play = edge("        traffic_check: { default_deny_rate_increase: 3x, intended_flows_must_hit: true }\n");
        assertThat(cli("run", play.toString(), "-i", inv.toString())).startsWith("0\n");
        String good = chain(fw, "EDGE");
        // the clients: a new connection every 0.1 s, each attempt given up after 0.3 s
        processes.add(new ProcessBuilder("ip", "netns", "exec", client, "bash", "-c", "while :; do timeout 0.3 bash -c 'echo > /dev/tcp/"
                + TRAFFIC + "0.1/5222' 2>/dev/null; sleep 0.1; done").start());
        Thread.sleep(1000);
        inventory("10.97.0.0/24");
        String wrong = cli("run", play.toString(), "-i", inv.toString(), "--soak", "4s");
        assertThat(wrong).startsWith("2\n").contains("traffic check failed: intended flow xcp.client-access stopped counting (")
                .contains("the previous state was restored and verified").contains("traffic (--soak):");
        assertThat(chain(fw, "EDGE").replaceAll("counter packets \\d+ bytes \\d+", "")).isEqualTo(good.replaceAll("counter packets \\d+ bytes \\d+", ""));
        assertThat(reachable(5222)).isTrue();

        // the right subnet again, one flow more: the clients keep counting and the soak passes
        inventory(TRAFFIC + "0.0/24");
        Files.writeString(play, Files.readString(play).replace("- permit: [xcp.client-access]", "- permit: [xcp.client-access, xcp.bosh]"));
        String kept = cli("run", play.toString(), "-i", inv.toString(), "--soak", "4s");
        assertThat(kept).startsWith("0\n").contains("changed: [fw]").contains("intended flows counted traffic during the 4 s soak");
        // the rules count, but history keeps the rule, never how many packets it saw
        String recorded = Files.readString(dir.resolve("state/history/devices/fw/acl/EDGE"));
        assertThat(recorded).contains("tcp dport 5222 counter accept").doesNotContain("packets");
    }

    /**
     * portpush killed with SIGKILL after the chain reached the host and before the confirm (it is
     * soaking, so the kill lands there): the host's own timer, a process of its own session, puts
     * the previous chain back by itself.
     */
    @Test
    void aKilledRunIsTakenBackByTheHostsTimer() throws Exception {
        Path inv = inventory(TRAFFIC + "0.0/24");
        Path play = edge("");
        assertThat(reachable(1500)).isTrue();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PortpushCommand.class.getName(), "run", play.toString(), "-i", inv.toString(),
                "--state-dir", dir.resolve("state").toString(), "--confirm-timeout", "8s", "--soak", "5s")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!chain(fw, "EDGE").contains("dport 5222") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(chain(fw, "EDGE")).as(Files.readString(dir.resolve("killed.log"))).contains("dport 5222");
        assertThat(reachable(1500)).as("the change is in force").isFalse();
        assertThat(p.isAlive()).isTrue();
        p.destroyForcibly(); // SIGKILL, mid-soak: nothing will ever confirm
        p.waitFor();
        deadline = System.currentTimeMillis() + 20_000;
        while (chain(fw, "EDGE").contains("dport 5222") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(chain(fw, "EDGE")).as("the host's timer restored the table as it was (no EDGE chain)").doesNotContain("dport 5222");
        assertThat(reachable(1500)).isTrue();
    }

    /**
     * Adoption on a real kernel: a chain written by hand (the catalogue's XMPP flow, SSH for the
     * management subnet, a SIP range wider than the catalogue's, no final rule: the chain's drop
     * policy decides) becomes a playbook whose check run against the same host changes nothing.
     * A rule bound to an interface name has no rule to say it: that host is not adopted.
     */
    @Test
    void aHandWrittenChainIsAdoptedAndItsPlaybookChangesNothing() throws Exception {
        Path inv = inventory(TRAFFIC + "0.0/24");
        Path ruleset = dir.resolve("legacy.nft");
        Files.writeString(ruleset, String.join("\n",
                "table inet portpush {",
                "  chain LEGACY {",
                "    type filter hook input priority 0; policy drop;",
                "    ct state established,related accept",
                "    ip saddr " + TRAFFIC + "0.0/24 ip daddr " + TRAFFIC + "0.1 tcp dport 5222 accept comment \"xmpp clients\"",
                "    ip saddr " + MGMT + "0.0/24 tcp dport 22 accept comment \"management\"",
                "    ip daddr " + TRAFFIC + "0.1 tcp dport 5060-5070 accept",
                "  }",
                "}", ""));
        must("ip", "netns", "exec", fw, "nft", "-f", ruleset.toString());
        assertThat(reachable(5222)).isTrue();
        assertThat(reachable(1500)).as("the policy drops the rest").isFalse();

        Path adopted = dir.resolve("adopted.yml");
        String adopt = cli("adopt", "-i", inv.toString(), "--acl", "LEGACY", "-o", adopted.toString());
        assertThat(adopt).startsWith("0\n").contains("fw: LEGACY adopted, no change in meaning")
                .contains("more broadly than the catalogue describes it: ports 5060-5070 where the catalogue says 5062 (broader)");
        String playbook = Files.readString(adopted);
        assertThat(playbook).contains("- xcp.client-access", "management (adopted from entry 2)", "interface: input", "default: deny");
        String check = cli("run", adopted.toString(), "-i", inv.toString(), "--check", "--diff");
        assertThat(check).startsWith("0\n").contains("ok: [fw]").doesNotContain("changed:");

        // iifname is beyond the model: the entry would read broader than the rule is, so adoption stops there
        must("ip", "netns", "exec", fw, "nft", "add", "rule", "inet", "portpush", "LEGACY", "iifname", "\"lo\"", "tcp", "dport", "6603", "accept");
        String blocked = cli("adopt", "-i", inv.toString(), "--acl", "LEGACY", "-o", dir.resolve("no.yml").toString());
        assertThat(blocked).startsWith("3\n").contains("fw: not adopted", "iifname");
        assertThat(dir.resolve("no.yml")).doesNotExist();
    }
}
