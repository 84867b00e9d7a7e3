package io.portpush.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.error.InputProblem;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.yaml.LocatedDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of bad catalogue gets one line naming file, line and field. */
class CatalogueValidationTest {
    private static final String GOOD_FLOW = """
            groups:
              - id: rtp
                title: Media
                flows:
                  - id: media
                    from: imp-node
                    to: sip-gateway
                    protocol: RTP
                    transport: udp
                    ports: [16384]
                    scope: external
            """;

    private static List<InputProblem> problems(String yaml) {
        LocatedDocument bundled = CatalogueLoader.bundledDocument();
        LocatedDocument user = LocatedDocument.parse("user.yaml", yaml);
        try {
            new CatalogueLoader().merge(List.of(bundled, user));
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected the catalogue to be refused");
    }

    @Test
    void aValidUserCatalogueMergesWithTheBundledRoles() {
        Catalogue c = new CatalogueLoader().merge(List.of(CatalogueLoader.bundledDocument(),
                LocatedDocument.parse("user.yaml", GOOD_FLOW)));
        assertThat(c.flows()).hasSize(66);
        assertThat(c.flow("rtp.media").orElseThrow().origin().toString()).startsWith("user.yaml:5");
    }

    @Test
    void unknownKey() {
        List<InputProblem> p = problems(GOOD_FLOW.replace("    scope: external", "    scope: external\n        colour: red"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).toString()).startsWith("user.yaml:12: groups[0].flows[0].colour: unknown key 'colour'");
    }

    @Test
    void initiatorsTakeFromToOrBothAndTheOldKeyNamesItsReplacement() {
        List<InputProblem> bad = problems(GOOD_FLOW.replace("    scope: external", "    scope: external\n        initiators: either"));
        assertThat(bad).hasSize(1);
        assertThat(bad.get(0).toString()).startsWith("user.yaml:12: groups[0].flows[0].initiators:").contains("either");
        List<InputProblem> old = problems(GOOD_FLOW.replace("    scope: external", "    scope: external\n        bidirectional: true"));
        assertThat(old).hasSize(1);
        assertThat(old.get(0).toString()).startsWith("user.yaml:12: groups[0].flows[0].bidirectional: bidirectional was replaced by "
                + "initiators: from|to|both");
        Catalogue both = new CatalogueLoader().merge(List.of(CatalogueLoader.bundledDocument(), LocatedDocument.parse("user.yaml",
                GOOD_FLOW.replace("    scope: external", "    scope: external\n        initiators: both"))));
        assertThat(both.flow("rtp.media").orElseThrow().initiators()).isEqualTo(Flow.Initiators.BOTH);
        assertThat(new CatalogueLoader().merge(List.of(CatalogueLoader.bundledDocument(), LocatedDocument.parse("user.yaml", GOOD_FLOW)))
                .flow("rtp.media").orElseThrow().initiators()).as("the default").isEqualTo(Flow.Initiators.FROM);
    }

    @Test
    void portOutsideRange() {
        List<InputProblem> p = problems(GOOD_FLOW.replace("[16384]", "[16384, 70000]"));
        assertThat(p).extracting(InputProblem::toString)
                .containsExactly("user.yaml:10: groups[0].flows[0].ports[1]: port 70000 is outside 1..65535");
    }

    @Test
    void portZeroAsSourcePort() {
        List<InputProblem> p = problems(GOOD_FLOW.replace("    scope: external", "    scope: external\n        source_port: 0"));
        assertThat(p).extracting(InputProblem::toString)
                .containsExactly("user.yaml:12: groups[0].flows[0].source_port: port 0 is outside 1..65535");
    }

    @Test
    void unknownRole() {
        List<InputProblem> p = problems(GOOD_FLOW.replace("to: sip-gateway", "to: sip-gw"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).toString()).startsWith("user.yaml:7: groups[0].flows[0].to: unknown role 'sip-gw'");
    }

    @Test
    void duplicateGroupIdAcrossFiles() {
        List<InputProblem> p = problems(GOOD_FLOW.replace("id: rtp", "id: xcp"));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).toString()).startsWith("user.yaml:2: groups[0].id: duplicate group id 'xcp': already defined at catalogue/cisco-imp.yaml:");
    }

    @Test
    void duplicateKeyInsideOneMapping() {
        assertThatThrownBy(() -> LocatedDocument.parse("user.yaml", "groups:\n  - id: a\n    id: b\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("user.yaml:3: YAML syntax: Duplicate field 'id'");
    }

    @Test
    void compositeReferencingMissingGroup() {
        List<InputProblem> p = problems(GOOD_FLOW + """
                composites:
                  - id: mine
                    title: Mine
                    members: [rtp, xcp.client-access, no-such-group]
                """);
        assertThat(p).extracting(InputProblem::toString).containsExactly(
                "user.yaml:15: composites[0].members[2]: composite 'mine' references missing group or flow 'no-such-group'");
    }

    @Test
    void emptyGroupAndEmptyComposite() {
        List<InputProblem> p = problems("""
                groups:
                  - id: nothing
                    title: Nothing here
                    flows: []
                composites:
                  - id: hollow
                    title: Hollow
                """);
        assertThat(p).extracting(InputProblem::toString).containsExactly(
                "user.yaml:4: groups[0].flows: group 'nothing' is empty: it needs at least one flow",
                "user.yaml:6: composites[0]: composite 'hollow' is empty: give 'members' or 'select'");
    }

    @Test
    void compositeCycle() {
        List<InputProblem> p = problems("""
                composites:
                  - { id: a, title: A, members: [b] }
                  - { id: b, title: B, members: [a] }
                """);
        assertThat(p).extracting(InputProblem::toString).contains(
                "user.yaml:2: composites[0]: composite 'a' includes itself: a -> b -> a");
    }

    @Test
    void portsMustMatchTransport() {
        List<InputProblem> p = problems(GOOD_FLOW.replace("transport: udp", "transport: ip"));
        assertThat(p).extracting(InputProblem::toString)
                .containsExactly("user.yaml:10: groups[0].flows[0].ports: transport 'ip' has no ports: write 'ports: none'");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<InputProblem> p = problems(GOOD_FLOW.replace("transport: udp", "transport: sctp").replace("from: imp-node", "from: ghost"));
        assertThat(p).hasSize(2);
        assertThat(p).extracting(InputProblem::toString).anyMatch(s -> s.startsWith("user.yaml:6: groups[0].flows[0].from: unknown role 'ghost'"))
                .anyMatch(s -> s.startsWith("user.yaml:9: groups[0].flows[0].transport: 'sctp' is not one of: ip, tcp, tcp+udp, udp"));
    }

    @Test
    void ambiguousNeedsTheStatementsAndOptionalIsABoolean() {
        List<InputProblem> empty = problems(GOOD_FLOW.replace("    scope: external", "    scope: external\n        ambiguous: ''"));
        assertThat(empty).extracting(InputProblem::toString).singleElement().asString()
                .startsWith("user.yaml:12: groups[0].flows[0].ambiguous: ambiguous needs the seed's conflicting statements");
        List<InputProblem> notBool = problems(GOOD_FLOW.replace("    scope: external", "    scope: external\n        optional: maybe"));
        assertThat(notBool).extracting(InputProblem::toString).singleElement().asString()
                .startsWith("user.yaml:12: groups[0].flows[0].optional:");
        Catalogue ok = new CatalogueLoader().merge(List.of(CatalogueLoader.bundledDocument(), LocatedDocument.parse("user.yaml",
                GOOD_FLOW.replace("    scope: external", "    scope: external\n        ambiguous: 'says a, says b'"))));
        assertThat(ok.flow("rtp.media").orElseThrow().ambiguous()).isEqualTo("says a, says b");
    }

    @Test
    void knownGapsNameExistingGroupsAndCarryEveryField() {
        String gap = GOOD_FLOW + """
                known-gaps:
                  - id: rtcp
                    title: RTCP
                    groups: [rtp, nowhere]
                    needs: the next odd port
                    reason: RFC 3550
                  - id: Bad Id
                    title: x
                    groups: [dns]
                    needs: y
                """;
        List<InputProblem> p = problems(gap);
        assertThat(p).extracting(InputProblem::toString)
                .anyMatch(s -> s.startsWith("user.yaml:15: known-gaps[0].groups[1]: known gap 'rtcp' names missing group 'nowhere'"))
                .anyMatch(s -> s.startsWith("user.yaml:18: known-gaps[1]:") && s.contains("reason"))
                .hasSize(2);
        Catalogue ok = new CatalogueLoader().merge(List.of(CatalogueLoader.bundledDocument(),
                LocatedDocument.parse("user.yaml", gap.replace(", nowhere", "").substring(0, gap.replace(", nowhere", "").indexOf("  - id: Bad")))));
        assertThat(ok.gapsFor(ok.resolve("rtp"))).extracting(KnownGap::id).containsExactly("rtcp");
    }
}
