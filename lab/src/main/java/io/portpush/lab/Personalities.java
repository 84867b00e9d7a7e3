package io.portpush.lab;

import io.portpush.lab.shell.DeviceContext;
import io.portpush.lab.shell.Personality;
import io.portpush.lab.shell.PersonalityFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The platforms the lab can simulate, by portpush platform name: the personality factories on the class path. */
public final class Personalities {
    private static final Map<String, PersonalityFactory> FACTORIES = load();

    /** The platform names with a personality, sorted. */
    public static final Set<String> PLATFORMS = java.util.Collections.unmodifiableSet(new TreeSet<>(FACTORIES.keySet()));

    private Personalities() {
    }

    private static Map<String, PersonalityFactory> load() {
        Map<String, PersonalityFactory> out = new LinkedHashMap<>();
        for (PersonalityFactory f : ServiceLoader.load(PersonalityFactory.class, Personalities.class.getClassLoader())) {
            if (out.putIfAbsent(f.platform(), f) != null) {
                throw new IllegalStateException("two lab personalities for " + f.platform());
            }
        }
        return Map.copyOf(out);
    }

    public static Optional<Personality> create(String platform, DeviceContext ctx) {
        return Optional.ofNullable(FACTORIES.get(platform)).map(f -> f.create(ctx));
    }
}
