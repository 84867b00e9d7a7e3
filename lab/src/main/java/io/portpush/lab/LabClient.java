package io.portpush.lab;

import io.portpush.core.transport.InteractiveShell;
import io.portpush.core.transport.KnownHostsVerifier;
import io.portpush.core.transport.SshConnection;
import io.portpush.core.transport.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** A plain SSHJ shell to a lab device, trusting exactly the device's own host key: for tests and benchmarks. */
public final class LabClient implements AutoCloseable {
    public final SshConnection connection;
    public final InteractiveShell shell;
    private final Pattern prompt;

    public LabClient(LabDevice d, Pattern prompt) throws Exception {
        this(d, prompt, d.spec().username(), d.spec().password());
    }

    public LabClient(LabDevice d, Pattern prompt, String user, String password) throws Exception {
        Path kh = Files.createTempFile("kh", "");
        Files.writeString(kh, d.knownHostsLine() + "\n");
        KnownHostsVerifier v = new KnownHostsVerifier(List.of(kh), false, null);
        this.connection = SshConnection.open(SshTarget.password(d.host(), d.port(), user, password)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), v, 0, Duration.ZERO);
        this.shell = connection.shell();
        this.prompt = prompt;
    }

    /** What the device sent up to and including the first prompt. */
    public String login() {
        return shell.readUntil(prompt, Duration.ofSeconds(5));
    }

    /** Sends a line; returns everything up to and including the next prompt, CR removed. */
    public String raw(String line) {
        shell.write(line + "\n");
        return shell.readUntil(prompt, Duration.ofSeconds(5)).replace("\r", "");
    }

    /** Sends a line; returns everything up to and including the next prompt as sent, CR kept (line endings under test). */
    public String rawWithCr(String line) {
        shell.write(line + "\n");
        return shell.readUntil(prompt, Duration.ofSeconds(5));
    }

    /** Sends a line; returns the output only (no echo, no prompt). */
    public String cmd(String line) {
        return shell.command(line, prompt, Duration.ofSeconds(5));
    }

    public String until(String line, Pattern other) {
        shell.write(line + "\n");
        return shell.readUntil(other, Duration.ofSeconds(5)).replace("\r", "");
    }

    @Override
    public void close() {
        shell.close();
        connection.close();
    }
}
