package io.portpush.core.catalogue;

/** The port a flow's initiator sends from: ephemeral (any high port) or one fixed number. */
public sealed interface SourcePort {
    String display();

    record Ephemeral() implements SourcePort {
        @Override
        public String display() {
            return "ephemeral";
        }
    }

    record Fixed(int port) implements SourcePort {
        @Override
        public String display() {
            return String.valueOf(port);
        }
    }
}
