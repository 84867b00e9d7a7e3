package io.portpush.core.transport;

import io.portpush.core.wire.LineGate;
import io.portpush.core.wire.LineRules;
import io.portpush.core.wire.UnsafeLineException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/**
 * One SSH connection (SSHJ) to a device or host: password or key authentication, host keys
 * checked by {@link KnownHostsVerifier}, an optional bastion, and retries with backoff on
 * connection failures only (never after authentication, never on a host key problem).
 */
public final class SshConnection implements AutoCloseable {
    /** One shared SSHJ configuration: building it (algorithm lists) is not free. */
    private static final DefaultConfig CONFIG = new FastFirstConfig();

    /**
     * SSHJ's algorithms, the fast ones first where both sides offer them: AES-GCM, which the JDK
     * runs on the processor's AES and carry-less multiply instructions, before SSHJ's pure-Java
     * ChaCha20-Poly1305 and the CTR+HMAC modes; curve25519 key exchange before the NIST curves,
     * whose arithmetic runs on BigInteger. Host key algorithms keep SSHJ's order: which key a
     * device presents decides which known_hosts line must match it. Bouncy Castle stays the
     * provider: the JDK's own measured no faster here (300 logins, 50 at once: 200 against 220
     * logins/s, docs/PERFORMANCE.md).
     */
    static final class FastFirstConfig extends DefaultConfig {
        @Override
        protected void initCipherFactories() {
            super.initCipherFactories();
            setCipherFactories(first(getCipherFactories(), List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com")));
        }

        @Override
        protected void initKeyExchangeFactories() {
            super.initKeyExchangeFactories();
            setKeyExchangeFactories(first(getKeyExchangeFactories(), List.of("curve25519-sha256", "curve25519-sha256@libssh.org")));
        }

        private static <T extends net.schmizz.sshj.common.Factory.Named<?>> List<T> first(List<T> all, List<String> names) {
            List<T> out = new ArrayList<>();
            for (String n : names) {
                all.stream().filter(f -> f.getName().equals(n)).forEach(out::add);
            }
            all.stream().filter(f -> !out.contains(f)).forEach(out::add);
            return out;
        }
    }

    private final SshTarget target;
    private final SSHClient client;
    private final SSHClient bastion;
    private final String algorithms;

    private SshConnection(SshTarget target, SSHClient client, SSHClient bastion, String algorithms) {
        this.target = target;
        this.client = client;
        this.bastion = bastion;
        this.algorithms = algorithms;
    }

    /** What the two sides agreed on (key exchange, host key, ciphers, MACs), for -vvv. */
    public String algorithms() {
        return algorithms;
    }

    /**
     * Connects and authenticates, retrying connection failures {@code retries} times with
     * exponential backoff from {@code backoff}.
     */
    public static SshConnection open(SshTarget target, KnownHostsVerifier hostKeys, int retries, Duration backoff) {
        io.portpush.core.transport.TransportException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 6)));
            }
            try {
                return openOnce(target, hostKeys);
            } catch (io.portpush.core.transport.TransportException e) {
                if (e.kind() != io.portpush.core.transport.TransportException.Kind.UNREACHABLE) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private static SshConnection openOnce(SshTarget t, KnownHostsVerifier hostKeys) {
        SSHClient bastion = null;
        SSHClient c = new SSHClient(CONFIG);
        java.util.concurrent.atomic.AtomicReference<String> agreed = new java.util.concurrent.atomic.AtomicReference<>("(not negotiated)");
        try {
            c.addHostKeyVerifier(hostKeys);
            c.getTransport().addAlgorithmsVerifier(a -> {
                agreed.set("kex " + a.getKeyExchangeAlgorithm() + ", host key " + a.getSignatureAlgorithm() + ", cipher "
                        + a.getClient2ServerCipherAlgorithm() + (a.getClient2ServerCipherAlgorithm().equals(a.getServer2ClientCipherAlgorithm())
                        ? "" : "/" + a.getServer2ClientCipherAlgorithm()) + ", mac " + (a.getClient2ServerCipherAlgorithm().contains("gcm")
                        || a.getClient2ServerCipherAlgorithm().contains("poly1305") ? "(in the cipher)" : a.getClient2ServerMACAlgorithm()));
                return true;
            });
            c.setConnectTimeout((int) t.connectTimeout().toMillis());
            c.setTimeout((int) t.commandTimeout().toMillis());
            if (t.jump() != null) {
                bastion = openOnce(t.jump(), hostKeys).client;
                DirectConnection tunnel = bastion.newDirectConnection(t.host(), t.port());
                c.connectVia(tunnel, t.host(), t.port());
            } else {
                c.connect(t.host(), t.port());
            }
            authenticate(c, t);
            return new SshConnection(t, c, bastion, agreed.get());
        } catch (UserAuthException e) {
            closeQuietly(c, bastion);
            throw new io.portpush.core.transport.TransportException(io.portpush.core.transport.TransportException.Kind.AUTHENTICATION,
                    t.display() + ": authentication failed (" + authMethods(t) + " refused); check the user and password/key in the inventory", e);
        } catch (TransportException e) {
            closeQuietly(c, bastion);
            String why = hostKeys.problem();
            if (why != null && e.getMessage() != null && e.getMessage().contains("verify")) {
                throw new io.portpush.core.transport.TransportException(io.portpush.core.transport.TransportException.Kind.HOST_KEY,
                        t.display() + ": " + why, e);
            }
            throw unreachable(t, e);
        } catch (IOException e) {
            closeQuietly(c, bastion);
            throw unreachable(t, e);
        }
    }

    private static io.portpush.core.transport.TransportException unreachable(SshTarget t, IOException e) {
        String why;
        if (e instanceof ConnectException) {
            why = "connection refused";
        } else if (e instanceof SocketTimeoutException) {
            why = "no answer within " + t.connectTimeout().toSeconds() + "s";
        } else if (e instanceof UnknownHostException) {
            why = "unknown host name";
        } else if (e instanceof NoRouteToHostException) {
            why = "no route to host";
        } else {
            why = String.valueOf(e.getMessage());
        }
        return new io.portpush.core.transport.TransportException(io.portpush.core.transport.TransportException.Kind.UNREACHABLE,
                t.display() + ": unreachable: " + why, e);
    }

    private static String authMethods(SshTarget t) {
        List<String> m = new ArrayList<>();
        if (t.privateKey() != null) {
            m.add("key " + t.privateKey());
        }
        if (t.password() != null) {
            m.add("password");
        }
        return m.isEmpty() ? "no credentials given" : String.join(", ", m);
    }

    private static void authenticate(SSHClient c, SshTarget t) throws IOException {
        List<AuthMethod> methods = new ArrayList<>();
        if (t.privateKey() != null) {
            KeyProvider kp = t.passphrase() == null ? c.loadKeys(t.privateKey().toString())
                    : c.loadKeys(t.privateKey().toString(), PasswordUtils.createOneOff(t.passphrase().reveal().toCharArray()));
            methods.add(new AuthPublickey(kp));
        }
        methods.addAll(agentMethods());
        if (t.password() != null) {
            methods.add(new AuthPassword(PasswordUtils.createOneOff(t.password().reveal().toCharArray())));
        }
        if (methods.isEmpty()) {
            throw new UserAuthException("no credentials");
        }
        c.auth(t.user(), methods);
    }

    /**
     * One method per key the user's ssh-agent holds, when SSH_AUTH_SOCK (or the system property
     * {@code portpush.ssh.agent}) names a running agent's socket.
     */
    private static List<AuthMethod> agentMethods() {
        String sock = System.getProperty("portpush.ssh.agent", System.getenv("SSH_AUTH_SOCK"));
        if (sock == null || sock.isBlank() || !java.nio.file.Files.exists(java.nio.file.Path.of(sock))) {
            return List.of();
        }
        List<AuthMethod> out = new ArrayList<>();
        try {
            com.jcraft.jsch.agentproxy.AgentProxy agent = new com.jcraft.jsch.agentproxy.AgentProxy(
                    new com.jcraft.jsch.agentproxy.connector.SSHAgentConnector(new com.jcraft.jsch.agentproxy.usocket.JNAUSocketFactory(), sock));
            for (com.jcraft.jsch.agentproxy.Identity id : agent.getIdentities()) {
                out.add(new com.jcraft.jsch.agentproxy.sshj.AuthAgent(agent, id));
            }
        } catch (Exception | LinkageError e) {
            // no usable agent: keys and passwords still work
        }
        return out;
    }

    private static void closeQuietly(SSHClient c, SSHClient b) {
        for (SSHClient x : new SSHClient[] {c, b}) {
            if (x != null) {
                try {
                    x.disconnect();
                } catch (IOException | RuntimeException ignored) {
                    // already broken
                }
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public SshTarget target() {
        return target;
    }

    /** Opens an interactive shell with a pty, as a person's terminal (and network CLIs) expect. */
    public InteractiveShell shell() {
        try {
            Session s = client.startSession();
            s.allocatePTY("vt100", 511, 24, 0, 0, Map.of());
            return new InteractiveShell(target, s, s.startShell());
        } catch (IOException e) {
            throw new io.portpush.core.transport.TransportException(io.portpush.core.transport.TransportException.Kind.DISCONNECTED,
                    target.display() + ": cannot open a shell: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the {@code netconf} SSH subsystem (RFC 6242) and exchanges hellos; {@code timeout}
     * bounds every read of the session.
     */
    public NetconfSession netconf(Duration timeout) {
        Session s = null;
        try {
            s = client.startSession();
            Session.Subsystem sub = s.startSubsystem("netconf");
            return NetconfSession.start(target, s, sub, timeout);
        } catch (IOException e) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the session is gone either way
                }
            }
            throw new io.portpush.core.transport.TransportException(io.portpush.core.transport.TransportException.Kind.DISCONNECTED,
                    target.display() + ": cannot open the netconf subsystem: " + e.getMessage()
                            + " (is NETCONF over SSH enabled on the device: set system services netconf ssh?)", e);
        }
    }

    /**
     * Runs one command on an exec channel (Linux hosts) and returns its result. The command and
     * every line of {@code stdin} pass the {@link LineGate} first: a script is the lines its
     * builder meant, never one more.
     */
    public ExecResult exec(String command, String stdin, Duration timeout) {
        gate(target.display(), command, stdin);
        try (Session s = client.startSession()) {
            Session.Command cmd = s.exec(command);
            if (stdin != null) {
                cmd.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                cmd.getOutputStream().flush();
                cmd.getOutputStream().close();
            }
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(cmd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Integer status = cmd.getExitStatus();
            return new ExecResult(status == null ? -1 : status, out, err);
        } catch (IOException e) {
            throw new io.portpush.core.transport.TransportException(io.portpush.core.transport.TransportException.Kind.DISCONNECTED,
                    target.display() + ": '" + command + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * The gate for an exec channel: the command, and the script on stdin split on LF only (the
     * separator its builders write), so a CR or any other control character inside a line is refused
     * rather than taken for a line end.
     */
    static void gate(String host, String command, String stdin) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(command);
        if (stdin != null) {
            String body = stdin.endsWith("\n") ? stdin.substring(0, stdin.length() - 1) : stdin;
            lines.addAll(java.util.List.of(body.split("\n", -1)));
        }
        for (String line : lines) {
            java.util.Optional<LineGate.Violation> v = LineGate.check(line, LineRules.ANY);
            if (v.isPresent()) {
                throw UnsafeLineException.of(host, line, v.get());
            }
        }
    }

    /** Exit status and output of an exec channel command. */
    public record ExecResult(int status, String stdout, String stderr) {
    }

    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
    }

    @Override
    public void close() {
        closeQuietly(client, bastion);
    }
}
