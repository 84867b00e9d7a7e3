package io.portpush.core.change;

import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signs a plan file and checks its signature the way OpenSSH does ({@code ssh-keygen -Y sign} and
 * {@code -Y verify}, the SSHSIG format git uses for commits), so a team can sign with the SSH keys
 * it already has and keep an allowed-signers file of who may approve a change. The signature
 * lives beside the plan ({@code window.plan.sig}); the namespace {@value #NAMESPACE} keeps a plan
 * signature from being taken for any other. OpenSSH's own tool does the cryptography: portpush
 * writes none of it.
 */
public final class PlanSignature {
    public static final String NAMESPACE = "portpush-plan";

    private PlanSignature() {
    }

    /** The signature file of a plan. */
    public static Path of(Path plan) {
        return Path.of(plan + ".sig");
    }

    /** Signs {@code plan} with {@code key} (a private key, or a public key whose private half an ssh-agent holds). */
    public static Path sign(Path plan, Path key) {
        Path sig = of(plan);
        try {
            Files.deleteIfExists(sig);
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(sig.toString(), 0, ""), "cannot replace the old signature: " + e.getMessage());
        }
        Result r = run(List.of("ssh-keygen", "-q", "-Y", "sign", "-f", key.toString(), "-n", NAMESPACE, plan.toString()), null);
        if (r.status != 0 || !Files.exists(sig)) {
            throw new InvalidInputException(new SourceLocation(key.toString(), 0, "--sign-with"), "ssh-keygen could not sign the plan: "
                    + r.err.strip());
        }
        return sig;
    }

    /**
     * Checks the plan's signature against an allowed-signers file (OpenSSH's format: principal,
     * options, key) and returns who signed it, as the file names them.
     *
     * @throws InvalidInputException naming the signature file when there is none, it is not valid
     *                               for this plan, or its key is not an allowed signer
     */
    public static String verify(Path plan, Path allowedSigners) {
        Path sig = of(plan);
        if (!Files.exists(sig)) {
            throw new InvalidInputException(new SourceLocation(sig.toString(), 0, ""), "the plan is not signed (no " + sig.getFileName()
                    + "), and --allowed-signers asks for a signature; sign it with 'portpush plan ... --sign-with KEY'");
        }
        Result who = run(List.of("ssh-keygen", "-Y", "find-principals", "-s", sig.toString(), "-f", allowedSigners.toString()), null);
        String principal = who.out.lines().findFirst().orElse("").strip();
        if (who.status != 0 || principal.isEmpty()) {
            throw new InvalidInputException(new SourceLocation(sig.toString(), 0, ""), "the plan was signed by a key that is not in "
                    + allowedSigners + " (" + (who.err.isBlank() ? "no principal matches it" : who.err.strip()) + ")");
        }
        Result ok;
        try {
            ok = run(List.of("ssh-keygen", "-Y", "verify", "-f", allowedSigners.toString(), "-I", principal, "-n", NAMESPACE, "-s",
                    sig.toString()), Files.readAllBytes(plan));
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(plan.toString(), 0, ""), "cannot read the plan: " + e.getMessage());
        }
        if (ok.status != 0) {
            throw new InvalidInputException(new SourceLocation(sig.toString(), 0, ""), "the signature does not match the plan: it was "
                    + "changed after " + principal + " signed it, or the signature belongs to another file (" + (ok.err + ok.out).strip() + ")");
        }
        return principal;
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(List<String> cmd, byte[] stdin) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin);
            }
            p.getOutputStream().close();
            // the outputs are small; read both before waiting
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out, "ssh-keygen did not finish in 60 s");
            }
            return new Result(p.exitValue(), out, err);
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation("ssh-keygen", 0, ""), "cannot run ssh-keygen (OpenSSH's client tools, "
                    + "package openssh-client): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ssh-keygen ran", e);
        }
    }
}
