package io.portpush.lab;

import io.portpush.lab.ios.IosPersonality;
import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import java.util.Optional;
import java.util.Set;

/** The platforms the lab can simulate, by portpush platform name. */
public final class Personalities {
    public static final Set<String> PLATFORMS = Set.of("cisco_ios");

    private Personalities() {
    }

    public static Optional<Personality> create(String platform, DeviceContext ctx) {
        return Optional.ofNullable(switch (platform) {
            case "cisco_ios" -> new IosPersonality(ctx);
            default -> null;
        });
    }
}
