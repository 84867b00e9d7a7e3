package io.portpush.cli.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.PortpushCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;

/**
 * The nftables scenario of {@code NftablesNamespaceTest} in a container ({@link ContainerHosts}):
 * portpush pushes the edge policy over real SSH to the container's OpenSSH, the container's
 * nftables enforces it (an allowed catalogue port opens, a localhost-only port closes, seen from
 * the test through Docker's port mapping), and rollback restores the previous behaviour. Skipped
 * with a printed reason only where no Docker engine answers.
 */
class NftablesContainerTest {
    @TempDir
    Path dir;

    private static boolean open(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            s.setSoTimeout(2000);
            return s.getInputStream().read() == '!';
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void pushAndRollbackInAContainer() throws Exception {
        ContainerHosts.assumeDocker();
        KeyPair user = ContainerHosts.key(dir);
        try (GenericContainer<?> host = ContainerHosts.host(user, 5222, 1500).withExposedPorts(22, 5222, 1500)) {
            host.start();
            String addr = host.getHost();
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, """
                    all:
                      hosts:
                        box:
                          ansible_host: %s
                          ansible_port: %d
                          ansible_user: root
                          ansible_ssh_private_key_file: %s
                          platform: linux_nftables
                          roles: { imp-node: [0.0.0.0/0], xmpp-client: [0.0.0.0/0] }
                    """.formatted(addr, host.getMappedPort(22), dir.resolve("id_ecdsa")));
            Path play = dir.resolve("edge.yml");
            Files.writeString(play, """
                    - hosts: box
                      tasks:
                        - acl:
                            name: EDGE
                            bind: [{ interface: input }]
                            rules:
                              - permit: [xcp.client-access]
                              - permit: { protocol: tcp, ports: [22], remark: management }
                            default: deny
                    """);
            assertThat(open(addr, host.getMappedPort(1500))).isTrue();
            StringWriter out = new StringWriter();
            int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), "run", play.toString(), "-i", inv.toString(),
                    "--state-dir", dir.resolve("state").toString(), "--accept-new-host-keys");
            assertThat(code).as(out.toString()).isZero();
            assertThat(open(addr, host.getMappedPort(5222))).isTrue();
            assertThat(open(addr, host.getMappedPort(1500))).isFalse();
            PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), "rollback", "-i", inv.toString(), "--object", "acl/EDGE",
                    "--state-dir", dir.resolve("state").toString());
            assertThat(open(addr, host.getMappedPort(1500))).isTrue();
        }
    }
}
