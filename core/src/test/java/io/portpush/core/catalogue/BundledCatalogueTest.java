package io.portpush.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.error.NotFoundException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BundledCatalogueTest {
    private final Catalogue catalogue = new CatalogueLoader().load(List.of());

    @Test
    void holdsEverySeedRowInItsOwnGroup() {
        assertThat(catalogue.flows()).hasSize(65);
        assertThat(catalogue.groups()).hasSize(26);
        // one group per seed table, tables 2..27 in order
        assertThat(catalogue.groups().stream().map(PortGroup::table).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(2, 27).boxed().toList());
        assertThat(catalogue.group("sip-proxy").orElseThrow().flows()).hasSize(7);
        assertThat(catalogue.group("snmp").orElseThrow().flows()).hasSize(7);
        assertThat(catalogue.group("imdb-replication").orElseThrow().flows()).hasSize(6);
    }

    @Test
    void sipTlsFromGatewayOn5061() {
        Flow f = catalogue.flow("sip-proxy.tls-server-auth").orElseThrow();
        assertThat(f.from().role()).isEqualTo("sip-gateway");
        assertThat(f.to().role()).isEqualTo("imp-node");
        assertThat(f.transport()).isEqualTo(Transport.TCP);
        assertThat(f.ports().defaults()).containsExactly(5061);
        assertThat(f.sourcePort()).isEqualTo(new SourcePort.Ephemeral());
        assertThat(f.scope()).isEqualTo(Scope.EXTERNAL);
        assertThat(f.remark()).contains("TLS");
    }

    @Test
    void xmppClientAccessOn5222() {
        List<Flow> found = catalogue.search("5222");
        assertThat(found).extracting(Flow::ref).containsExactly("xcp.client-access");
        assertThat(found.get(0).from().role()).isEqualTo("xmpp-client");
        assertThat(found.get(0).transport()).isEqualTo(Transport.TCP);
    }

    @Test
    void inMemoryDatabasePorts6603To6610() {
        List<Integer> ports = catalogue.resolve("imdb").stream().flatMap(f -> f.ports().defaults().stream())
                .distinct().sorted().toList();
        assertThat(ports).containsExactly(6603, 6604, 6605, 6606, 6607, 6608, 6609, 6610, 9003, 9004, 9005);
        assertThat(catalogue.resolve("imdb")).allMatch(f -> f.scope() == Scope.INTRA_CLUSTER && f.transport() == Transport.TCP);
    }

    @Test
    void ipsecManagerUsesSourcePort8500() {
        Flow f = catalogue.flow("ipsec-manager.cluster-manager").orElseThrow();
        assertThat(f.ports().defaults()).containsExactly(8500);
        assertThat(f.sourcePort()).isEqualTo(new SourcePort.Fixed(8500));
        assertThat(f.transport()).isEqualTo(Transport.TCP_UDP);
    }

    @Test
    void trapReceiverHasSource61441AndConfigurableDestination() {
        Flow f = catalogue.flow("snmp.internal-trap-receiver").orElseThrow();
        assertThat(f.sourcePort()).isEqualTo(new SourcePort.Fixed(61441));
        assertThat(f.ports()).isInstanceOf(DestinationPorts.Configurable.class);
        assertThat(f.ports().defaults()).isEmpty();
        assertThat(catalogue.search("61441")).contains(f);
    }

    @Test
    void port5049IsLocalhostOnly() {
        Flow f = catalogue.flow("sip-proxy.internal").orElseThrow();
        assertThat(f.ports().defaults()).containsExactly(5049);
        assertThat(f.scope()).isEqualTo(Scope.LOCALHOST_ONLY);
        assertThat(catalogue.resolve("localhost-only")).contains(f).allMatch(x -> x.scope() == Scope.LOCALHOST_ONLY);
    }

    @Test
    void multiPortAndConfigurableRowsKeepTheSeedValues() {
        assertThat(catalogue.flow("snmp.agent").orElseThrow().ports().defaults()).containsExactly(161, 8161);
        assertThat(catalogue.flow("external-directory.ldap").orElseThrow().ports().defaults()).containsExactly(389, 3268);
        DestinationPorts exchange = catalogue.flow("exchange-notify.calendar-notify").orElseThrow().ports();
        assertThat(exchange.configurable()).isTrue();
        assertThat(exchange.defaults()).containsExactly(50020);
        Flow icmp = catalogue.flow("icmp.cucm").orElseThrow();
        assertThat(icmp.transport()).isEqualTo(Transport.IP);
        assertThat(icmp.ports()).isInstanceOf(DestinationPorts.None.class);
        assertThat(icmp.initiators()).isEqualTo(io.portpush.core.catalogue.Flow.Initiators.BOTH);
    }

    @Test
    void compositesResolveFromData() {
        assertThat(catalogue.resolve("edge-client-access")).extracting(Flow::ref)
                .contains("xcp.client-access", "sip-proxy.tls-server-auth", "tomcat-web.web-admin")
                .noneMatch(ref -> ref.startsWith("imdb"));
        assertThat(catalogue.resolve("intra-cluster")).isNotEmpty().allMatch(f -> f.scope() == Scope.INTRA_CLUSTER);
        assertThat(catalogue.resolve("outbound-dependencies")).extracting(f -> f.ports().defaults())
                .contains(List.of(389, 3268), List.of(53), List.of(123), List.of(5432)).doesNotContain(List.of(50020));
    }

    @Test
    void searchByRoleAndText() {
        assertThat(catalogue.search("ldap-directory")).extracting(Flow::group).containsOnly("external-directory");
        assertThat(catalogue.search("8443")).hasSize(4).extracting(Flow::group).containsOnly("tomcat-web");
        assertThat(catalogue.search("bosh")).extracting(Flow::ref).containsExactly("xcp.bosh");
    }

    @Test
    void unknownReferenceSuggestsNeighbours() {
        assertThatThrownBy(() -> catalogue.resolve("xcp.client"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("xcp.client-access");
    }

    @Test
    void theImdbReplicationPortsAreOptionalAndLeftOutOfGroupsUnlessAsked() {
        assertThat(catalogue.flows()).filteredOn(Flow::optional).extracting(Flow::ref).containsExactly(
                "imdb-replication.presence-datastore", "imdb-replication.login-datastore", "imdb-replication.sip-registration-datastore");
        assertThat(catalogue.resolve("imdb")).extracting(Flow::ref).contains("imdb-replication.presence-datastore");
        assertThat(catalogue.resolveForPolicy("imdb", false)).extracting(Flow::ref)
                .doesNotContain("imdb-replication.presence-datastore").contains("imdb-sql.presence-datastore");
        assertThat(catalogue.resolveForPolicy("imdb-replication", false)).extracting(Flow::ref)
                .contains("imdb-replication.presence-dual-node", "imdb-replication.login-dual-node",
                        "imdb-replication.sip-registration-dual-node").noneMatch(r -> r.endsWith("-datastore"));
        assertThat(catalogue.resolveForPolicy("imdb", true)).hasSameSizeAs(catalogue.resolve("imdb"));
        assertThat(catalogue.resolveForPolicy("imdb-replication.login-datastore", false)).as("named by its own id")
                .extracting(Flow::ref).containsExactly("imdb-replication.login-datastore");
    }

    @Test
    void compositesAgreeWithWhatTheySay() {
        // outbound: every flow starts at an IM and Presence node and leaves it
        assertThat(catalogue.resolve("outbound-dependencies")).isNotEmpty()
                .allMatch(f -> f.from().role().equals("imp-node") && !f.to().role().equals("imp-node"));
        // inbound: every flow ends at an IM and Presence node and comes from elsewhere
        assertThat(catalogue.resolve("inbound-integrations")).extracting(Flow::ref).containsExactly("exchange-notify.calendar-notify");
        assertThat(catalogue.resolve("inbound-integrations"))
                .allMatch(f -> f.to().role().equals("imp-node") && !f.from().role().equals("imp-node"));
        assertThat(catalogue.resolve("localhost-only")).allMatch(f -> f.scope() == Scope.LOCALHOST_ONLY);
        assertThat(catalogue.resolve("intra-cluster")).allMatch(f -> f.from().role().equals("imp-node") && f.to().role().equals("imp-node"));
    }

    @Test
    void theSeedsDefaultListenersAreConfigurable() {
        for (String ref : List.of("sip-proxy.default-listener", "external-directory.ldap", "external-directory.ldaps",
                "exchange-notify.calendar-notify")) {
            assertThat(catalogue.flow(ref).orElseThrow().ports().configurable()).as(ref).isTrue();
        }
        assertThat(catalogue.flows()).filteredOn(f -> f.ports().defaults().contains(8082) || f.ports().defaults().contains(8083)
                || f.ports().defaults().contains(5080)).isNotEmpty().allMatch(f -> f.ports().configurable());
    }

    @Test
    void livebusIsKeptLocalhostOnlyWithBothOfTheSeedsStatements() {
        Flow livebus = catalogue.flow("presence-engine.livebus").orElseThrow();
        assertThat(livebus.scope()).isEqualTo(Scope.LOCALHOST_ONLY);
        assertThat(livebus.ambiguous()).contains("Localhost traffic only").contains("cluster communication")
                .contains("ローカルホストトラフィック専用").contains("クラスタ通信");
        assertThat(catalogue.flows()).filteredOn(Flow::isAmbiguous).containsExactly(livebus);
        assertThat(catalogue.notesFor(catalogue.resolve("presence-engine"))).singleElement().asString()
                .startsWith("ambiguous presence-engine.livebus (port 50000)");
    }

    @Test
    void theXcpRowsKeepTheSeedsProtocolWordAndNameTheApplicationApart() {
        // seed table 22 rows 1-3 write [TCP] in the protocol column
        assertThat(List.of("xcp.client-access", "xcp.s2s", "xcp.bosh")).allSatisfy(ref -> {
            Flow f = catalogue.flow(ref).orElseThrow();
            assertThat(f.protocol()).as(ref).isEqualTo("TCP");
            assertThat(f.remark()).as(ref).contains("[TCP]");
        });
        assertThat(catalogue.flow("xcp.client-access").orElseThrow().application()).isEqualTo("XMPP");
        assertThat(catalogue.flow("xcp.bosh").orElseThrow().application()).isEqualTo("HTTP (BOSH)");
        assertThat(catalogue.flow("exchange-notify.calendar-notify").orElseThrow().remark()).contains("Why tcp+udp");
    }

    @Test
    void knownGapsNameWhatTheSeedOmitsWithoutAddingFlows() {
        assertThat(catalogue.knownGaps()).extracting(KnownGap::id)
                .containsExactly("ipsec-nat-traversal", "dns-over-tcp", "admin-ssh-inbound");
        // no invented port enters a group: the seed's 65 rows stay 65, and 4500 is not in any flow
        assertThat(catalogue.flows()).hasSize(65);
        assertThat(catalogue.search("4500")).isEmpty();
        assertThat(catalogue.flows()).noneMatch(f -> f.group().equals("dns") && f.transport() != Transport.UDP);
        assertThat(catalogue.gapsFor(catalogue.resolve("racoon-ipsec"))).extracting(KnownGap::id).containsExactly("ipsec-nat-traversal");
        assertThat(catalogue.gapsFor(catalogue.resolve("dns"))).singleElement().extracting(KnownGap::needs).asString().contains("TCP 53");
        assertThat(catalogue.gapsFor(catalogue.resolve("ssh-sftp"))).extracting(KnownGap::id).containsExactly("admin-ssh-inbound");
        assertThat(catalogue.gapsFor(catalogue.resolve("xcp"))).isEmpty();
    }
}
