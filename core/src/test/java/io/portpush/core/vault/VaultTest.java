package io.portpush.core.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.inventory.InventoryLoader;
import io.portpush.core.transport.Secret;
import io.portpush.core.yaml.LocatedDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ansible Vault, judged by the real ansible-vault: files it encrypted (checked in, 1.1, 1.2 with a
 * vault id, an inline value) and, where the program is installed, text it encrypts during the test.
 */
class VaultTest {
    static final Path DIR = Path.of("src/test/resources/vault");
    static final String PASSWORD = "vault-pw-Q3x9";

    @TempDir
    Path tmp;

    static Vault vault(String id, String password) {
        return new Vault(List.of(new Vault.Password(id, Secret.of(password))));
    }

    @Test
    void opensFilesAnsibleVaultEncrypted() {
        Map<String, Object> v11 = InventoryLoader.varsFile(DIR.resolve("secrets.yml"), vault("default", PASSWORD));
        assertThat(v11).containsEntry("ansible_password", "s3cret-Lab-Pw1").containsEntry("ansible_become_password", "en4ble-Secret");
        Vault prod = vault("prod", PASSWORD);
        assertThat(InventoryLoader.varsFile(DIR.resolve("secrets12.yml"), prod)).containsEntry("ansible_password", "s3cret-Lab-Pw1");
        // every value of an encrypted file is a secret for the redactor
        assertThat(prod.revealed()).contains("s3cret-Lab-Pw1", "en4ble-Secret");
    }

    @Test
    void opensAnInlineVaultValue() {
        Vault v = vault("default", PASSWORD);
        Map<String, Object> vars = InventoryLoader.varsFile(DIR.resolve("inline.yml"), v);
        assertThat(vars).containsEntry("ansible_password", "inline-S3cret-9");
        assertThat(v.revealed()).containsExactly("inline-S3cret-9");
    }

    @Test
    void aWrongPasswordOrNoneIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> InventoryLoader.varsFile(DIR.resolve("secrets.yml"), vault("default", "not-it")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secrets.yml").hasMessageContaining("no vault password opens it");
        assertThatThrownBy(() -> InventoryLoader.varsFile(DIR.resolve("secrets12.yml"), Vault.none()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secrets12.yml").hasMessageContaining("vault id prod")
                .hasMessageContaining("--vault-password-file");
        // an inline value names its line
        assertThatThrownBy(() -> InventoryLoader.varsFile(DIR.resolve("inline.yml"), Vault.none()))
                .hasMessageContaining("inline.yml:1");
    }

    @Test
    void aDamagedFileIsRefusedNotGuessed() throws Exception {
        String text = Files.readString(DIR.resolve("secrets.yml"));
        // one hex digit of the ciphertext changed: the HMAC no longer matches
        int at = text.length() - 3;
        String damaged = text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0') + text.substring(at + 1);
        assertThatThrownBy(() -> vault("default", PASSWORD).decrypt(damaged, new SourceLocation("x.yml", 1, "")))
                .isInstanceOf(InvalidInputException.class).hasMessageMatching("(?s).*(no vault password opens it|damaged).*");
    }

    @Test
    void readsWhatTheRealAnsibleVaultEncryptsNow() throws Exception {
        Path bin = Path.of("/usr/bin/ansible-vault");
        Assumptions.assumeTrue(Files.isExecutable(bin), "ansible-vault is not installed (.ci/run installs Debian's ansible)");
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "another-Pw-77\n");
        Path f = tmp.resolve("vars.yml");
        String secret = "p@ss word: with ünïcode and 'quotes' " + System.nanoTime();
        Files.writeString(f, "device_key: \"" + secret + "\"\nplain: 5\n");
        Process p = new ProcessBuilder(bin.toString(), "encrypt", "--vault-id", "lab@" + pw, f.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        assertThat(Files.readString(f)).startsWith("$ANSIBLE_VAULT;1.2;AES256;lab");
        Vault v = new Vault(List.of(new Vault.Password("other", Secret.of("nope")), new Vault.Password("lab", Secret.of("another-Pw-77"))));
        assertThat(LocatedDocument.read(f, f.toString(), v).root().get("device_key").asText()).isEqualTo(secret);
    }
}
