package io.portpush.lab;

import io.portpush.lab.asa.AsaPersonality;
import io.portpush.lab.ios.IosPersonality;
import io.portpush.lab.junos.JunosPersonality;
import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import java.util.Optional;
import java.util.Set;

/** The platforms the lab can simulate, by portpush platform name. */
public final class Personalities {
    public static final Set<String> PLATFORMS = Set.of("cisco_ios", "cisco_asa", "juniper_junos");

    private Personalities() {
    }

    public static Optional<Personality> create(String platform, DeviceContext ctx) {
        return Optional.ofNullable(switch (platform) {
            case "cisco_ios" -> new IosPersonality(ctx);
            case "cisco_asa" -> new AsaPersonality(ctx);
            case "juniper_junos" -> new JunosPersonality(ctx);
            default -> null;
        });
    }
}
