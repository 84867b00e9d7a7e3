package io.portpush.modules.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.meaning.Packet;
import io.portpush.core.meaning.PacketTrace;
import io.portpush.core.placement.Placement;
import io.portpush.core.platform.Platform;
import io.portpush.core.platform.PlatformRegistry;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.template.TemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One policy placed on each platform (clients outside, the cluster inside, SIP gateways on a voice
 * interface, named as the platform names its interfaces in {@code golden/<platform>/zones.txt}),
 * rendered to the lines a new device would get and compared with the reviewed
 * {@code golden/<platform>/placed.plan}. No placed list holds an entry that can never match where
 * it is bound, and each rule's packet passes on the list where it arrives while a packet of
 * another rule is denied there.
 */
class PlacedGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final TemplateEngine TEMPLATES = new TemplateEngine(List.of());

    static Stream<String> platforms() {
        return PlatformRegistry.installed().all().stream().filter(p -> p.acl().isPresent()).map(Platform::name);
    }

    /** zones.txt: one "zone interface" per line. */
    static Placement zones(String platform) throws Exception {
        Map<String, Object> zones = new LinkedHashMap<>();
        for (String l : Files.readAllLines(GOLDEN.resolve(platform).resolve("zones.txt"))) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.strip().split("\\s+");
            Map<String, Object> z = new LinkedHashMap<>();
            z.put("interface", f[1]);
            switch (f[0]) {
                case "outside" -> z.put("addresses", List.of("0.0.0.0/0"));
                case "inside" -> z.put("roles", List.of("imp-node"));
                default -> z.put("roles", List.of("sip-gateway"));
            }
            zones.put(f[0], z);
        }
        return Placement.fromVars(Map.of("zones", zones), PlacedAclsTest.ROLES).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void thePlacedListsAreTheReviewedOnesAndEveryEntryCanMatchWhereItIsBound(String platform) throws Exception {
        Platform p = PlatformRegistry.installed().named(platform).orElseThrow();
        boolean stateful = p.acl().orElseThrow().stateful();
        Placement placement = zones(platform);
        PlacedAcls placed = PlacedAcls.of(PlacedAclsTest.edge(stateful), placement, Map.of());
        List<String> lines = new ArrayList<>();
        for (AclIntent acl : placed.acls()) {
            assertThat(placement.neverMatching(AclEntries.flatten(acl.entries()), acl.bindings().get(0))).as(platform + " " + acl.name()).isEmpty();
            lines.add("# " + acl.name() + " " + acl.bindings().get(0));
            lines.addAll(p.acl().orElseThrow().plan(Optional.empty(), acl, TEMPLATES, p.capabilities().defaultStrategy()));
        }
        Path golden = GOLDEN.resolve(platform).resolve("placed.plan");
        if (!Files.exists(golden) && System.getProperty("portpush.writeGolden") != null) {
            Files.write(golden, lines); // written once for a person to review, never by CI
        }
        assertThat(golden).as(platform + " has a reviewed placed plan").exists();
        assertThat(lines).containsExactlyElementsOf(Files.readAllLines(golden));

        // each rule passes where its packets arrive and the other rule's packet does not pass there
        Map<String, String[]> cases = Map.of(
                "outside", new String[] {"tcp 198.51.100.7:51000 -> 10.10.1.10:5222", "tcp 198.51.100.7:51000 -> 10.10.1.10:5061"},
                "voice", new String[] {"tcp 192.0.2.5:40000 -> 10.10.1.10:5061", "tcp 192.0.2.5:40000 -> 10.10.1.10:5222"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String iface = placement.zones().stream().filter(z -> z.name().equals(c.getKey())).findFirst().orElseThrow().iface();
            AclIntent acl = placed.acls().stream().filter(a -> a.bindings().get(0).target().equals(iface)).findFirst().orElseThrow();
            assertThat(PacketTrace.decide(AclEntries.flatten(acl.entries()), Packet.parse(c.getValue()[0])).permitted())
                    .as(platform + " " + acl.name() + " " + c.getValue()[0]).isTrue();
            assertThat(PacketTrace.decide(AclEntries.flatten(acl.entries()), Packet.parse(c.getValue()[1])).permitted())
                    .as(platform + " " + acl.name() + " " + c.getValue()[1]).isFalse();
        }
    }

    @Test
    void everyPlatformWithAnAclDriverHasItsPlacedGolden() {
        assertThat(platforms()).allMatch(pl -> Files.exists(GOLDEN.resolve(pl).resolve("placed.plan")));
    }
}
