package io.portpush.cli.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * {@code portpush audit} judged by real packets. A Linux router in a network namespace (OpenSSH,
 * nftables, forwarding on) joins a client network and a server network; its placement comes from
 * its own {@code ip -j route}. For every catalogue flow audit reports across the router, a TCP
 * connection from the client namespace to the server namespace must succeed exactly when audit
 * says the router permits the flow, before and after portpush programs its {@code forward} chain.
 * Needs root.
 */
class NftablesForwardNamespaceTest {
    @TempDir
    Path dir;
    private final String id = String.valueOf(ProcessHandle.current().pid() % 10000);
    private final String fw = "ppr" + id;
    private final String client = "ppc" + id;
    private final String server = "pps" + id;
    /** Per-run subnets from the pid: clients 10.N.0.0/24, servers 10.N.1.0/24, management 10.N+1.0.0/24. */
    private static final int NET = 100 + (int) (ProcessHandle.current().pid() % 70) * 2;
    private static final String TRAFFIC = "10." + NET + ".";
    private static final String MGMT = "10." + (NET + 1) + ".";
    private static final String SERVER_IP = TRAFFIC + "1.10";
    private final List<Process> processes = new ArrayList<>();

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static void must(String... cmd) throws Exception {
        if (sh(cmd) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", cmd));
        }
    }

    private void ns(String ns, String... cmd) throws Exception {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(List.of(cmd));
        must(all.toArray(String[]::new));
    }

    private boolean reaches(int port) throws Exception {
        return sh("ip", "netns", "exec", client, "timeout", "2", "bash", "-c", "echo > /dev/tcp/" + SERVER_IP + "/" + port) == 0;
    }

    /** A veth pair with one end in {@code a} (null: this host) and the other in {@code b}. */
    private void link(String a, String aName, String aAddr, String b, String bName, String bAddr) throws Exception {
        must("ip", "link", "add", aName, "type", "veth", "peer", "name", bName);
        if (a != null) {
            must("ip", "link", "set", aName, "netns", a);
        }
        must("ip", "link", "set", bName, "netns", b);
        if (a == null) {
            must("ip", "addr", "add", aAddr, "dev", aName);
            must("ip", "link", "set", aName, "up");
        } else {
            ns(a, "ip", "addr", "add", aAddr, "dev", aName);
            ns(a, "ip", "link", "set", aName, "up");
        }
        ns(b, "ip", "addr", "add", bAddr, "dev", bName);
        ns(b, "ip", "link", "set", bName, "up");
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
            System.out.println("SKIPPED nftables forward end-to-end test: " + why);
            Assumptions.assumeTrue(false, why);
        }
        must("ip", "netns", "add", client);
        must("ip", "netns", "add", server);
        link(null, fw + "h", MGMT + "0.254/24", fw, fw + "m", MGMT + "0.1/24");
        link(client, client + "t", TRAFFIC + "0.2/24", fw, fw + "c", TRAFFIC + "0.1/24");
        link(server, server + "t", SERVER_IP + "/24", fw, fw + "s", TRAFFIC + "1.1/24");
        for (String n : List.of(fw, client, server)) {
            ns(n, "ip", "link", "set", "lo", "up");
        }
        ns(client, "ip", "route", "add", "default", "via", TRAFFIC + "0.1");
        ns(server, "ip", "route", "add", "default", "via", TRAFFIC + "1.1");
        ns(fw, "sysctl", "-qw", "net.ipv4.ip_forward=1");

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

    private void listen(Set<Integer> ports) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", server, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PortListener.class.getName()));
        ports.forEach(p -> cmd.add(String.valueOf(p)));
        Process listener = new ProcessBuilder(cmd).start();
        processes.add(listener);
        new BufferedReader(new InputStreamReader(listener.getInputStream())).readLine();
    }

    @AfterEach
    void cleanup() throws Exception {
        processes.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        processes.forEach(Process::destroyForcibly);
        for (String n : List.of(client, server, fw)) {
            sh("ip", "netns", "del", n);
        }
        sh("ip", "link", "del", fw + "h");
    }

    private int cli(StringWriter out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state-dir", dir.resolve("state").toString()));
        return PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), all.toArray(String[]::new));
    }

    private static final Pattern TCP_PORT = Pattern.compile("^(?:passes|blocked): tcp \\S+ -> [\\d.]+:(\\d+)");

    /** The TCP flows audit reports from the client side to the server side, each with its destination port and the device's verdict. */
    private List<String[]> crossing(Path report) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (JsonNode task : new ObjectMapper().readTree(report.toFile()).path("tasks")) {
            for (JsonNode row : task.path("hosts").path("fw").path("data").path("audit")) {
                Matcher m = TCP_PORT.matcher(row.path("example").asText());
                if (row.path("path").asText().equals(fw + "c -> " + fw + "s") && row.path("leg").asText().equals("opens") && m.find()) {
                    out.add(new String[] {row.path("flow").asText(), m.group(1), row.path("device").asText(), row.path("status").asText()});
                }
            }
        }
        return out;
    }

    @Test
    void whatAuditSaysCrossesTheRouterCrossesItAndWhatItSaysIsClosedIsClosed() throws Exception {
        Path inv = dir.resolve("inv.yml");
        Files.writeString(inv, """
                all:
                  hosts:
                    fw:
                      ansible_host: %s0.1
                      ansible_user: root
                      ansible_ssh_private_key_file: %s
                      platform: linux_nftables
                      roles: { imp-node: [%s/32], xmpp-client: [%s0.0/24], bosh-client: [%s0.0/24], browser: [%s0.0/24] }
                """.formatted(MGMT, dir.resolve("id_ecdsa"), SERVER_IP, TRAFFIC, TRAFFIC, TRAFFIC));
        Path play = dir.resolve("transit.yml");
        Files.writeString(play, """
                - hosts: fw
                  tasks:
                    - acl:
                        name: TRANSIT
                        bind: [{ interface: forward }]
                        rules:
                          - permit: [xcp.client-access, tomcat-web]
                          - deny: [xcp.bosh]
                        default: deny
                """);
        Path before = dir.resolve("before.json");
        StringWriter first = new StringWriter();
        int code = cli(first, "audit", play.toString(), "-i", inv.toString(), "--report", before.toString());
        assertThat(code).as(first.toString()).isEqualTo(3); // nothing filters yet: what the intent denies is open
        List<String[]> open = crossing(before);
        Set<Integer> ports = new TreeSet<>();
        open.forEach(r -> ports.add(Integer.parseInt(r[1])));
        assertThat(ports).as(first.toString()).contains(5222).hasSizeGreaterThan(1);
        listen(ports);
        for (String[] r : open) {
            assertThat(r[2]).as(r[0]).isEqualTo("permits");
            assertThat(reaches(Integer.parseInt(r[1]))).as(r[0] + " tcp/" + r[1] + " before the push").isTrue();
        }

        StringWriter push = new StringWriter();
        assertThat(cli(push, "run", play.toString(), "-i", inv.toString())).as(push.toString()).isZero();
        Path after = dir.resolve("after.json");
        StringWriter second = new StringWriter();
        assertThat(cli(second, "audit", play.toString(), "-i", inv.toString(), "--report", after.toString())).as(second.toString()).isZero();
        assertThat(second.toString()).contains("placement read from the device's routing table");
        List<String[]> judged = crossing(after);
        judged.forEach(r -> System.out.println("audit judged across the router: " + String.join(" ", r)));
        assertThat(judged).extracting(r -> r[2]).contains("permits", "denies");
        for (String[] r : judged) {
            boolean permits = r[2].equals("permits");
            assertThat(reaches(Integer.parseInt(r[1]))).as(r[0] + " tcp/" + r[1] + ": audit says the router " + r[2] + " it").isEqualTo(permits);
            assertThat(r[3]).isEqualTo("ok");
        }
    }
}
