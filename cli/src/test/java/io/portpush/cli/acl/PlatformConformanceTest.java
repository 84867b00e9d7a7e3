package io.portpush.cli.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.cli.CliRun;
import io.portpush.core.platform.Platform;
import io.portpush.core.platform.PlatformRegistry;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.Faults;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.LabInventory;
import io.portpush.lab.Personalities;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same checks for every registered platform that has a lab personality: one policy (bound
 * where {@code conformance/<platform>.yml} says) is pushed and verified from the device, a second
 * run changes nothing, and a connection lost in the middle of a change leaves the device as it
 * was. A platform is registered with a personality and passes these, or the suite fails.
 */
class PlatformConformanceTest {
    @TempDir
    Path dir;

    static Stream<String> platforms() {
        return PlatformRegistry.installed().all().stream().map(Platform::name).filter(Personalities.PLATFORMS::contains);
    }

    @Test
    void everyCliPlatformHasALabPersonality() {
        // a CLI platform nobody can run against the lab would pass no conformance check at all
        assertThat(PlatformRegistry.installed().all().stream().filter(p -> p.dialect().isPresent()).map(Platform::name))
                .allMatch(Personalities.PLATFORMS::contains);
        assertThat(platforms()).hasSizeGreaterThanOrEqualTo(3);
    }

    private static String fixture(String platform) throws Exception {
        try (InputStream in = PlatformConformanceTest.class.getResourceAsStream("/conformance/" + platform + ".yml")) {
            assertThat(in).as("conformance/" + platform + ".yml: where the suite binds its policy on " + platform).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private CliRun run(Path play, Path inv, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", play.toString(), "-i", inv.toString()));
        args.addAll(java.util.List.of(extra));
        return CliRun.inState(dir.resolve("state"), args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void pushVerifyIdempotentAndRestoredAfterAFailureMidChange(String platform) throws Exception {
        String vars = fixture(platform);
        try (LabFleet fleet = new LabFleet(null)) {
            LabDevice d = fleet.start(DeviceSpec.of("dut", platform));
            LabInventory.recordKeys(fleet.devices(), dir.resolve("state/known_hosts"));
            Path inv = dir.resolve("inv.yml");
            String hostVars = vars.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.replaceFirst(":\\s*", ": "))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            Files.writeString(inv, """
                    all:
                      vars:
                        ansible_host: 127.0.0.1
                        ansible_user: admin
                        ansible_password: %s
                        ansible_become_password: %s
                        roles: { imp-node: [10.10.1.0/24], xmpp-client: [198.51.100.0/24], sip-gateway: [192.0.2.0/28] }
                      hosts:
                        dut: { ansible_port: %d, platform: %s, %s }
                    """.formatted(DeviceSpec.DEFAULT_PASSWORD, DeviceSpec.DEFAULT_ENABLE, d.port(), platform, hostVars));
            Path play = dir.resolve("edge.yml");
            Files.writeString(play, """
                    - hosts: all
                      tasks:
                        - acl:
                            name: CONFORMANCE
                            bind: [{ interface: "{{ edge_interface }}", direction: in }]
                            rules:
                              - permit: [xcp.client-access, sip-proxy.tls-server-auth]
                    """);
            CliRun first = run(play, inv);
            assertThat(first.code()).as(first.out() + first.err()).isZero();
            assertThat(first.out()).contains("changed: [dut] (verified from the device)");
            String pushed = d.personality().savedConfig();
            assertThat(pushed).contains("CONFORMANCE");

            CliRun second = run(play, inv);
            assertThat(second.out()).as("the second run").containsPattern("dut +: ok=1 +changed=0 +unreachable=0 +failed=0");

            // a change to the policy, and the connection dies three configuration lines into it
            Files.writeString(play, Files.readString(play) + "          - permit: [sip-proxy.default-listener]\n");
            d.faults(Faults.NONE.withDropAfterConfigLines(3));
            CliRun cut = run(play, inv);
            assertThat(cut.code()).as(cut.out() + cut.err()).isEqualTo(2);
            assertThat(cut.out()).contains("connection lost");
            d.faults(Faults.NONE);
            assertThat(strip(d.personality().savedConfig())).as("the device holds the verified policy, not half of the new one")
                    .isEqualTo(strip(pushed));
        }
    }

    /** Timestamps and checksums that change with every write, whatever was written. */
    private static String strip(String config) {
        return config.replaceAll("(?m)^! Last configuration change.*\n", "").replaceAll("(?m)^Cryptochecksum:.*\n", "");
    }
}
