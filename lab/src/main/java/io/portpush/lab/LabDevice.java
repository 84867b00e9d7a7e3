package io.portpush.lab;

import io.portpush.lab.shell.CliShell;
import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.SshServer;

/**
 * One simulated network device: an SSH server (Apache MINA SSHD) on loopback whose shell is a
 * platform {@link Personality}. Keeps a command log and takes fault injection at runtime.
 */
public final class LabDevice implements AutoCloseable {
    private final DeviceSpec spec;
    private final SshServer server;
    private final Personality personality;
    private final CommandLog log;
    private final AtomicReference<Faults> faults;
    private final AtomicReference<KeyPair> hostKey;
    private final Path stateDir;
    /** The NETCONF-only listener, when the spec asks for one. */
    private SshServer netconfServer;

    private LabDevice(DeviceSpec spec, SshServer server, Path stateDir, KeyPair key, java.util.concurrent.ScheduledExecutorService scheduler) {
        this.spec = spec;
        this.server = server;
        this.stateDir = stateDir;
        this.log = new CommandLog(stateDir == null ? null : stateDir.resolve("session.log"), List.of(spec.password(), spec.enableSecret()));
        this.faults = new AtomicReference<>(spec.faults());
        this.hostKey = new AtomicReference<>(key);
        DeviceContext ctx = new DeviceContext(spec.profile().hostname(), spec.enableSecret(), faults::get, log, scheduler,
                spec.minute(), spec.profile());
        this.personality = Personalities.create(spec.platform(), ctx)
                .orElseThrow(() -> new IllegalArgumentException("the lab has no personality for platform '" + spec.platform()
                        + "' (known: " + String.join(", ", Personalities.PLATFORMS) + ")"));
    }

    /**
     * Starts a device. {@code stateDir} (may be null) keeps its host key and running configuration
     * across restarts; {@code server} is a configured, not yet started server from {@link LabFleet}.
     */
    static LabDevice start(DeviceSpec spec, SshServer server, SshServer netconfOnly, Path stateDir,
                           java.util.concurrent.ScheduledExecutorService scheduler) throws IOException {
        KeyPair key = loadOrCreateKey(stateDir);
        LabDevice d = new LabDevice(spec, server, stateDir, key, scheduler);
        d.netconfServer = netconfOnly;
        d.restoreState();
        d.listen(server, spec.port(), true);
        if (netconfOnly != null) {
            if (d.personality.netconf().isEmpty()) {
                server.stop(true);
                throw new IOException("lab device " + spec.name() + ": " + spec.platform() + " has no NETCONF server (lab_netconf_port)");
            }
            // as port 830 on a real Junos: the same host key and users, the netconf subsystem and nothing else
            d.listen(netconfOnly, spec.netconfPort(), false);
        }
        return d;
    }

    private void listen(SshServer server, int port, boolean shell) throws IOException {
        LabDevice d = this;
        server.setHost(spec.bindHost());
        server.setPort(port);
        server.setKeyPairProvider(new KeyPairProvider() {
            @Override
            public Iterable<KeyPair> loadKeys(SessionContext session) {
                return List.of(d.hostKey.get());
            }
        });
        server.setPasswordAuthenticator((user, password, session) -> !d.faults.get().refuseLogins()
                && spec.username().equals(user) && spec.password().equals(password));
        server.setPublickeyAuthenticator((user, key1, session) -> !d.faults.get().refuseLogins()
                && spec.username().equals(user)
                && spec.authorizedKeys().stream().anyMatch(k -> KeyUtils.compareKeys(k, key1)));
        server.setIoServiceEventListener(new org.apache.sshd.common.io.IoServiceEventListener() {
            @Override
            public void connectionAccepted(org.apache.sshd.common.io.IoAcceptor acceptor, java.net.SocketAddress local,
                                           java.net.SocketAddress remote, java.net.SocketAddress service) throws IOException {
                if (remote instanceof java.net.InetSocketAddress r && local instanceof java.net.InetSocketAddress l && !d.personality.admits(r, l)) {
                    d.log.add(0, "filtered", "login from " + r.getAddress().getHostAddress() + " dropped by the device's filter");
                    throw new IOException("filtered by the device's access list");
                }
            }
        });
        if (shell) {
            server.setShellFactory(channel -> new CliShell(d.personality, d.faults::get, d.log));
        }
        d.personality.netconf().ifPresent(nc -> server.setSubsystemFactories(List.of(new org.apache.sshd.server.subsystem.SubsystemFactory() {
            @Override
            public String getName() {
                return "netconf";
            }

            @Override
            public org.apache.sshd.server.command.Command createSubsystem(org.apache.sshd.server.channel.ChannelSession channel) {
                return new io.portpush.lab.netconf.NetconfServer(nc, d.log, d.faults::get);
            }
        })));
        server.start();
    }

    private static KeyPair loadOrCreateKey(Path stateDir) throws IOException {
        try {
            if (stateDir != null) {
                Path f = stateDir.resolve("host_key.ser");
                if (Files.exists(f)) {
                    try (var in = new java.io.ObjectInputStream(Files.newInputStream(f))) {
                        return (KeyPair) in.readObject();
                    } catch (ClassNotFoundException e) {
                        throw new IOException(e);
                    }
                }
                KeyPair kp = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
                Files.createDirectories(stateDir);
                try (var out = new java.io.ObjectOutputStream(Files.newOutputStream(f))) {
                    out.writeObject(kp);
                }
                return kp;
            }
            return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate a host key: " + e.getMessage(), e);
        }
    }

    private void restoreState() throws IOException {
        if (stateDir == null) {
            return;
        }
        Path f = stateDir.resolve("running-config.txt");
        if (Files.exists(f)) {
            String problems = personality.restore(Files.readString(f, StandardCharsets.UTF_8));
            if (!problems.isEmpty()) {
                throw new IOException("lab device " + spec.name() + ": saved configuration " + f + " does not load: " + problems);
            }
        }
    }

    /** Writes the running configuration to the state directory (no-op without one). */
    public void saveState() {
        if (stateDir == null) {
            return;
        }
        try {
            Files.createDirectories(stateDir);
            Path tmp = stateDir.resolve("running-config.txt.tmp");
            Files.writeString(tmp, personality.savedConfig(), StandardCharsets.UTF_8);
            Files.move(tmp, stateDir.resolve("running-config.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DeviceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public String host() {
        return spec.bindHost();
    }

    public int port() {
        return server.getPort();
    }

    /** The port of the NETCONF-only listener; 0 when the device has none. */
    public int netconfPort() {
        return netconfServer == null ? 0 : netconfServer.getPort();
    }

    public CommandLog log() {
        return log;
    }

    public Personality personality() {
        return personality;
    }

    public Faults faults() {
        return faults.get();
    }

    public void faults(Faults f) {
        faults.set(f);
    }

    /** Fault: the device presents a new host key from now on (as after a reinstall, or an attack). */
    public void rotateHostKey() {
        try {
            hostKey.set(KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey hostPublicKey() {
        return hostKey.get().getPublic();
    }

    /** The device's lines for an OpenSSH {@code known_hosts} file: its SSH port, and its NETCONF port when it has one. */
    public List<String> knownHostsLines() {
        if (netconfPort() == 0) {
            return List.of(knownHostsLine());
        }
        return List.of(knownHostsLine(), "[" + host() + "]:" + netconfPort() + " " + PublicKeyEntry.toString(hostPublicKey()));
    }

    /** The device's line for an OpenSSH {@code known_hosts} file. */
    public String knownHostsLine() {
        String hostPart = port() == 22 ? host() : "[" + host() + "]:" + port();
        return hostPart + " " + PublicKeyEntry.toString(hostPublicKey());
    }

    /** SHA-256 fingerprint of the host key, as OpenSSH prints it. */
    public String fingerprint() {
        try {
            byte[] blob = java.util.Base64.getDecoder().decode(PublicKeyEntry.toString(hostPublicKey()).split(" ")[1]);
            return "SHA256:" + java.util.Base64.getEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            saveState();
        } finally {
            server.stop(true);
            if (netconfServer != null) {
                netconfServer.stop(true);
            }
        }
    }
}
