package io.portpush.core.meaning;

import java.util.Optional;

/**
 * A run service asking the policy modules for a catalogue reachability matrix instead of a
 * change: for each catalogue flow between the roles a task names, whether the intent and the
 * device let it through on its path ({@code portpush audit}); {@code flow} limits it to one
 * flow or group.
 */
public record AuditRequest(Optional<String> flow) {
}
