package io.portpush.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.cli.CliRun;
import io.portpush.core.platform.PlatformRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformsCommandTest {
    @Test
    void listsEveryRegisteredPlatformWithWhatItDeclares() throws Exception {
        CliRun table = CliRun.of("platforms");
        assertThat(table.code()).isZero();
        for (String name : PlatformRegistry.installed().all().stream().map(io.portpush.core.platform.Platform::name).toList()) {
            assertThat(table.out()).contains(name);
        }
        CliRun json = CliRun.of("platforms", "--json");
        JsonNode rows = new ObjectMapper().readTree(json.out());
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(PlatformRegistry.installed().all().stream().map(io.portpush.core.platform.Platform::name).toList());
        for (JsonNode r : rows) {
            switch (r.get("name").asText()) {
                case "juniper_junos" -> {
                    assertThat(r.get("commit").asText()).isEqualTo("candidate-confirmed");
                    assertThat(r.get("acl_strategies").toString()).doesNotContain("in-place");
                }
                case "cisco_asa" -> assertThat(r.get("qos").asBoolean()).isFalse();
                case "arista_eos" -> assertThat(r.get("aliases").toString()).contains("arista.eos.eos");
                // Linux hosts are tested against real nftables, not a simulation
                case "linux_nftables" -> assertThat(r.get("lab").asBoolean()).isFalse();
                default -> assertThat(r.get("lab").asBoolean()).isTrue();
            }
        }
    }
}
