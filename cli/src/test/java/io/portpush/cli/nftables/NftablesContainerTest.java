package io.portpush.cli.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.PortpushCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The nftables scenario of {@link NftablesNamespaceTest} in a container built from
 * {@code src/test/docker/nftables-sshd}, for machines with a Docker engine; skipped with a
 * printed reason elsewhere.
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
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            docker = false;
        }
        if (!docker) {
            System.out.println("SKIPPED Testcontainers nftables test: no Docker engine on this machine "
                    + "(the network-namespace test covers the same scenario)");
            Assumptions.assumeTrue(false, "no Docker engine");
        }
        KeyPair user = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        try (var out = Files.newOutputStream(dir.resolve("id_ecdsa"))) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(user, "portpush-test", null, out);
        }
        try (GenericContainer<?> host = new GenericContainer<>(new ImageFromDockerfile()
                .withFileFromPath(".", Path.of("src/test/docker/nftables-sshd")))
                .withEnv("AUTHORIZED_KEY", PublicKeyEntry.toString(user.getPublic()))
                .withCreateContainerCmdModifier(c -> c.getHostConfig().withCapAdd(com.github.dockerjava.api.model.Capability.NET_ADMIN))
                .withExposedPorts(22, 5222, 1500)) {
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
