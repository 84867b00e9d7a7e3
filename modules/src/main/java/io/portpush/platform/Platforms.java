package io.portpush.platform;

import io.portpush.core.device.Dialect;
import io.portpush.core.platform.Platform;
import io.portpush.core.platform.PlatformRegistry;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.HitCounter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms registered on the class path ({@link PlatformRegistry#installed()}), for the
 * modules and commands that hold a platform's name: its drivers and readers come from the
 * platform object; this class names no platform.
 */
public final class Platforms {
    private Platforms() {
    }

    /** The platform called {@code name} (portpush's name), if this build drives it. */
    public static Optional<Platform> of(String name) {
        return PlatformRegistry.installed().named(name);
    }

    /** The dialect, or null for platforms driven without a CLI shell (Linux hosts) or unknown ones. */
    public static Dialect dialect(String platform) {
        return of(platform).flatMap(Platform::dialect).orElse(null);
    }

    /** The ACLs in a command's output where the platform has a reader for it (see {@link Platform#readAcls}). */
    public static Optional<Map<String, List<AclEntry>>> readAcls(String platform, String command, String output) {
        return readAcls(platform, command, output, "");
    }

    /** As {@link #readAcls(String, String, String)}, with output that defines the groups the command prints by name. */
    public static Optional<Map<String, List<AclEntry>>> readAcls(String platform, String command, String output, String groupsOutput) {
        return of(platform).flatMap(p -> p.readAcls(command, output, groupsOutput));
    }

    /** What is attached to each interface, where the platform reads the command (see {@link Platform#readInterfaces}). */
    public static Optional<Map<String, List<String>>> readInterfaces(String platform, String command, String output) {
        return of(platform).flatMap(p -> p.readInterfaces(command, output));
    }

    /** Hit counters per filter, where the platform reads the command (see {@link Platform#readCounters}). */
    public static Optional<Map<String, List<HitCounter>>> readCounters(String platform, String command, String output) {
        return of(platform).flatMap(p -> p.readCounters(command, output));
    }

    /** The routes in a command's output, where the platform reads the command (see {@link Platform#readRoutes}). */
    public static Optional<List<io.portpush.core.placement.Route>> readRoutes(String platform, String command, String output) {
        return of(platform).flatMap(p -> p.readRoutes(command, output));
    }

    /** One entry as plain data (the {@code parsed} value of the command module, {@code portpush parse --json}). */
    public static java.util.Map<String, Object> data(io.portpush.core.policy.AclEntry e) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (e.unrecognised()) {
            m.put("unrecognised", e.unrecognisedText());
            return m;
        }
        m.put("action", e.action().word());
        m.put("protocol", e.protocol());
        m.put("source", e.source().toString());
        m.put("source_ports", e.sourcePorts().toString());
        m.put("destination", e.destination().toString());
        m.put("destination_ports", e.destinationPorts().toString());
        m.put("established", e.established());
        m.put("log", e.log());
        if (e.qualified()) {
            m.put("qualifiers", e.qualifiers());
        }
        return m;
    }

    /** Structured data for a show command's output where portpush has a reader (the command module's {@code parsed}). */
    public static java.util.Optional<Object> parse(String platform, String command, String output) {
        java.util.Optional<java.util.Map<String, java.util.List<io.portpush.core.policy.AclEntry>>> acls;
        try {
            acls = readAcls(platform, command, output);
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // output the readers do not model at all: text only
        }
        if (acls.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        acls.get().forEach((name, entries) -> out.put(name, entries.stream().map(Platforms::data).toList()));
        return java.util.Optional.of(out);
    }
}
