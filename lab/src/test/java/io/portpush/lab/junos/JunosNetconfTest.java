package io.portpush.lab.junos;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.core.transport.KnownHostsVerifier;
import io.portpush.core.transport.NetconfFrames;
import io.portpush.core.transport.NetconfSession;
import io.portpush.core.transport.SshConnection;
import io.portpush.core.transport.SshTarget;
import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import io.portpush.lab.TimeScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The lab's Junos NETCONF server, driven by portpush's own client (core's {@link NetconfSession})
 * and by raw framing where the client would hide a mistake. Ansible and ncclient judge it too
 * ({@code RealClientsTest}).
 */
class JunosNetconfTest {
    private static final String FILTER = "set firewall family inet filter NC term sip ";
    @TempDir
    Path dir;
    LabFleet fleet;
    LabDevice mx;

    @BeforeEach
    void start() {
        fleet = new LabFleet(null);
        mx = fleet.start(DeviceSpec.of("mx1", "juniper_junos").withMinute(TimeScale.of(Duration.ofMillis(300))));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private SshConnection ssh() {
        SshTarget t = SshTarget.password("127.0.0.1", mx.port(), "admin", DeviceSpec.DEFAULT_PASSWORD)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        return SshConnection.open(t, new KnownHostsVerifier(List.of(dir.resolve("known")), true, dir.resolve("known")), 0,
                Duration.ofMillis(100));
    }

    private static String load(String... lines) {
        return "<load-configuration action=\"set\" format=\"text\"><configuration-set>" + NetconfSession.escape(String.join("\n", lines))
                + "</configuration-set></load-configuration>";
    }

    private static String text(Element reply, String element) {
        return NetconfSession.first(reply, element).map(Element::getTextContent).orElse("(no <" + element + ">)");
    }

    @Test
    void loadCompareCommitAndReadBackInEveryFormat() throws Exception {
        try (SshConnection c = ssh(); NetconfSession nc = c.netconf(Duration.ofSeconds(5))) {
            assertThat(nc.chunked()).as("both hellos say base:1.1").isTrue();
            assertThat(nc.capabilities()).contains("urn:ietf:params:netconf:capability:candidate:1.0", "http://xml.juniper.net/netconf/junos/1.0");
            Element loaded = nc.rpc(load(FILTER + "from protocol tcp", FILTER + "from destination-port 5061", FILTER + "then accept"));
            assertThat(NetconfSession.errors(loaded)).isEmpty();
            assertThat(NetconfSession.first(loaded, "load-configuration-results").flatMap(r -> NetconfSession.first(r, "ok"))).isPresent();
            assertThat(text(nc.rpc("<get-configuration compare=\"rollback\" rollback=\"0\" format=\"text\"/>"), "configuration-output"))
                    .contains("+           filter NC {", "+                       destination-port 5061;");
            // not committed yet: the committed database does not have it, the candidate does
            assertThat(text(nc.rpc("<get-configuration database=\"committed\" format=\"set\"/>"), "configuration-set")).doesNotContain("NC");
            assertThat(text(nc.rpc("<get-configuration format=\"set\"/>"), "configuration-set")).contains(FILTER + "then accept");
            Element commit = nc.rpc("<commit-configuration><log>portpush test</log></commit-configuration>");
            assertThat(NetconfSession.first(commit, "commit-success")).isPresent();
            assertThat(mx.personality().savedConfig()).contains(FILTER + "from destination-port 5061");

            Element xml = nc.rpc("<get-configuration database=\"committed\"><configuration><firewall/></configuration></get-configuration>");
            Element conf = NetconfSession.first(xml, "configuration").orElseThrow();
            assertThat(conf.getAttribute("junos:commit-user")).isEqualTo("admin");
            assertThat(NetconfSession.descendants(conf, "interfaces")).as("the filter keeps only firewall").isEmpty();
            Element term = NetconfSession.first(conf, "term").orElseThrow();
            assertThat(text(term, "name")).isEqualTo("sip");
            assertThat(text(term, "destination-port")).isEqualTo("5061");
            assertThat(NetconfSession.first(term, "accept")).isPresent();
            assertThat(text(nc.rpc("<get-configuration database=\"committed\" format=\"text\"><configuration><firewall/></configuration>"
                    + "</get-configuration>"), "configuration-text")).contains("filter NC {", "then accept;");
            // the CLI's commit history says how the change came
            try (LabClient cli = new LabClient(mx, JunosPersonalityTest.PROMPT_OF.apply("mx1"))) {
                cli.login();
                assertThat(cli.cmd("show system commit")).containsPattern("0 +\\S+ \\S+ UTC by admin via netconf\n +portpush test");
            }
        }
    }

    @Test
    void aBadStatementIsAnRpcErrorNamingTheWordAndLoadsNothingOfItself() {
        try (SshConnection c = ssh(); NetconfSession nc = c.netconf(Duration.ofSeconds(5))) {
            Element r = nc.rpc(load(FILTER + "then accept", "set firewall family inet filter NC term sip from bogus 1"));
            List<NetconfSession.RpcError> errors = NetconfSession.errors(r);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).message()).isEqualTo("syntax error");
            assertThat(errors.get(0).badElement()).isEqualTo("bogus");
            assertThat(text(r, "load-error-count")).isEqualTo("1");
            assertThat(text(nc.rpc("<get-configuration format=\"set\"/>"), "configuration-set")).contains(FILTER + "then accept")
                    .doesNotContain("bogus");
            // an operation the server does not know names itself; a reply still comes for the message id
            Element unknown = nc.rpc("<get-bogus-information/>");
            assertThat(NetconfSession.errors(unknown)).extracting(NetconfSession.RpcError::badElement).containsExactly("get-bogus-information");
            // a text load that does not balance is refused whole, with the line
            Element text = nc.rpc("<load-configuration action=\"merge\" format=\"text\"><configuration-text>firewall {\n family inet {\n"
                    + "</configuration-text></load-configuration>");
            assertThat(NetconfSession.errors(text).get(0).message()).contains("line 3", "ends inside a statement");
            // discard: the candidate is the active configuration again
            nc.rpc("<discard-changes/>");
            assertThat(text(nc.rpc("<get-configuration format=\"set\"/>"), "configuration-set")).doesNotContain("filter NC");
        }
    }

    @Test
    void mergeReplaceAndOverrideInXmlAndText() {
        try (SshConnection c = ssh(); NetconfSession nc = c.netconf(Duration.ofSeconds(5))) {
            nc.rpc("<load-configuration action=\"merge\"><configuration><firewall><family><inet><filter><name>X</name><term><name>a</name>"
                    + "<from><protocol>udp</protocol><destination-port>5060</destination-port><destination-port>5061</destination-port></from>"
                    + "<then><accept/></then></term></filter></inet></family></firewall></configuration></load-configuration>");
            assertThat(text(nc.rpc("<get-configuration format=\"set\"/>"), "configuration-set"))
                    .contains("set firewall family inet filter X term a from destination-port 5060",
                            "set firewall family inet filter X term a from destination-port 5061");
            // replace: the tagged hierarchy is replaced, the rest merged
            nc.rpc("<load-configuration action=\"replace\" format=\"text\"><configuration-text>firewall { family inet { replace: filter X {"
                    + " term b { then discard; } } } }</configuration-text></load-configuration>");
            String after = text(nc.rpc("<get-configuration format=\"set\"/>"), "configuration-set");
            assertThat(after).contains("set firewall family inet filter X term b then discard").doesNotContain("term a");
            // delete="delete" on an element removes it
            nc.rpc("<load-configuration><configuration><firewall><family><inet><filter delete=\"delete\"><name>X</name></filter></inet>"
                    + "</family></firewall></configuration></load-configuration>");
            assertThat(text(nc.rpc("<get-configuration format=\"set\"/>"), "configuration-set")).doesNotContain("filter X");
            // override: the loaded text is the whole candidate
            nc.rpc("<load-configuration action=\"override\" format=\"text\"><configuration-text>system { host-name mx9; }"
                    + "</configuration-text></load-configuration>");
            assertThat(text(nc.rpc("<get-configuration format=\"set\"/>"), "configuration-set").strip()).isEqualTo("set system host-name mx9");
            nc.rpc("<discard-changes/>");
        }
    }

    @Test
    void theLockKeepsOtherSessionsAndTheCliOutAndUnlockDiscards() throws Exception {
        try (SshConnection c1 = ssh(); NetconfSession a = c1.netconf(Duration.ofSeconds(5));
             SshConnection c2 = ssh(); NetconfSession b = c2.netconf(Duration.ofSeconds(5))) {
            assertThat(NetconfSession.errors(a.rpc("<lock><target><candidate/></target></lock>"))).isEmpty();
            List<NetconfSession.RpcError> denied = NetconfSession.errors(b.rpc("<lock><target><candidate/></target></lock>"));
            assertThat(denied).extracting(NetconfSession.RpcError::tag).containsExactly("lock-denied");
            a.rpc(load(FILTER + "then accept"));
            try (LabClient cli = new LabClient(mx, JunosPersonalityTest.PROMPT_OF.apply("mx1"))) {
                cli.login();
                cli.cmd("configure");
                assertThat(cli.cmd("commit")).contains("error: configuration database locked by:");
            }
            // unlocking without a commit throws the changes away
            a.rpc("<unlock><target><candidate/></target></unlock>");
            assertThat(text(b.rpc("<get-configuration format=\"set\"/>"), "configuration-set")).doesNotContain("filter NC");
            assertThat(mx.personality().savedConfig()).doesNotContain("filter NC");
        }
    }

    @Test
    void aConfirmedCommitNobodyConfirmsRollsBackByItself() throws Exception {
        try (SshConnection c = ssh(); NetconfSession nc = c.netconf(Duration.ofSeconds(5))) {
            nc.rpc("<open-configuration><private/></open-configuration>");
            nc.rpc(load(FILTER + "then accept"));
            Element r = nc.rpc("<commit-configuration><confirmed/><confirm-timeout>1</confirm-timeout></commit-configuration>");
            assertThat(NetconfSession.first(r, "commit-success")).isPresent();
            assertThat(mx.personality().savedConfig()).contains("filter NC");
        }
        // the session is gone (as if portpush died): one device minute later the change is undone
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (mx.personality().savedConfig().contains("filter NC") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(mx.personality().savedConfig()).doesNotContain("filter NC");
    }

    @Test
    void aCheckThatFailsNamesTheStatementAndCommitsNothing() {
        try (SshConnection c = ssh(); NetconfSession nc = c.netconf(Duration.ofSeconds(5))) {
            nc.rpc(load("set interfaces ge-0/0/0 unit 0 family inet filter input MISSING"));
            Element check = nc.rpc("<commit-configuration><check/></commit-configuration>");
            List<NetconfSession.RpcError> errors = NetconfSession.errors(check);
            assertThat(errors.get(0).message()).isEqualTo("Referenced filter 'MISSING' is not defined");
            assertThat(errors.get(0).path()).startsWith("[edit interfaces ge-0/0/0 unit 0 family inet filter]");
            assertThat(errors.get(errors.size() - 1).message()).isEqualTo("configuration check-out failed");
            assertThat(NetconfSession.errors(nc.rpc("<commit/>"))).isNotEmpty();
            assertThat(mx.personality().savedConfig()).doesNotContain("MISSING");
            nc.rpc("<discard-changes/>");
        }
    }

    /** Framing 1.0: a client that says only base:1.0 gets end-of-message markers, and a broken rpc gets its error. */
    @Test
    void aNetconf10ClientGetsEndOfMessageFramingAndErrorsForBadRpcs() throws Exception {
        try (SSHClient ssh = new SSHClient()) {
            ssh.addHostKeyVerifier(new PromiscuousVerifier());
            ssh.connect("127.0.0.1", mx.port());
            ssh.authPassword("admin", DeviceSpec.DEFAULT_PASSWORD);
            try (Session s = ssh.startSession()) {
                Session.Subsystem sub = s.startSubsystem("netconf");
                NetconfFrames f = new NetconfFrames(sub.getInputStream(), sub.getOutputStream());
                String hello = f.read();
                assertThat(hello).contains("<capability>urn:ietf:params:netconf:base:1.1</capability>", "<session-id>");
                f.write("<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><capabilities><capability>"
                        + "urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>");
                f.write("<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"7\" xmlns:x=\"urn:x\" x:tag=\"kept\">"
                        + "<get-software-information/></rpc>");
                String reply = f.read();
                assertThat(reply).contains("message-id=\"7\"", "x:tag=\"kept\"", "<host-name>mx1</host-name>");
                f.write("<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><get-software-information/></rpc>");
                assertThat(f.read()).contains("<error-tag>missing-attribute</error-tag>");
                f.write("<rpc message-id=\"8\"><unclosed></rpc>");
                assertThat(f.read()).contains("<error-tag>malformed-message</error-tag>");
                f.write("<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"9\"><close-session/></rpc>");
                assertThat(f.read()).contains("message-id=\"9\"", "<ok/>");
                assertThat(f.read()).as("the server ends the session after close-session").isNull();
            }
        }
    }

    /** As port 830 on a real Junos: a second port that speaks NETCONF and nothing else, with the device's host key. */
    @Test
    void aSecondPortOffersNetconfAloneWithTheSameHostKey() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        LabDevice mx2 = fleet.start(DeviceSpec.of("mx2", "juniper_junos").withNetconfPort(free));
        assertThat(mx2.netconfPort()).isEqualTo(free);
        assertThat(mx2.knownHostsLines()).hasSize(2).anyMatch(l -> l.startsWith("[127.0.0.1]:" + free + " "));
        SshTarget t = SshTarget.password("127.0.0.1", free, "admin", DeviceSpec.DEFAULT_PASSWORD)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
        java.nio.file.Files.writeString(dir.resolve("known2"), String.join("\n", mx2.knownHostsLines()) + "\n");
        try (SshConnection c = SshConnection.open(t, new KnownHostsVerifier(List.of(dir.resolve("known2")), false, dir.resolve("known2")), 0,
                Duration.ofMillis(100)); NetconfSession nc = c.netconf(Duration.ofSeconds(5))) {
            assertThat(text(nc.rpc("<get-software-information/>"), "host-name")).isEqualTo("mx2");
            // no shell on the NETCONF port
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.shell().readUntil(java.util.regex.Pattern.compile("> $"),
                    Duration.ofSeconds(2))).isInstanceOf(io.portpush.core.transport.TransportException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fleet.start(DeviceSpec.of("fw2", "cisco_asa").withNetconfPort(free + 1)))
                .hasMessageContaining("cisco_asa has no NETCONF server");
    }

    /** A value holding XML and the end-of-message marker stays one statement: it cannot add an RPC. */
    @Test
    void xmlInsideAStatementCannotStartAnotherRpc() {
        try (SshConnection c = ssh(); NetconfSession nc = c.netconf(Duration.ofSeconds(5))) {
            String evil = "set interfaces ge-0/0/1 description x</configuration-set></load-configuration></rpc>]]>]]><rpc>"
                    + "<commit-configuration/></rpc>";
            assertThat(NetconfSession.errors(nc.rpc(load(evil)))).isEmpty();
            // the whole value reached the candidate as one description
            assertThat(text(nc.rpc("<get-configuration format=\"set\"/>"), "configuration-set"))
                    .contains("set interfaces ge-0/0/1 description x</configuration-set></load-configuration></rpc>]]>]]><rpc>");
            assertThat(mx.log().entries()).extracting(e -> e.line()).noneMatch(l -> l.startsWith("<commit-configuration"));
            assertThat(mx.personality().savedConfig()).doesNotContain("description");
            nc.rpc("<discard-changes/>");
        }
    }
}
