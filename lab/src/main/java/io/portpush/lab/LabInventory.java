package io.portpush.lab;

import io.portpush.core.inventory.Host;
import io.portpush.core.inventory.HostConnection;
import io.portpush.core.inventory.Inventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts lab devices for the hosts of an inventory that say {@code portpush_lab: true} and whose
 * platform the lab simulates, and records their host keys in the project's known_hosts so the
 * engine trusts exactly these devices.
 */
public final class LabInventory {
    private LabInventory() {
    }

    /** Lab hosts of the inventory (portpush_lab true and a lab platform). */
    public static List<Host> labHosts(Inventory inv) {
        List<Host> out = new ArrayList<>();
        for (Host h : inv.hosts()) {
            HostConnection c = HostConnection.of(h.name(), h.vars(), inv.source());
            if (c.lab() && c.platform() != null && Personalities.PLATFORMS.contains(c.platform())) {
                out.add(h);
            }
        }
        return out;
    }

    /** Whether something already listens on the host's address and port. */
    public static boolean listening(String host, int port) {
        if (port <= 0) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts a device for every lab host not already running (another {@code lab up} may serve
     * them); returns the devices started. {@code knownHosts} gets their keys.
     */
    public static List<LabDevice> start(LabFleet fleet, Inventory inv, Path knownHosts) {
        List<LabDevice> started = new ArrayList<>();
        for (Host h : labHosts(inv)) {
            HostConnection c = HostConnection.of(h.name(), h.vars(), inv.source());
            if (listening(c.address(), c.port())) {
                continue;
            }
            DeviceSpec spec = DeviceSpec.of(h.name(), c.platform())
                    .withPort(c.port() == 22 ? 0 : c.port())
                    .withCredentials(c.user() == null ? "admin" : c.user(), c.password() == null ? "admin" : c.password().reveal(),
                            c.enableSecret() == null ? "enable" : c.enableSecret().reveal())
                    .withFaults(faults(h.vars()));
            started.add(fleet.start(spec));
        }
        recordKeys(fleet.devices(), knownHosts);
        return started;
    }

    /** Replaces the lines of these devices in {@code knownHosts}, keeping every other line. */
    public static synchronized void recordKeys(List<LabDevice> devices, Path knownHosts) {
        try {
            Files.createDirectories(knownHosts.toAbsolutePath().getParent());
            Set<String> lines = new LinkedHashSet<>();
            Set<String> ours = new LinkedHashSet<>();
            devices.forEach(d -> ours.add(d.knownHostsLine().split(" ")[0]));
            if (Files.exists(knownHosts)) {
                for (String l : Files.readAllLines(knownHosts, StandardCharsets.UTF_8)) {
                    if (!l.isBlank() && !ours.contains(l.split(" ")[0])) {
                        lines.add(l);
                    }
                }
            }
            devices.forEach(d -> lines.add(d.knownHostsLine()));
            Path tmp = knownHosts.resolveSibling(knownHosts.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, knownHosts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fault injection from the host's {@code lab_faults} variable. */
    @SuppressWarnings("unchecked")
    static Faults faults(Map<String, Object> vars) {
        Object o = vars.get("lab_faults");
        if (!(o instanceof Map<?, ?> m)) {
            return Faults.NONE;
        }
        Map<String, Object> f = (Map<String, Object>) m;
        Faults out = Faults.NONE;
        out = out.withCommandLatency(num(f.get("command_latency_ms")));
        out = out.withLoginDelay(num(f.get("login_delay_ms")));
        out = out.withDropAfterCommands((int) num(f.get("drop_after_commands")));
        out = out.withDropAfterConfigLines((int) num(f.get("drop_after_config_lines")));
        out = out.withRefuseLogins(Boolean.TRUE.equals(f.get("refuse_logins")));
        if (f.get("refuse_commands") instanceof List<?> l) {
            for (Object r : l) {
                out = out.withRefusedCommand(String.valueOf(r));
            }
        }
        if (f.get("ignore_lines") instanceof List<?> l) {
            for (Object r : l) {
                out = out.withIgnoredLine(String.valueOf(r));
            }
        }
        return out;
    }

    private static long num(Object o) {
        return o == null ? 0 : Long.parseLong(String.valueOf(o));
    }
}
