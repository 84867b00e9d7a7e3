package io.portpush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.platform.Platform;
import io.portpush.core.platform.PlatformRegistry;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.template.TemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered platform with an ACL driver turns one intent into the lines kept, reviewed by
 * reading, in {@code src/test/resources/golden/<platform>/new-list.plan}: a new list from a
 * catalogue flow and a logged deny, bound where {@code binding.txt} says. A platform without its
 * golden plan fails here.
 */
class GoldenPlanTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final TemplateEngine TEMPLATES = new TemplateEngine(List.of());

    static Stream<String> platforms() {
        return PlatformRegistry.installed().all().stream().filter(p -> p.acl().isPresent()).map(Platform::name);
    }

    static AclIntent intent(String bindTo) {
        AclEntry xmpp = new AclEntry(Action.PERMIT, "tcp", AddressSet.parse(List.of("198.51.100.0/24")), PortMatch.ANY,
                AddressSet.parse(List.of("10.10.1.10/32")), PortMatch.of(5222), false, false, "xcp.client-access");
        AclEntry rest = new AclEntry(Action.DENY, "ip", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, true, "default");
        return new AclIntent("EDGE", List.of(xmpp, rest), List.of(new Binding(bindTo, Binding.Direction.IN)), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void theNewListPlanIsTheReviewedOne(String platform) throws Exception {
        Path dir = GOLDEN.resolve(platform);
        assertThat(dir.resolve("new-list.plan")).as(platform + " has a reviewed golden plan").exists();
        String bindTo = Files.readString(dir.resolve("binding.txt")).strip();
        Platform p = PlatformRegistry.installed().named(platform).orElseThrow();
        List<String> plan = p.acl().orElseThrow().plan(Optional.empty(), intent(bindTo), TEMPLATES, p.capabilities().defaultStrategy());
        List<String> golden = Files.readAllLines(dir.resolve("new-list.plan")).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(plan).containsExactlyElementsOf(golden);
    }

    @Test
    void everyPlatformWithAnAclDriverHasOne() {
        assertThat(platforms()).allMatch(pl -> Files.exists(GOLDEN.resolve(pl).resolve("new-list.plan")));
    }
}
