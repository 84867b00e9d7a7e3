package io.portpush.core.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how to log in over SSH.
 *
 * @param privateKey a private key file, or null for password only
 * @param jump a bastion to tunnel through (ProxyJump), or null
 */
public record SshTarget(String host, int port, String user, Secret password, Path privateKey, Secret passphrase,
                        Duration connectTimeout, Duration commandTimeout, SshTarget jump) {

    public static SshTarget password(String host, int port, String user, String password) {
        return new SshTarget(host, port, user, Secret.of(password), null, null, Duration.ofSeconds(10),
                Duration.ofSeconds(30), null);
    }

    public SshTarget withTimeouts(Duration connect, Duration command) {
        return new SshTarget(host, port, user, password, privateKey, passphrase, connect, command, jump);
    }

    public SshTarget withKey(Path key, Secret keyPassphrase) {
        return new SshTarget(host, port, user, password, key, keyPassphrase, connectTimeout, commandTimeout, jump);
    }

    public SshTarget via(SshTarget bastion) {
        return new SshTarget(host, port, user, password, privateKey, passphrase, connectTimeout, commandTimeout, bastion);
    }

    /** {@code user@host:port}, for messages. */
    public String display() {
        return user + "@" + host + ":" + port;
    }
}
