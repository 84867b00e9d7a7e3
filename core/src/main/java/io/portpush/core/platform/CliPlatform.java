package io.portpush.core.platform;

import io.portpush.core.device.Dialect;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.QosDriver;
import java.util.Optional;
import java.util.Set;

/**
 * The parts every platform driven at a CLI holds, so that a platform's class says only what is
 * its own: its name, aliases, capabilities, dialect and drivers here, its readers in overrides.
 */
public abstract class CliPlatform implements Platform {
    private final String name;
    private final Set<String> aliases;
    private final Capabilities capabilities;
    private final Dialect dialect;
    private final AclDriver acl;
    private final QosDriver qos;

    /** @param qos null where the platform has no DSCP marking (then {@link Capabilities#noQos} says why) */
    protected CliPlatform(String name, Set<String> aliases, Capabilities capabilities, Dialect dialect, AclDriver acl, QosDriver qos) {
        this.name = name;
        this.aliases = Set.copyOf(aliases);
        this.capabilities = capabilities;
        this.dialect = dialect;
        this.acl = acl;
        this.qos = qos;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> aliases() {
        return aliases;
    }

    @Override
    public final Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public final Optional<Dialect> dialect() {
        return Optional.of(dialect);
    }

    @Override
    public final Optional<AclDriver> acl() {
        return Optional.of(acl);
    }

    @Override
    public final Optional<QosDriver> qos() {
        return Optional.ofNullable(qos);
    }
}
