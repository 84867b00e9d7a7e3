package io.portpush.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.transport.KnownHostsVerifier;
import io.portpush.core.transport.SshConnection;
import io.portpush.core.transport.SshTarget;
import io.portpush.core.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device-level behaviour shared by every personality: authentication, faults, persistence. */
class LabDeviceTest {
    static final Pattern IOS = Pattern.compile("r1(\\([\\w-]+\\))?[>#] ?$|Password: $");

    @TempDir
    Path dir;

    @Test
    void publicKeyLoginWorksAndRefusedLoginsAreRefused() throws Exception {
        KeyPair user = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        Path keyFile = dir.resolve("id_ecdsa");
        try (var out = Files.newOutputStream(keyFile)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(user, "test", null, out);
        }
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice d = fleet.start(DeviceSpec.of("r1", "cisco_ios").withCredentials("admin", "unused-password", "enable")
                    .withAuthorizedKeys(List.of(user.getPublic())));
            Path kh = dir.resolve("kh");
            Files.writeString(kh, d.knownHostsLine() + "\n");
            KnownHostsVerifier v = new KnownHostsVerifier(List.of(kh), false, null);
            SshTarget byKey = new SshTarget(d.host(), d.port(), "admin", null, keyFile, null, Duration.ofSeconds(5),
                    Duration.ofSeconds(5), null);
            try (SshConnection c = SshConnection.open(byKey, v, 0, Duration.ZERO)) {
                assertThat(c.isConnected()).isTrue();
            }
            d.faults(Faults.NONE.withRefuseLogins(true));
            assertThatThrownBy(() -> SshConnection.open(byKey, v, 0, Duration.ZERO))
                    .isInstanceOf(TransportException.class).hasMessageContaining("authentication failed");
        }
    }

    @Test
    void aKeyHeldByTheUsersSshAgentLogsIn() throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent;
        try {
            agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            System.out.println("SKIPPED agent test: ssh-agent is not installed");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no ssh-agent");
            return;
        }
        try {
            for (int i = 0; i < 50 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            KeyPair user = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            Path keyFile = dir.resolve("id_agent");
            try (var out = Files.newOutputStream(keyFile)) {
                new OpenSSHKeyPairResourceWriter().writePrivateKey(user, "agent-key", null, out);
            }
            Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            ProcessBuilder pb = new ProcessBuilder("ssh-add", keyFile.toString()).redirectErrorStream(true);
            pb.environment().put("SSH_AUTH_SOCK", sock.toString());
            assertThat(pb.start().waitFor()).isZero();
            try (LabFleet fleet = new LabFleet(null)) {
                LabDevice d = fleet.start(DeviceSpec.of("r1", "cisco_ios").withCredentials("admin", "not-this-one", "enable")
                        .withAuthorizedKeys(List.of(user.getPublic())));
                Path kh = dir.resolve("kh");
                Files.writeString(kh, d.knownHostsLine() + "\n");
                KnownHostsVerifier v = new KnownHostsVerifier(List.of(kh), false, null);
                SshTarget noSecrets = new SshTarget(d.host(), d.port(), "admin", null, null, null, Duration.ofSeconds(5),
                        Duration.ofSeconds(5), null);
                System.setProperty("portpush.ssh.agent", sock.toString());
                try (SshConnection c = SshConnection.open(noSecrets, v, 0, Duration.ZERO)) {
                    assertThat(c.isConnected()).isTrue();
                } finally {
                    System.clearProperty("portpush.ssh.agent");
                }
                assertThatThrownBy(() -> SshConnection.open(noSecrets, v, 0, Duration.ZERO)).hasMessageContaining("authentication failed");
            }
        } finally {
            agent.destroy();
        }
    }

    @Test
    void dropInTheMiddleOfAConfigSessionKeepsWhatWasEnteredAsIosDoes() throws Exception {
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice d = fleet.start(DeviceSpec.of("r1", "cisco_ios").withFaults(Faults.NONE.withDropAfterConfigLines(2)));
            try (LabClient c = new LabClient(d, IOS)) {
                c.login();
                c.raw("enable");
                c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
                c.cmd("configure terminal");
                c.cmd("ip access-list extended DROP");
                c.cmd("10 permit tcp any any eq 1");
                c.shell.write("20 permit tcp any any eq 2\n");
                assertThatThrownBy(() -> c.shell.readUntil(IOS, Duration.ofSeconds(5)))
                        .isInstanceOf(TransportException.class).hasMessageContaining("connection lost");
            }
            String saved = d.personality().savedConfig();
            assertThat(saved).contains(" 10 permit tcp any any eq 1").doesNotContain("eq 2");
        }
    }

    @Test
    void whatASessionSentIsWrittenToTheDevicesSessionLogWithSecretsMasked() throws Exception {
        Path log = dir.resolve("lab").resolve("r1").resolve("session.log");
        try (LabFleet fleet = new LabFleet(dir.resolve("lab"))) {
            LabDevice d = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            try (LabClient c = new LabClient(d, IOS)) {
                c.login();
                c.raw("enable");
                c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
                c.cmd("configure terminal");
                c.cmd("username ops secret 9 $9$abcdefghijkl$mnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ");
                c.cmd("snmp-server community Ops-Public-77 RO");
                c.cmd("end");
                c.cmd("show bogus");
                // the login password typed where no prompt asked for it: the device's own secrets are masked wherever they appear
                c.cmd(io.portpush.lab.DeviceSpec.DEFAULT_PASSWORD);
            }
        }
        List<String> lines = Files.readAllLines(log);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> commands = new java.util.ArrayList<>();
        for (String l : lines) {
            var n = json.readTree(l);
            assertThat(n.has("time") && n.has("session") && n.has("mode") && n.has("answer")).as(l).isTrue();
            commands.add(n.get("mode").asText() + " | " + n.get("command").asText() + " -> " + n.get("answer").asText());
        }
        assertThat(String.join("\n", lines)).doesNotContain(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE, io.portpush.lab.DeviceSpec.DEFAULT_PASSWORD,
                "Ops-Public-77", "$9$abcdef");
        assertThat(commands).contains("user | enable -> (nothing)", "user | <secret> -> (nothing)",
                "config | username ops secret 9 ******** -> (nothing)", "config | snmp-server community ******** RO -> (nothing)");
        assertThat(commands).contains("exec | show bogus -> % Invalid input detected at '^' marker.");
        assertThat(commands).anyMatch(x -> x.startsWith("exec | ******** -> "));
    }

    @Test
    void configurationAndHostKeySurviveARestart() throws Exception {
        String fingerprint;
        try (LabFleet fleet = new LabFleet(dir.resolve("lab"))) {
            LabDevice d = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            fingerprint = d.fingerprint();
            try (LabClient c = new LabClient(d, IOS)) {
                c.login();
                c.raw("enable");
                c.raw(io.portpush.lab.DeviceSpec.DEFAULT_ENABLE);
                c.cmd("configure terminal");
                c.cmd("ip access-list extended KEEP");
                c.cmd("10 permit udp any any eq 53");
                c.cmd("end");
            }
        }
        try (LabFleet fleet = new LabFleet(dir.resolve("lab"))) {
            LabDevice d = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            assertThat(d.fingerprint()).isEqualTo(fingerprint);
            assertThat(d.personality().savedConfig()).contains("ip access-list extended KEEP\n 10 permit udp any any eq domain");
        }
    }
}
