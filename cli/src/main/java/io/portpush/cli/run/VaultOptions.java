package io.portpush.cli.run;

import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.transport.Secret;
import io.portpush.core.vault.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * Where the Ansible Vault passwords of a run come from, as {@code ansible-playbook} takes them:
 * {@code --vault-password-file} (a file, or an executable that prints the password),
 * {@code --vault-id label@source} (source a file, an executable or {@code prompt}),
 * {@code --ask-vault-pass}, and {@code ANSIBLE_VAULT_PASSWORD_FILE} when none is given.
 */
public final class VaultOptions {
    @Option(names = "--vault-password-file", paramLabel = "FILE", description = "Ansible Vault password: a file, or an executable that prints it (repeatable).")
    List<Path> passwordFiles = new ArrayList<>();

    @Option(names = "--vault-id", paramLabel = "ID@SOURCE", description = "A vault id and where its password is: a file, an executable or 'prompt' (repeatable).")
    List<String> ids = new ArrayList<>();

    @Option(names = {"--ask-vault-pass", "-J"}, description = "Ask for the vault password on the terminal.")
    boolean ask;

    /** The vault of the run; {@code env} is the process environment (for ANSIBLE_VAULT_PASSWORD_FILE). */
    public Vault vault(Map<String, String> env) {
        List<Vault.Password> out = new ArrayList<>();
        for (Path f : passwordFiles) {
            out.add(new Vault.Password("default", read(f, "--vault-password-file")));
        }
        for (String id : ids) {
            int at = id.indexOf('@');
            String label = at < 0 ? "default" : id.substring(0, at);
            String source = at < 0 ? id : id.substring(at + 1);
            out.add(new Vault.Password(label, source.equals("prompt") ? prompt("vault password (" + label + "): ")
                    : read(Path.of(source), "--vault-id " + id)));
        }
        if (ask) {
            out.add(new Vault.Password("default", prompt("Vault password: ")));
        }
        String envFile = env.get("ANSIBLE_VAULT_PASSWORD_FILE");
        if (out.isEmpty() && envFile != null && !envFile.isBlank()) {
            out.add(new Vault.Password("default", read(Path.of(envFile), "ANSIBLE_VAULT_PASSWORD_FILE")));
        }
        return new Vault(out);
    }

    /** A password file's first line, or what an executable prints on its first line (as Ansible reads both). */
    private static Secret read(Path f, String option) {
        SourceLocation where = new SourceLocation(f.toString(), 0, option);
        if (!Files.isRegularFile(f)) {
            throw new InvalidInputException(where, "no such vault password file");
        }
        try {
            String text;
            if (Files.isExecutable(f)) {
                Process p = new ProcessBuilder(f.toAbsolutePath().toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                p.getOutputStream().close();
                byte[] stdout = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new InvalidInputException(where, "the vault password script failed (exit " + (p.isAlive() ? "none: timed out"
                            : p.exitValue()) + ")");
                }
                text = new String(stdout, StandardCharsets.UTF_8);
            } else {
                text = Files.readString(f, StandardCharsets.UTF_8);
            }
            String first = text.lines().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                throw new InvalidInputException(where, "the vault password is empty");
            }
            return Secret.of(first);
        } catch (IOException e) {
            throw new InvalidInputException(where, "cannot read the vault password: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException(where, "interrupted while the vault password script ran");
        }
    }

    private static Secret prompt(String question) {
        java.io.Console c = System.console();
        if (c == null) {
            throw new InvalidInputException(new SourceLocation("--ask-vault-pass", 0, ""), "no terminal to ask the vault password on; "
                    + "use --vault-password-file");
        }
        char[] pw = c.readPassword(question);
        return Secret.of(pw == null ? "" : new String(pw));
    }
}
