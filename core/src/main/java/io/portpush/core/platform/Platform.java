package io.portpush.core.platform;

import io.portpush.core.device.Dialect;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.HitCounter;
import io.portpush.core.policy.HostFirewallDriver;
import io.portpush.core.policy.QosDriver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One platform portpush drives, as one object: its name and the names inventories give it, what
 * it declares it can do, how its CLI talks, its drivers and its readers. Platforms are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.portpush.core.platform.Platform}):
 * nothing outside a platform's own package names it.
 */
public interface Platform {
    /** portpush's name, e.g. {@code cisco_ios}; also its template folder. */
    String name();

    /** Other names inventories use ({@code ansible_network_os}: {@code cisco.ios.ios}, {@code ios}...). */
    Set<String> aliases();

    Capabilities capabilities();

    /** How its CLI talks; empty for platforms driven over an exec channel (Linux hosts). */
    Optional<Dialect> dialect();

    /** Its ACL driver over the CLI, if any. */
    default Optional<AclDriver> acl() {
        return Optional.empty();
    }

    /** Its DSCP marking driver over the CLI, if any. */
    default Optional<QosDriver> qos() {
        return Optional.empty();
    }

    /** Its host firewall driver (exec channel, atomic scripts), if any. */
    default Optional<HostFirewallDriver> hostFirewall() {
        return Optional.empty();
    }

    /** Its DSCP marking driver over an exec channel (atomic scripts), if any. */
    default Optional<io.portpush.core.policy.HostQosDriver> hostQos() {
        return Optional.empty();
    }

    /** Whether commands run on an exec channel (a Linux shell) rather than at a device CLI. */
    default boolean exec() {
        return dialect().isEmpty();
    }

    /**
     * The ACLs in a command's output, where this platform has a reader for the command; readers
     * never abort on a line (what they do not understand is an unrecognised entry). {@code groups}
     * is output that defines groups the command prints by name only (may be empty).
     */
    default Optional<Map<String, List<AclEntry>>> readAcls(String command, String output, String groups) {
        return Optional.empty();
    }

    /** What is attached to each interface, where the command prints it ({@code in ACL-IN}, policies...). */
    default Optional<Map<String, List<String>>> readInterfaces(String command, String output) {
        return Optional.empty();
    }

    /** Hit counters per filter, where the command prints them by name. */
    default Optional<Map<String, List<HitCounter>>> readCounters(String command, String output) {
        return Optional.empty();
    }

    /**
     * The command whose answer is the routing table placement reads ({@code show ip route}), or
     * empty when the platform has no reader for one: its hosts need {@code zones:}.
     */
    default Optional<String> routeCommand() {
        return Optional.empty();
    }

    /** The routes in a command's output, where this platform has a reader for it; lines it cannot use are left out. */
    default Optional<List<io.portpush.core.placement.Route>> readRoutes(String command, String output) {
        return Optional.empty();
    }

    /**
     * The command whose answer says which list is bound where on every interface (read by
     * {@link #readInterfaces} as {@code in NAME}/{@code out NAME}), so an audit can see lists on a
     * path that no playbook manages; empty when the platform has none.
     */
    default Optional<String> bindingsCommand() {
        return Optional.empty();
    }
}
