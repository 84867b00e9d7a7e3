package io.portpush.cli;

import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lab devices for one end-to-end test: started on free ports, their host keys recorded in the
 * test's {@code state/known_hosts}, and the inventory lines that reach them.
 */
public final class LabHosts implements AutoCloseable {
    /** The connection variables every lab host takes (YAML flow mapping entries). */
    public static final String CREDENTIALS = "ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: " + DeviceSpec.DEFAULT_PASSWORD
            + ", ansible_become_password: " + DeviceSpec.DEFAULT_ENABLE;

    private final LabFleet fleet = new LabFleet(null);
    private final Map<String, LabDevice> devices = new LinkedHashMap<>();

    /** Starts {@code name:platform} devices ({@code "r1:cisco_ios"}) for a test whose state lives under {@code dir/state}. */
    public static LabHosts start(Path dir, String... namesAndPlatforms) {
        LabHosts h = new LabHosts();
        for (String np : namesAndPlatforms) {
            String[] p = np.split(":");
            h.devices.put(p[0], h.fleet.start(DeviceSpec.of(p[0], p[1])));
        }
        LabInventory.recordKeys(h.fleet.devices(), dir.resolve("state/known_hosts"));
        return h;
    }

    public LabDevice get(String name) {
        return devices.get(name);
    }

    /** {@code r1: { ansible_port: N, ansible_network_os: cisco.ios.ios, EXTRA }} for an inventory's hosts mapping. */
    public String host(String name, String extra) {
        LabDevice d = devices.get(name);
        return name + ": { ansible_port: " + d.port() + ", ansible_network_os: " + ansibleName(d.spec().platform())
                + (extra.isEmpty() ? "" : ", " + extra) + " }";
    }

    /** The platform's Ansible name ({@code cisco.ios.ios}): the alias of the form collection.module, as inventories write it. */
    static String ansibleName(String platform) {
        return io.portpush.core.platform.PlatformRegistry.installed().named(platform).orElseThrow().aliases().stream()
                .filter(a -> a.chars().filter(ch -> ch == '.').count() == 2).sorted().findFirst().orElse(platform);
    }

    @Override
    public void close() {
        fleet.close();
    }
}
