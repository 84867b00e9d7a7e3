package io.portpush.core.policy;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.template.TemplateEngine;
import java.util.List;
import java.util.Optional;

/**
 * One platform's way with ACLs: the small fixed set of verbs every platform implements (as in
 * NAPALM's driver contract). The acl module drives them in the same order everywhere: read,
 * plan, apply (config mode + the dialect's commit), read again to verify, and restore the
 * previous state with the same plan machinery when anything goes wrong.
 */
public interface AclDriver {

    /** Whether the platform tracks sessions (no return entries needed). */
    boolean stateful();

    /** Reads the named ACL and where it is bound; empty when the device has no such ACL. */
    Optional<DeviceAcl> read(DeviceSession session, String name);

    /** The intent in the device's own syntax, rendered by the platform's template. */
    String render(AclIntent intent, TemplateEngine templates);

    /**
     * The configuration lines that take the device from {@code current} to {@code intent}; empty
     * when it already matches, by {@code strategy} (one the platform declares in its capabilities).
     */
    List<String> plan(Optional<DeviceAcl> current, AclIntent intent, TemplateEngine templates, io.portpush.core.platform.AclStrategy strategy);

    /** Lines that remove what an interrupted change may leave behind (a temporary list); may be empty. */
    default List<String> cleanup(String name) {
        return List.of();
    }

    /**
     * The hit counters of the named ACL as the device counts them, keyed as {@link
     * AclEntries#hitKeys} keys them; empty where the platform keeps none per entry. Read only when
     * a drift report has entries to show them beside (one more show command).
     */
    default java.util.Map<AclEntry, Long> hits(DeviceSession session, String name) {
        return java.util.Map.of();
    }

    /**
     * The device's hit counter of each entry of {@code acl} (as {@link #read} read it), in the same
     * order, -1 where it gives none; empty where portpush reads no per-entry counters on the
     * platform yet. Read for traffic checks ({@code --soak}).
     */
    default List<Long> counters(DeviceSession session, DeviceAcl acl) {
        return List.of();
    }

    /** Lines that put back {@code previous} (or remove the ACL when there was none), given what the device holds now. */
    List<String> restore(Optional<DeviceAcl> now, Optional<DeviceAcl> previous, String name, TemplateEngine templates);
}
