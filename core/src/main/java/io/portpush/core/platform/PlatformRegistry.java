package io.portpush.core.platform;

import io.portpush.core.error.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The platforms this build of portpush drives, by name and by alias. Immutable; {@link #installed()}
 * is the set found on the class path with {@link ServiceLoader}, {@link #of} builds one by hand.
 */
public final class PlatformRegistry {
    private final Map<String, Platform> byName;
    private final Map<String, Platform> byAlias;

    private PlatformRegistry(List<Platform> platforms) {
        Map<String, Platform> names = new LinkedHashMap<>();
        Map<String, Platform> aliases = new LinkedHashMap<>();
        for (Platform p : platforms) {
            if (names.putIfAbsent(p.name(), p) != null) {
                throw new IllegalStateException("two platforms are named " + p.name());
            }
            aliases.put(p.name(), p);
            for (String a : p.aliases()) {
                Platform other = aliases.putIfAbsent(a, p);
                if (other != null && other != p) {
                    throw new IllegalStateException("platforms " + other.name() + " and " + p.name() + " both answer to '" + a + "'");
                }
            }
        }
        this.byName = Map.copyOf(names);
        this.byAlias = Map.copyOf(aliases);
    }

    public static PlatformRegistry of(List<Platform> platforms) {
        return new PlatformRegistry(platforms);
    }

    /** Loaded once: the class path does not change while portpush runs. */
    private static final class Installed {
        static final PlatformRegistry INSTANCE = load();

        private static PlatformRegistry load() {
            List<Platform> found = new ArrayList<>();
            ServiceLoader.load(Platform.class, PlatformRegistry.class.getClassLoader()).forEach(found::add);
            return new PlatformRegistry(found);
        }
    }

    /** The platforms registered on the class path. */
    public static PlatformRegistry installed() {
        return Installed.INSTANCE;
    }

    /** The platform called {@code nameOrAlias} ({@code cisco_ios}, {@code cisco.ios.ios}, {@code ios}). */
    public Optional<Platform> find(String nameOrAlias) {
        return nameOrAlias == null ? Optional.empty() : Optional.ofNullable(byAlias.get(nameOrAlias));
    }

    /** The platform by portpush's own name only. */
    public Optional<Platform> named(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    public List<Platform> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(Platform::name)).toList();
    }

    /** Every name and alias, sorted, for error messages. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(byAlias.keySet()));
    }

    /** "'x' is not a platform portpush drives (known: ...)", with a did-you-mean when one is close. */
    public String unknown(String given) {
        return "'" + given + "' is not a platform portpush drives (known: " + String.join(", ", new TreeSet<>(byName.keySet()))
                + "; inventories may also say " + String.join(", ", names().stream().filter(n -> !byName.containsKey(n)).toList()) + ")"
                + DidYouMean.hint(given, byAlias.keySet());
    }
}
