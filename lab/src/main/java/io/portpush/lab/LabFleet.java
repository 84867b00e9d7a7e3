package io.portpush.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.ThreadUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

/**
 * A set of lab devices in one JVM. The devices share one I/O thread pool, so that a thousand of
 * them fit on a small machine (each MINA server would otherwise start its own pool).
 */
public final class LabFleet implements AutoCloseable {
    private final Map<String, LabDevice> devices = new LinkedHashMap<>();
    private final CloseableExecutorService io;
    private final Path stateRoot;
    private final java.util.concurrent.ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-timers");
        t.setDaemon(true);
        return t;
    });

    /** @param stateRoot where devices keep host keys and configuration; null for a throwaway fleet */
    public LabFleet(Path stateRoot) {
        this.stateRoot = stateRoot;
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        this.io = ThreadUtils.newFixedThreadPool("lab-io", threads);
    }

    /** Where devices keep their state (null for a throwaway fleet). */
    public Path stateRoot() {
        return stateRoot;
    }

    public synchronized LabDevice start(DeviceSpec spec) {
        if (devices.containsKey(spec.name())) {
            throw new IllegalArgumentException("lab device " + spec.name() + " already runs");
        }
        SshServer server = server();
        SshServer netconf = spec.netconfPort() > 0 ? server() : null;
        try {
            LabDevice d = LabDevice.start(spec, server, netconf, stateRoot == null ? null : stateRoot.resolve(spec.name()), timers);
            devices.put(spec.name(), d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("lab device " + spec.name() + " did not start: " + e.getMessage(), e);
        }
    }

    private SshServer server() {
        SshServer server = SshServer.setUpDefaultServer();
        server.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(() -> ThreadUtils.noClose(io)));
        // devices drop idle sessions after a long while, as real ones do with exec-timeout
        CoreModuleProperties.IDLE_TIMEOUT.set(server, java.time.Duration.ofMinutes(30));
        return server;
    }

    public synchronized List<LabDevice> startAll(Collection<DeviceSpec> specs) {
        List<LabDevice> out = new ArrayList<>();
        for (DeviceSpec s : specs) {
            out.add(start(s));
        }
        return out;
    }

    public synchronized Optional<LabDevice> device(String name) {
        return Optional.ofNullable(devices.get(name));
    }

    public synchronized List<LabDevice> devices() {
        return List.copyOf(devices.values());
    }

    /** known_hosts lines for every device. */
    public synchronized String knownHosts() {
        StringBuilder sb = new StringBuilder();
        devices.values().forEach(d -> d.knownHostsLines().forEach(l -> sb.append(l).append('\n')));
        return sb.toString();
    }

    public synchronized void saveState() {
        devices.values().forEach(LabDevice::saveState);
    }

    @Override
    public synchronized void close() {
        for (LabDevice d : devices.values()) {
            try {
                d.close();
            } catch (IOException | RuntimeException e) {
                // keep closing the others; a lab shutting down has no one to tell
            }
        }
        devices.clear();
        io.shutdownNow();
        timers.shutdownNow();
    }
}
