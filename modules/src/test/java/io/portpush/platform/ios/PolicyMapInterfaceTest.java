package io.portpush.platform.ios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code show policy-map interface} over several interfaces, in the layout of the Cisco IOS
 * Quality of Service Solutions Command Reference (show policy-map interface): each interface at
 * the start of a line, then its service policies per direction (some releases print the policy's
 * id in parentheses), classes and their {@code QoS Set} marking.
 */
class PolicyMapInterfaceTest {
    private static final String OUTPUT = """
             GigabitEthernet1

              Service-policy output: IMP-MARK

                Class-map: IMP-SIGNALLING (match-any)
                  0 packets, 0 bytes
                  5 minute offered rate 0000 bps, drop rate 0000 bps
                  Match: access-group name IMP-SIGNALLING
                  QoS Set
                    dscp cs3
                      Packets marked 0

                Class-map: class-default (match-any)
                  12 packets, 1180 bytes
                  Match: any

             GigabitEthernet2

              Service-policy input: EDGE-IN (1177)

                Class-map: MGMT (match-any) (1179)
                  Match: access-group name MGMT
                  QoS Set
                    dscp dscp table MAP1

              Service-policy output: IMP-MARK (1180)

                Class-map: IMP-SIGNALLING (match-any)
                  QoS Set
                    dscp af31
            """;

    @Test
    void eachInterfaceAndDirectionKeepsItsOwnPolicy() {
        Map<String, Map<String, String>> p = IosQosDriver.perInterface(OUTPUT);
        assertThat(p).containsOnlyKeys("GigabitEthernet1 output", "GigabitEthernet2 input", "GigabitEthernet2 output");
        assertThat(p.get("GigabitEthernet1 output")).containsEntry("policy", "IMP-MARK").containsEntry("IMP-SIGNALLING", "cs3")
                .doesNotContainKey("class-default");
        assertThat(p.get("GigabitEthernet2 input")).containsEntry("policy", "EDGE-IN").containsEntry("MGMT", "dscp table MAP1");
        assertThat(p.get("GigabitEthernet2 output")).containsEntry("policy", "IMP-MARK").containsEntry("IMP-SIGNALLING", "af31");
    }

    @Test
    void oneInterfaceReadsAsBefore() {
        Map<String, String> op = IosQosDriver.operational("""
                 GigabitEthernet2

                  Service-policy output: IMP-MARK

                    Class-map: IMP-SIGNALLING (match-any)
                      QoS Set
                        dscp cs3
                """);
        assertThat(op).containsEntry("policy-output", "IMP-MARK").containsEntry("IMP-SIGNALLING", "cs3");
    }
}
