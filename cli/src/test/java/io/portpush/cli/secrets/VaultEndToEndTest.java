package io.portpush.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's inventory with its device passwords kept by Ansible Vault: group_vars encrypted by the
 * real ansible-vault (1.1 and 1.2 with an id), an inline {@code !vault} value, a password file and
 * a password script; the passwords reach the lab device and never the output.
 */
class VaultEndToEndTest {
    static final Path ANSIBLE_VAULT = Path.of("/usr/bin/ansible-vault");
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice r1;

    @BeforeEach
    void lab() {
        Assumptions.assumeTrue(Files.isExecutable(ANSIBLE_VAULT), "ansible-vault is not installed (.ci/run installs Debian's ansible)");
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
        LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static void vault(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ANSIBLE_VAULT.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    /** inventory/hosts.yml in clear, inventory/group_vars/all.yml encrypted with {@code idArgs}. */
    private Path inventory(String... idArgs) throws Exception {
        Path inv = dir.resolve("inventory");
        Files.createDirectories(inv.resolve("group_vars"));
        Files.writeString(inv.resolve("hosts.yml"), """
                all:
                  hosts:
                    r1: { ansible_host: 127.0.0.1, ansible_port: %d, ansible_network_os: cisco.ios.ios, ansible_user: admin }
                """.formatted(r1.port()));
        Path secrets = inv.resolve("group_vars/all.yml");
        Files.writeString(secrets, "ansible_password: " + DeviceSpec.DEFAULT_PASSWORD + "\nansible_become_password: "
                + DeviceSpec.DEFAULT_ENABLE + "\n");
        List<String> args = new ArrayList<>(List.of("encrypt"));
        args.addAll(List.of(idArgs));
        args.add(secrets.toString());
        vault(args.toArray(String[]::new));
        assertThat(Files.readString(secrets)).startsWith("$ANSIBLE_VAULT;");
        return inv;
    }

    private Path playbook() throws Exception {
        Path p = dir.resolve("show.yml");
        Files.writeString(p, "- hosts: all\n  tasks:\n    - command: show version\n      register: v\n");
        return p;
    }

    private Path password(String name, String value) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, value + "\n");
        return f;
    }

    private CliRun run(String... args) {
        return CliRun.inState(dir.resolve("state"), args);
    }

    @Test
    void anEncryptedGroupVarsFileOpensWithAPasswordFileAndItsValuesNeverShow() throws Exception {
        Path pw = password("vault-pass", "team-Vault-8w");
        Path inv = inventory("--vault-password-file", pw.toString());
        CliRun r = run("run", playbook().toString(), "-i", inv.toString(), "--vault-password-file", pw.toString(), "-vvv");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("ok: [r1]");
        assertThat(r.out() + r.err()).doesNotContain(DeviceSpec.DEFAULT_PASSWORD).doesNotContain(DeviceSpec.DEFAULT_ENABLE);
    }

    @Test
    void aVaultedValueThatIsNoConnectionSettingIsMaskedToo() throws Exception {
        Path pw = password("vault-pass", "team-Vault-8w");
        Path inv = inventory("--vault-password-file", pw.toString());
        Path extra = dir.resolve("inventory/group_vars/extra.yml");
        Files.writeString(extra, "team_motto: blue-Heron-991\n");
        vault("encrypt", "--vault-password-file", pw.toString(), extra.toString());
        Files.move(extra, dir.resolve("inventory/group_vars/all_extra.yml"));
        Files.createDirectories(dir.resolve("inventory/group_vars/all"));
        Files.move(dir.resolve("inventory/group_vars/all_extra.yml"), dir.resolve("inventory/group_vars/all/token.yml"));
        Files.move(dir.resolve("inventory/group_vars/all.yml"), dir.resolve("inventory/group_vars/all/login.yml"));
        Path pb = dir.resolve("token.yml");
        Files.writeString(pb, "- hosts: all\n  tasks:\n    - debug: { msg: \"token {{ team_motto }}\" }\n");
        CliRun r = run("run", pb.toString(), "-i", inv.toString(), "--vault-password-file", pw.toString(), "-vvv");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("token ");
        // masked only because the vault said it was a secret: no connection setting holds it
        assertThat(r.out() + r.err()).doesNotContain("blue-Heron-991");
    }

    @Test
    void aVaultIdWithAPasswordScriptOpensA12File() throws Exception {
        Path script = dir.resolve("vault-client.sh");
        Files.writeString(script, "#!/bin/sh\necho 'scripted-Pw-31'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path inv = inventory("--vault-id", "prod@" + script);
        assertThat(Files.readString(inv.resolve("group_vars/all.yml"))).startsWith("$ANSIBLE_VAULT;1.2;AES256;prod");
        CliRun r = run("run", playbook().toString(), "-i", inv.toString(), "--vault-id", "prod@" + script);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @Test
    void anInlineVaultValueOpensToo() throws Exception {
        Path pw = password("vault-pass", "inline-Vault-5q");
        Path inv = dir.resolve("inline");
        Files.createDirectories(inv.resolve("group_vars"));
        Files.writeString(inv.resolve("hosts.yml"), """
                all:
                  hosts:
                    r1: { ansible_host: 127.0.0.1, ansible_port: %d, ansible_network_os: cisco.ios.ios, ansible_user: admin }
                """.formatted(r1.port()));
        Process p = new ProcessBuilder(ANSIBLE_VAULT.toString(), "encrypt_string", "--vault-password-file", pw.toString(),
                DeviceSpec.DEFAULT_PASSWORD, "--name", "ansible_password").start();
        String inline = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Files.writeString(inv.resolve("group_vars/all.yml"), inline + "\nansible_become_password: " + DeviceSpec.DEFAULT_ENABLE + "\n");
        CliRun r = run("run", playbook().toString(), "-i", inv.toString(), "--vault-password-file", pw.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @Test
    void aWrongPasswordIsAnInputErrorNamingTheFileAndNothingConnects() throws Exception {
        Path inv = inventory("--vault-password-file", password("right", "right-Pw-1").toString());
        CliRun wrong = run("run", playbook().toString(), "-i", inv.toString(), "--vault-password-file", password("wrong", "wrong-Pw-2").toString());
        assertThat(wrong.code()).isEqualTo(5);
        assertThat(wrong.err()).contains("group_vars/all.yml").contains("no vault password opens it");
        CliRun none = run("run", playbook().toString(), "-i", inv.toString());
        assertThat(none.code()).isEqualTo(5);
        assertThat(none.err()).contains("encrypted with Ansible Vault").contains("--vault-password-file");
        assertThat(r1.log().entries()).isEmpty();
    }
}
