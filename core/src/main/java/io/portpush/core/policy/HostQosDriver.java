package io.portpush.core.policy;

import io.portpush.core.template.TemplateEngine;
import io.portpush.core.transport.SshConnection;
import java.time.Duration;
import java.util.Optional;

/**
 * DSCP marking on a host driven through SSH exec channels (Linux nftables): read back, render the
 * whole policy as one script, apply it as one transaction. The counterpart of {@link QosDriver}
 * for platforms without a CLI.
 */
public interface HostQosDriver {
    Optional<QosIntent> read(SshConnection connection, String name, Duration timeout);

    /** A script that makes the host mark exactly as {@code intent} says, applied as one transaction. */
    String render(QosIntent intent, TemplateEngine templates);

    /** Applies a script atomically; a refusal throws and leaves the host as it was. */
    void apply(SshConnection connection, String script, Duration timeout);
}
