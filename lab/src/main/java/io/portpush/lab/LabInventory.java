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
        // read once: a 'lab up' record is the same for every host of this run
        Map<String, Integer> recordedPorts = recordedPorts(fleet.stateRoot());
        // the catalogue only where some host has lab_traffic, and once for all of them
        java.util.function.Supplier<io.portpush.core.catalogue.Catalogue> catalogue = memo(() -> new io.portpush.core.catalogue.CatalogueLoader()
                .load(List.of()));
        for (Host h : labHosts(inv)) {
            HostConnection c = HostConnection.of(h.name(), h.vars(), inv.source());
            boolean explicit = h.vars().containsKey("ansible_port") || h.vars().containsKey("port");
            // without a port in the inventory, 22 is not ours: only a device 'lab up' recorded counts as running
            Integer recorded = recordedPorts.get(h.name());
            if (explicit && listening(c.address(), c.port())) {
                if (recorded != null && recorded == c.port()) {
                    continue;
                }
                throw busy(inv, h.name(), c, "something already listens there and no 'portpush lab up' of this state directory serves it");
            }
            if (!explicit && recorded != null && listening(c.address(), recorded)) {
                continue;
            }
            DeviceSpec spec = DeviceSpec.of(h.name(), c.platform())
                    .withPort(!explicit || c.port() == 22 ? 0 : c.port())
                    .withCredentials(c.user() == null ? "admin" : c.user(), c.password() == null ? DeviceSpec.DEFAULT_PASSWORD : c.password().reveal(),
                            c.enableSecret() == null ? DeviceSpec.DEFAULT_ENABLE : c.enableSecret().reveal())
                    .withFaults(faults(h.vars()))
                    .withProfile(profile(h.name(), h.vars(), inv.source()).withTraffic(traffic(h.name(), h.vars(), inv.source(), catalogue)))
                    .withNetconfPort(netconfPort(h.name(), h.vars(), inv.source()));
            try {
                started.add(fleet.start(spec));
            } catch (RuntimeException e) {
                throw busy(inv, h.name(), c, "the lab could not listen there (" + e.getMessage() + ")");
            }
        }
        recordKeys(fleet.devices(), knownHosts);
        return started;
    }

    /**
     * The real ports of lab hosts whose inventory gives none: devices this fleet started on free
     * ports, or devices a separate {@code lab up} recorded in {@code labDir/lab.json}.
     */
    public static Map<String, Map<String, Object>> ports(LabFleet fleet, Inventory inv, java.nio.file.Path labDir) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        Map<String, Integer> recorded = recordedPorts(labDir);
        for (Host h : labHosts(inv)) {
            if (h.vars().containsKey("ansible_port") || h.vars().containsKey("port")) {
                continue;
            }
            Integer port = fleet.device(h.name()).map(LabDevice::port).orElse(recorded.get(h.name()));
            if (port != null) {
                out.put(h.name(), Map.of("ansible_port", port));
            }
        }
        return out;
    }

    private static io.portpush.core.error.InvalidInputException busy(Inventory inv, String host, HostConnection c, String why) {
        return new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation(inv.source(), 0,
                host + ".ansible_port"), "lab device " + host + " cannot start on " + c.address() + ":" + c.port() + ": " + why
                + "; stop that program, or give " + host + " another ansible_port (or none: the lab then picks a free one)");
    }

    /** Ports a running {@code lab up} recorded in {@code labDir/lab.json}, by host. */
    static Map<String, Integer> recordedPorts(java.nio.file.Path labDir) {
        Map<String, Integer> recorded = new java.util.HashMap<>();
        if (labDir == null || !Files.exists(labDir.resolve("lab.json"))) {
            return recorded;
        }
        try {
            for (com.fasterxml.jackson.databind.JsonNode d : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(labDir.resolve("lab.json").toFile()).path("devices")) {
                recorded.put(d.path("name").asText(), d.path("port").asInt());
            }
        } catch (IOException e) {
            // an unreadable record: use the inventory as written
        }
        return recorded;
    }

    /** Replaces the lines of these devices in {@code knownHosts}, keeping every other line. */
    public static synchronized void recordKeys(List<LabDevice> devices, Path knownHosts) {
        try {
            Files.createDirectories(knownHosts.toAbsolutePath().getParent());
            Set<String> lines = new LinkedHashSet<>();
            Set<String> ours = new LinkedHashSet<>();
            devices.forEach(d -> d.knownHostsLines().forEach(l -> ours.add(l.split(" ")[0])));
            if (Files.exists(knownHosts)) {
                for (String l : Files.readAllLines(knownHosts, StandardCharsets.UTF_8)) {
                    if (!l.isBlank() && !ours.contains(l.split(" ")[0])) {
                        lines.add(l);
                    }
                }
            }
            devices.forEach(d -> lines.addAll(d.knownHostsLines()));
            Path tmp = knownHosts.resolveSibling(knownHosts.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, knownHosts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What makes the host's device its own: {@code lab_hostname}, {@code lab_version},
     * {@code lab_model}, {@code lab_serial}, {@code lab_interfaces} (name to address with
     * prefix length, or to {@code {address: ..., nameif: ...}} on an ASA; no address for an
     * unnumbered one) and {@code lab_routes} (prefix to next hop or interface). Left out, each has a default that differs per host.
     */
    static DeviceProfile profile(String host, Map<String, Object> vars, String source) {
        List<DeviceProfile.Iface> ifaces = new ArrayList<>();
        Object li = vars.get("lab_interfaces");
        if (li != null && !(li instanceof Map<?, ?>)) {
            throw new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation(source, 0, host + ".lab_interfaces"),
                    "expected a mapping of interface names to addresses (GigabitEthernet1: 10.1.0.1/24)");
        }
        if (li instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = String.valueOf(e.getKey());
                String address = null;
                String nameif = null;
                if (e.getValue() instanceof Map<?, ?> d) {
                    address = d.get("address") == null ? null : String.valueOf(d.get("address"));
                    nameif = d.get("nameif") == null ? null : String.valueOf(d.get("nameif"));
                } else if (e.getValue() != null) {
                    address = String.valueOf(e.getValue());
                }
                if (address != null) {
                    inet.ipaddr.IPAddress a = new inet.ipaddr.IPAddressString(address).getAddress();
                    if (a == null || !a.isIPv4() || a.getNetworkPrefixLength() == null) {
                        throw new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation(source, 0,
                                host + ".lab_interfaces." + name), "'" + address + "' is not an IPv4 address with a prefix length (10.1.0.1/24)");
                    }
                }
                ifaces.add(new DeviceProfile.Iface(name, address, nameif));
            }
        }
        List<DeviceProfile.StaticRoute> routes = new ArrayList<>();
        Object lr = vars.get("lab_routes");
        if (lr != null && !(lr instanceof Map<?, ?>)) {
            throw new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation(source, 0, host + ".lab_routes"),
                    "expected a mapping of prefixes to next hops or interfaces (0.0.0.0/0: 203.0.113.1)");
        }
        if (lr instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                inet.ipaddr.IPAddress prefix = new inet.ipaddr.IPAddressString(String.valueOf(e.getKey())).getAddress();
                if (prefix == null || !prefix.isIPv4() || prefix.getNetworkPrefixLength() == null) {
                    throw new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation(source, 0,
                            host + ".lab_routes." + e.getKey()), "'" + e.getKey() + "' is not an IPv4 prefix with its length (10.20.0.0/16)");
                }
                if (e.getValue() == null || String.valueOf(e.getValue()).isBlank()) {
                    throw new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation(source, 0,
                            host + ".lab_routes." + e.getKey()), "give the next hop's address or the interface the route leaves by");
                }
                routes.add(new DeviceProfile.StaticRoute(prefix.toPrefixBlock(), String.valueOf(e.getValue())));
            }
        }
        return new DeviceProfile(str(vars, "lab_hostname", host), str(vars, "lab_version", null), str(vars, "lab_model", null),
                str(vars, "lab_serial", null), ifaces, routes, Boolean.TRUE.equals(vars.get("lab_filter_logins")));
    }

    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> s) {
        java.util.concurrent.atomic.AtomicReference<T> v = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> v.updateAndGet(x -> x != null ? x : s.get());
    }

    private static final java.util.regex.Pattern RATE = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|m|min))?");

    /**
     * {@code lab_traffic: [{flow: xcp.client-access, rate: 20/s}]}: each flow of the catalogue
     * becomes one packet that stands for it (from an address of the initiating role's first
     * prefix in the inventory's {@code roles}, to one of the other role's, on the flow's first
     * port), arriving at the rate given ({@code 20/s}, {@code 90/min}, a bare number per second).
     */
    static List<DeviceProfile.Traffic> traffic(String host, Map<String, Object> vars, String source,
                                               java.util.function.Supplier<io.portpush.core.catalogue.Catalogue> catalogue) {
        Object lt = vars.get("lab_traffic");
        if (lt == null) {
            return List.of();
        }
        if (!(lt instanceof List<?> list)) {
            throw bad(source, host + ".lab_traffic", "give a list of {flow: group.flow, rate: 20/s}");
        }
        Map<?, ?> roles = vars.get("roles") instanceof Map<?, ?> r ? r : Map.of();
        List<DeviceProfile.Traffic> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = host + ".lab_traffic[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m) || m.get("flow") == null) {
                throw bad(source, at + ".flow", "each entry names a catalogue flow (flow: xcp.client-access) and a rate (rate: 20/s)");
            }
            String ref = String.valueOf(m.get("flow"));
            io.portpush.core.catalogue.Flow f = catalogue.get().flow(ref).orElseThrow(() -> bad(source, at + ".flow",
                    "'" + ref + "' is not a flow of the catalogue (group.flow, as in 'portpush catalogue show')"));
            Object r0 = m.get("rate");
            java.util.regex.Matcher rate = RATE.matcher(String.valueOf(r0 == null ? "1/s" : r0).strip());
            if (!rate.matches()) {
                throw bad(source, at + ".rate", "'" + m.get("rate") + "' is not a rate (20/s, 90/min)");
            }
            double perSecond = Double.parseDouble(rate.group(1)) / (rate.group(2) != null && rate.group(2).startsWith("m") ? 60 : 1);
            String fromRole = f.fromInitiates() ? f.from().role() : f.to().role();
            String toRole = f.fromInitiates() ? f.to().role() : f.from().role();
            inet.ipaddr.IPAddress src = member(roles, fromRole, 10, source, at);
            inet.ipaddr.IPAddress dst = member(roles, toRole, 20, source, at);
            int protocol = f.transport() == io.portpush.core.catalogue.Transport.UDP ? 17 : 6;
            List<Integer> ports = f.ports().defaults();
            out.add(new DeviceProfile.Traffic(ref, new LabPacket(protocol, src, 40000 + i, dst, ports.isEmpty() ? 0 : ports.get(0), false), perSecond));
        }
        return out;
    }

    /** An address inside the role's first prefix ({@code offset} into it, for a subnet). */
    private static inet.ipaddr.IPAddress member(Map<?, ?> roles, String role, int offset, String source, String at) {
        Object v = roles.get(role);
        Object first = v instanceof List<?> l && !l.isEmpty() ? l.get(0) : v;
        inet.ipaddr.IPAddress p = first == null ? null : new inet.ipaddr.IPAddressString(String.valueOf(first)).getAddress();
        if (p == null || !p.isIPv4()) {
            throw bad(source, at + ".flow", "the flow's role '" + role + "' has no IPv4 address in the inventory's roles");
        }
        if (p.getNetworkPrefixLength() == null || p.getNetworkPrefixLength() >= 31) {
            return p.withoutPrefixLength();
        }
        return p.toPrefixBlock().getLower().increment(offset).withoutPrefixLength();
    }

    private static io.portpush.core.error.InvalidInputException bad(String source, String field, String message) {
        return new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation(source, 0, field), message);
    }

    /** {@code lab_netconf_port}: a second listener for the netconf subsystem alone (0: none). */
    static int netconfPort(String host, Map<String, Object> vars, String source) {
        Object v = vars.get("lab_netconf_port");
        if (v == null) {
            return 0;
        }
        try {
            int p = Integer.parseInt(String.valueOf(v));
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new io.portpush.core.error.InvalidInputException(new io.portpush.core.error.SourceLocation(source, 0, host + ".lab_netconf_port"),
                "'" + v + "' is not a TCP port (1-65535)");
    }

    private static String str(Map<String, Object> vars, String key, String otherwise) {
        Object v = vars.get(key);
        return v == null ? otherwise : String.valueOf(v);
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
