package io.portpush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Platform;
import io.portpush.core.platform.PlatformRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every platform is one object found on the class path; its names and declared capabilities are what inventories and tasks meet. */
class PlatformRegistryTest {
    private final PlatformRegistry registry = PlatformRegistry.installed();

    @Test
    void theRegisteredPlatformsAnswerToTheirAnsibleNames() {
        assertThat(registry.all()).extracting(Platform::name).containsExactly("arista_eos", "cisco_asa", "cisco_ios", "cisco_nxos",
                "juniper_junos", "linux_nftables");
        Map<String, String> ansible = Map.of("cisco.ios.ios", "cisco_ios", "cisco.iosxe.iosxe", "cisco_ios", "ios", "cisco_ios",
                "cisco.asa.asa", "cisco_asa", "junipernetworks.junos.junos", "juniper_junos", "junos", "juniper_junos", "linux", "linux_nftables",
                "arista.eos.eos", "arista_eos", "cisco.nxos.nxos", "cisco_nxos");
        ansible.forEach((alias, name) -> assertThat(registry.find(alias).map(Platform::name)).as(alias).hasValue(name));
        assertThat(registry.find("vyos.vyos.vyos")).isEmpty();
        assertThat(registry.unknown("cisco.ios.iso")).contains("known: arista_eos, cisco_asa, cisco_ios, cisco_nxos, juniper_junos, linux_nftables")
                .contains("did you mean cisco.ios.ios?");
    }

    @Test
    void eachPlatformHasAWayToTheDeviceAndDeclaresWhatItDoes() {
        for (Platform p : registry.all()) {
            // a CLI platform has a dialect and an ACL driver; an exec platform a host firewall driver
            assertThat(p.dialect().isPresent() && p.acl().isPresent() || p.exec() && p.hostFirewall().isPresent()).as(p.name()).isTrue();
            assertThat(p.capabilities().strategies()).as(p.name()).isNotEmpty();
            // no QoS driver means the platform says why, in words for the person who asked
            if (p.qos().isEmpty() && !p.exec()) {
                assertThat(p.capabilities().noQos()).as(p.name()).isNotBlank();
            }
        }
        assertThat(registry.named("juniper_junos").orElseThrow().capabilities().strategies()).containsExactly(AclStrategy.REPLACE);
        assertThat(registry.named("cisco_ios").orElseThrow().capabilities().strategies())
                .containsExactly(AclStrategy.SWAP, AclStrategy.IN_PLACE);
        assertThat(registry.named("cisco_asa").orElseThrow().capabilities().stateful()).isTrue();
        assertThat(registry.named("cisco_ios").orElseThrow().acl().orElseThrow().stateful()).isFalse();
    }
}
