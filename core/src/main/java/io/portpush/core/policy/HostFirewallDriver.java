package io.portpush.core.policy;

import io.portpush.core.template.TemplateEngine;
import io.portpush.core.transport.SshConnection;
import java.time.Duration;
import java.util.Optional;

/**
 * A host firewall driven through SSH exec channels rather than a CLI shell (Linux nftables):
 * read the ACL back, render a whole replacement as one script, apply it as one atomic
 * transaction. The acl module uses it with the same read / apply / verify / restore steps as
 * network devices.
 */
public interface HostFirewallDriver {

    boolean stateful();

    /**
     * Whether a chain bound at {@code b} sees every packet that crosses the host from one
     * interface to another (nftables' {@code forward} hook), whatever the interfaces.
     */
    default boolean filtersTransit(Binding b) {
        return false;
    }

    /**
     * A script that puts back everything portpush owns on the host as it is now (for the
     * confirm window's host-side timer), or empty where the driver cannot take one.
     */
    default Optional<String> snapshot(SshConnection connection, Duration timeout) {
        return Optional.empty();
    }

    /** The command that loads a script file on the host ({@code nft -f FILE}). */
    default String loadFile(String path) {
        throw new UnsupportedOperationException("no script loader");
    }

    /** A read-only command a fresh login runs to prove it can work on the host (the lockout guard). */
    default String probe() {
        return "true";
    }

    Optional<DeviceAcl> read(SshConnection connection, String name, Duration timeout);

    /** Each entry's hit counter as {@link #read} orders the entries (-1 where none); empty where the host keeps none. */
    default java.util.List<Long> counters(SshConnection connection, String name, Duration timeout) {
        return java.util.List.of();
    }

    /** A script that makes the host hold exactly {@code intent}, applied as one transaction. */
    String render(AclIntent intent, TemplateEngine templates);

    /** A script that removes the ACL. */
    String removal(String name);

    /** Applies a script atomically; a refusal throws and leaves the host as it was. */
    void apply(SshConnection connection, String script, Duration timeout);
}
