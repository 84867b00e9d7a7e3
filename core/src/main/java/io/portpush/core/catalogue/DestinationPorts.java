package io.portpush.core.catalogue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The listener ports of a flow.
 *
 * <p>{@link Listed} ports may be marked configurable (the seed says the administrator can move
 * them; the listed ones are the defaults). {@link Configurable} has no fixed number, only
 * optional defaults. {@link None} is for port-less transports such as ICMP.
 */
public sealed interface DestinationPorts {

    /** The ports a policy uses when nothing overrides them; empty when there is no default. */
    List<Integer> defaults();

    /** Whether a variable may replace the defaults. */
    boolean configurable();

    /** Short text for tables: {@code 161,8161}, {@code configurable (50020)}, {@code -}. */
    String display();

    record Listed(List<Integer> ports, boolean configurable) implements DestinationPorts {
        public Listed {
            ports = List.copyOf(ports);
        }

        @Override
        public List<Integer> defaults() {
            return ports;
        }

        @Override
        public String display() {
            String s = ports.stream().map(String::valueOf).collect(Collectors.joining(","));
            return configurable ? s + " (configurable)" : s;
        }
    }

    record Configurable(List<Integer> defaults) implements DestinationPorts {
        public Configurable {
            defaults = List.copyOf(defaults);
        }

        @Override
        public boolean configurable() {
            return true;
        }

        @Override
        public String display() {
            return defaults.isEmpty() ? "configurable"
                    : "configurable (default " + defaults.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        }
    }

    record None() implements DestinationPorts {
        @Override
        public List<Integer> defaults() {
            return List.of();
        }

        @Override
        public boolean configurable() {
            return false;
        }

        @Override
        public String display() {
            return "-";
        }
    }
}
