package io.portpush.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A session reads the running configuration once for the plan and the backup, and always again after anything else was sent. */
class RunningConfigReuseTest {
    private final List<String> wire = new ArrayList<>();
    private int version;

    private final Dialect dialect = new Dialect() {
        @Override
        public Pattern prompt() {
            return Pattern.compile("#$");
        }

        @Override
        public List<String> sessionSetup() {
            return List.of();
        }

        @Override
        public List<String> enterConfig() {
            return List.of("configure terminal");
        }

        @Override
        public List<String> exitConfig() {
            return List.of("end");
        }

        @Override
        public Optional<String> error(String output) {
            return Optional.empty();
        }
    };

    private DeviceSession session() {
        CommandChannel channel = new CommandChannel() {
            @Override
            public String send(String line) {
                wire.add(line);
                if (!line.startsWith("show")) {
                    version++;
                }
                return line.equals("show running-config") ? "hostname r1\n! version " + version + "\n" : "";
            }

            @Override
            public void close() {
            }
        };
        return DeviceSession.over("r1", null, dialect, channel, line -> { });
    }

    @Test
    void twoReadsInARowAreOneOnTheDevice() {
        DeviceSession s = session();
        String plan = s.show("show running-config");
        String backup = s.show("show running-config");
        assertThat(backup).isEqualTo(plan);
        assertThat(wire).containsExactly("show running-config");
    }

    @Test
    void theReadAfterAChangeIsARealOne() {
        DeviceSession s = session();
        String before = s.show("show running-config");
        s.apply(List.of("ip access-list extended EDGE"), Commit.keep("x"));
        String after = s.show("show running-config");
        assertThat(after).isNotEqualTo(before).contains("version 3");
        assertThat(wire).containsExactly("show running-config", "configure terminal", "ip access-list extended EDGE", "end",
                "show running-config");
    }

    @Test
    void anyOtherCommandInBetweenMakesTheNextReadReal() {
        DeviceSession s = session();
        s.show("show running-config");
        s.show("show ip access-lists EDGE");
        s.show("show running-config");
        assertThat(wire).containsExactly("show running-config", "show ip access-lists EDGE", "show running-config");
    }
}
