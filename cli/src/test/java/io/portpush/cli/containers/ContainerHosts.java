package io.portpush.cli.containers;

import com.github.dockerjava.api.model.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Linux hosts in containers for the real-target tests: OpenSSH, nftables and TCP listeners, from
 * {@code src/test/docker/nftables-sshd} on top of the base image that
 * {@code lab/containers/build-base-image.sh} builds from Debian's packages (no registry needed).
 */
final class ContainerHosts {
    static final String BASE_IMAGE = "portpush/debian-ssh-nft:bookworm";

    private ContainerHosts() {
    }

    /** Skips the calling test, saying why, where no Docker engine answers or the base image was never built. */
    static void assumeDocker() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            docker = false;
        }
        if (!docker) {
            System.out.println("SKIPPED container test: no Docker engine answers on this machine (.ci/run starts dockerd; "
                    + "the network-namespace tests cover the same scenario)");
            Assumptions.assumeTrue(false, "no Docker engine");
        }
        boolean base;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(BASE_IMAGE).exec();
            base = true;
        } catch (RuntimeException e) {
            base = false;
        }
        if (!base) {
            System.out.println("SKIPPED container test: image " + BASE_IMAGE + " is missing (build it with "
                    + "lab/containers/build-base-image.sh; .ci/run does)");
            Assumptions.assumeTrue(false, "no base image");
        }
    }

    /** A key pair for root on the hosts; the private half written to {@code dir/id_ecdsa} for the inventory. */
    static KeyPair key(Path dir) throws IOException, GeneralSecurityException {
        KeyPair user = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        try (var out = Files.newOutputStream(dir.resolve("id_ecdsa"))) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(user, "portpush-test", null, out);
        }
        return user;
    }

    /** A host (not started) that accepts {@code key} for root and answers "!" on each of {@code ports}. */
    static GenericContainer<?> host(KeyPair key, int... ports) {
        StringBuilder listen = new StringBuilder();
        for (int p : ports) {
            listen.append(listen.isEmpty() ? "" : " ").append(p);
        }
        GenericContainer<?> c = new GenericContainer<>(new ImageFromDockerfile("portpush/nftables-sshd-test", false)
                .withFileFromPath(".", Path.of("src/test/docker/nftables-sshd")))
                .withEnv("AUTHORIZED_KEY", PublicKeyEntry.toString(key.getPublic()))
                .withEnv("LISTEN_PORTS", listen.toString())
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withCapAdd(Capability.NET_ADMIN))
                .withExposedPorts(22);
        return c;
    }

    /** Runs {@code sh -c script} in the container; fails the test when it cannot run. */
    static Container.ExecResult sh(GenericContainer<?> c, String script) throws IOException, InterruptedException {
        return c.execInContainer("sh", "-c", script);
    }
}
