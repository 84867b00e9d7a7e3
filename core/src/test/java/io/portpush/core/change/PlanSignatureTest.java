package io.portpush.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan signatures made and checked by OpenSSH's ssh-keygen, with keys it generates here. */
class PlanSignatureTest {
    @TempDir
    Path dir;

    private Path key(String name) throws Exception {
        Path k = dir.resolve(name);
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", k.toString()).start();
        assertThat(p.waitFor()).isZero();
        return k;
    }

    @BeforeEach
    void sshKeygen() {
        boolean present;
        try {
            present = new ProcessBuilder("ssh-keygen", "-?").start().waitFor() >= 0;
        } catch (Exception e) {
            present = false;
        }
        if (!present) {
            System.out.println("SKIPPED plan signature tests: ssh-keygen (openssh-client) is not installed");
        }
        Assumptions.assumeTrue(present, "ssh-keygen (openssh-client) is not installed");
    }

    @Test
    void aSignedPlanVerifiesForItsSignerAndNothingElseDoes() throws Exception {
        Path alice = key("alice");
        Path mallory = key("mallory");
        Path allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, "alice@example.org namespaces=\"" + PlanSignature.NAMESPACE + "\" "
                + Files.readString(dir.resolve("alice.pub")).strip() + "\n");
        Path plan = dir.resolve("window.plan");
        Files.writeString(plan, "{\"format\":\"portpush-plan\",\"changes\":[]}\n");

        assertThatThrownBy(() -> PlanSignature.verify(plan, allowed)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("window.plan.sig").hasMessageContaining("not signed");

        Path sig = PlanSignature.sign(plan, alice);
        assertThat(Files.readString(sig)).startsWith("-----BEGIN SSH SIGNATURE-----");
        assertThat(PlanSignature.verify(plan, allowed)).isEqualTo("alice@example.org");

        Files.writeString(plan, "{\"format\":\"portpush-plan\",\"changes\":[\"permit tcp any any\"]}\n");
        assertThatThrownBy(() -> PlanSignature.verify(plan, allowed)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not match the plan");

        PlanSignature.sign(plan, mallory);
        assertThatThrownBy(() -> PlanSignature.verify(plan, allowed)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not in").hasMessageContaining("allowed_signers");
    }
}
