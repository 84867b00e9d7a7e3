package io.portpush.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.cli.CliRun;
import io.portpush.core.wire.LineGate;
import io.portpush.lab.CommandLog;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import io.portpush.platform.Platforms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random values (control characters, separators, invisible characters, very long strings, Jinja
 * fragments, quotes and plain text, mixed) pass through every device module on every lab
 * platform. Whatever the value, every line a device logged passes its platform's gate, no line
 * carries the text that followed a line break in a value, and portpush never crashes (exit 1).
 */
class FuzzInjectionTest {
    private static final long SEED = Long.getLong("portpush.fuzz.seed", 20261201L);
    private static final int ROUNDS = Integer.getInteger("portpush.fuzz.rounds", 40);
    private static final int[] NASTY = {0x00, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x7f, 0x85, 0x9b, 0x2028, 0x2029, 0x200b,
        0x200e, 0x202e, 0x2066, 0xfeff};
    private static final String[] PIECES = {"x", "uplink", "{{", "}}", "{%", "%}", "{# #}", "'", "\"", "?", ";", "|", "$(reboot)", "日本語",
        "é", "\\", " ", "end", "exit", "commit", "!", "#"};

    @TempDir
    Path dir;

    static String value(Random r) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + r.nextInt(6);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(4)) {
                case 0 -> b.appendCodePoint(NASTY[r.nextInt(NASTY.length)]).append("INJ-").append(r.nextInt(1000));
                case 1 -> b.append(PIECES[r.nextInt(PIECES.length)]);
                case 2 -> b.append("y".repeat(r.nextInt(3) == 0 ? 5000 : 20));
                default -> b.append("remark-").append(r.nextInt(100));
            }
        }
        return b.toString();
    }

    @Test
    void noValueMakesALineTheGateWouldStop() throws Exception {
        Random random = new Random(SEED);
        // every non-ASCII character as a \\u escape: -e is read as YAML, which would fold a raw NEL
        // or U+2028 inside quotes into a space before portpush ever sees it
        com.fasterxml.jackson.databind.ObjectWriter json = new ObjectMapper().writer()
                .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice r1 = fleet.start(DeviceSpec.of("r1", "cisco_ios"));
            LabDevice fw1 = fleet.start(DeviceSpec.of("fw1", "cisco_asa"));
            LabDevice mx1 = fleet.start(DeviceSpec.of("mx1", "juniper_junos"));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            Files.writeString(dir.resolve("inv.yml"), """
                    all:
                      vars: { ansible_host: 127.0.0.1, ansible_user: admin, ansible_password: %s, ansible_become_password: %s,
                              roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24] } }
                      hosts:
                        r1: { ansible_port: %d, ansible_network_os: cisco.ios.ios, intf: GigabitEthernet1 }
                        fw1: { ansible_port: %d, ansible_network_os: cisco.asa.asa, intf: outside }
                        mx1: { ansible_port: %d, ansible_network_os: junipernetworks.junos.junos, intf: ge-0/0/0.0 }
                    """.formatted(DeviceSpec.DEFAULT_PASSWORD, DeviceSpec.DEFAULT_ENABLE, r1.port(), fw1.port(), mx1.port()));
            Files.writeString(dir.resolve("fuzz.yml"), """
                    - hosts: all
                      tasks:
                        - name: acl remark
                          acl:
                            name: FUZZ
                            bind: [{ interface: "{{ intf }}", direction: in }]
                            rules: [{ permit: { protocol: tcp, source: 10.30.0.0/24, destination: 10.10.1.10/32, ports: [22], remark: "{{ v }}" } }]
                          ignore_errors: true
                        - name: command
                          command: "show {{ v }}"
                          ignore_errors: true
                    - hosts: r1
                      tasks:
                        - name: config
                          config: { lines: ["description {{ v }}"], parents: ["interface {{ intf }}"] }
                          ignore_errors: true
                    """);
            List<String> tried = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                String v = value(random);
                tried.add(json.writeValueAsString(v));
                CliRun r = CliRun.inState(dir.resolve("state"), "run", dir.resolve("fuzz.yml").toString(), "-i", dir.resolve("inv.yml").toString(),
                        "-e", json.writeValueAsString(Map.of("v", v)));
                assertThat(r.code()).as("seed %d round %d value %s: %s%s", SEED, round, tried.get(round), r.out(), r.err())
                        .isNotEqualTo(1).isIn(0, 2, 5);
                assertThat(r.out() + r.err()).as("no Java trace").doesNotContain("\tat io.portpush").doesNotContain("Exception:");
            }
            for (LabDevice d : List.of(r1, fw1, mx1)) {
                var rules = Platforms.dialect(d.spec().platform()).lineRules();
                for (CommandLog.Entry e : d.log().entries()) {
                    assertThat(LineGate.check(e.line(), rules)).as("%s got '%s' (values %s)", d.name(), e.line(), tried).isEmpty();
                    assertThat(e.line()).as("%s got text from after a line break", d.name()).doesNotContain("INJ-");
                }
            }
        }
    }
}
