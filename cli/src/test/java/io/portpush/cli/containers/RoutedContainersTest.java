package io.portpush.cli.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.portpush.cli.PortpushCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * Two networks joined through a container acting as the router: a client on one, a server on the
 * other, packets between them crossing the router's {@code forward} hook. portpush pushes a
 * forward-chain policy to the router over SSH; from the client, the server's XMPP client port
 * (5222, allowed by {@code xcp.client-access}) answers and a localhost-only port (1500) does not;
 * rollback opens it again. The topology on which placement-aware policy and audit are proven with
 * real packets, not only in network namespaces.
 */
class RoutedContainersTest {
    @TempDir
    Path dir;

    /** Whether {@code from} gets the listener's "!" from {@code ip:port} within two seconds. */
    private static boolean reaches(GenericContainer<?> from, String ip, int port) throws Exception {
        var r = ContainerHosts.sh(from, "timeout 3 socat -T2 -u TCP:" + ip + ":" + port + ",connect-timeout=2 STDOUT 2>/dev/null");
        return r.getStdout().contains("!");
    }

    private static String ipOn(GenericContainer<?> c, Network n) {
        return c.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                .filter(x -> n.getId().equals(x.getNetworkID())).findFirst().orElseThrow().getIpAddress();
    }

    private static String subnetOf(DockerClient docker, Network n) {
        return docker.inspectNetworkCmd().withNetworkId(n.getId()).exec().getIpam().getConfig().get(0).getSubnet();
    }

    @Test
    void aForwardPolicyOnTheRouterDecidesWhatCrossesIt() throws Exception {
        ContainerHosts.assumeDocker();
        KeyPair key = ContainerHosts.key(dir);
        DockerClient docker = DockerClientFactory.instance().client();
        try (Network clients = Network.newNetwork(); Network servers = Network.newNetwork();
             GenericContainer<?> router = ContainerHosts.host(key).withNetwork(clients)
                     .withCreateContainerCmdModifier(c -> c.getHostConfig()
                             .withCapAdd(com.github.dockerjava.api.model.Capability.NET_ADMIN)
                             .withSysctls(java.util.Map.of("net.ipv4.ip_forward", "1")));
             GenericContainer<?> client = ContainerHosts.host(key).withNetwork(clients);
             GenericContainer<?> server = ContainerHosts.host(key, 5222, 1500).withNetwork(servers)) {
            router.start();
            client.start();
            server.start();
            docker.connectToNetworkCmd().withContainerId(router.getContainerId()).withNetworkId(servers.getId()).exec();
            String clientNet = subnetOf(docker, clients);
            String serverNet = subnetOf(docker, servers);
            // refresh what Docker says of the router now that it is on both networks
            String routerOnServers = docker.inspectContainerCmd(router.getContainerId()).exec().getNetworkSettings().getNetworks()
                    .values().stream().filter(x -> servers.getId().equals(x.getNetworkID())).findFirst().orElseThrow().getIpAddress();
            String routerOnClients = ipOn(router, clients);
            String serverIp = ipOn(server, servers);
            assertThat(ContainerHosts.sh(client, "ip route add " + serverNet + " via " + routerOnClients).getExitCode()).isZero();
            assertThat(ContainerHosts.sh(server, "ip route add " + clientNet + " via " + routerOnServers).getExitCode()).isZero();
            // before any policy both ports answer across the router
            assertThat(reaches(client, serverIp, 5222)).as("5222 through the router").isTrue();
            assertThat(reaches(client, serverIp, 1500)).as("1500 through the router").isTrue();

            // joining a second network can move the router's default gateway, and with it Docker's port
            // mapping to a new host port: read where ssh is published now, not what was cached at start
            var bindings = docker.inspectContainerCmd(router.getContainerId()).exec().getNetworkSettings().getPorts().getBindings()
                    .get(com.github.dockerjava.api.model.ExposedPort.tcp(22));
            int sshPort = Integer.parseInt(bindings[0].getHostPortSpec());
            Path inv = dir.resolve("inv.yml");
            Files.writeString(inv, """
                    all:
                      hosts:
                        router:
                          ansible_host: %s
                          ansible_port: %d
                          ansible_user: root
                          ansible_ssh_private_key_file: %s
                          platform: linux_nftables
                          roles: { imp-node: [%s], xmpp-client: [%s] }
                    """.formatted(router.getHost(), sshPort, dir.resolve("id_ecdsa"), serverIp + "/32", clientNet));
            Path play = dir.resolve("transit.yml");
            Files.writeString(play, """
                    - hosts: router
                      tasks:
                        - acl:
                            name: TRANSIT
                            bind: [{ interface: forward }]
                            rules:
                              - permit: [xcp.client-access]
                            default: deny
                    """);
            StringWriter out = new StringWriter();
            String state = dir.resolve("state").toString();
            int code = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), "run", play.toString(), "-i", inv.toString(),
                    "--state-dir", state, "--accept-new-host-keys");
            assertThat(code).as(out.toString()).isZero();
            assertThat(ContainerHosts.sh(router, "nft list chain inet portpush TRANSIT").getStdout()).contains("hook forward", "dport 5222");
            assertThat(reaches(client, serverIp, 5222)).as("the catalogue's XMPP client port crosses the router").isTrue();
            assertThat(reaches(client, serverIp, 1500)).as("a localhost-only port does not").isFalse();
            int rollback = PortpushCommand.execute(new PrintWriter(out), new PrintWriter(out), "rollback", "-i", inv.toString(),
                    "--object", "acl/TRANSIT", "--state-dir", state);
            assertThat(rollback).as(out.toString()).isZero();
            assertThat(reaches(client, serverIp, 1500)).as("after rollback 1500 crosses again").isTrue();
        }
    }
}
