package io.portpush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.platform.asa.AsaDialect;
import io.portpush.platform.ios.IosDialect;
import io.portpush.platform.junos.JunosDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prompts, refusals and commit forms of each dialect, on the texts the devices print. The
 * refusal texts are the ones Ansible's terminal plugins match (cisco.ios, cisco.asa,
 * junipernetworks.junos) and the vendors' command references show.
 */
class DialectsTest {
    @Test
    void iosPromptsAndRefusals() {
        IosDialect d = new IosDialect();
        assertThat(List.of("R1>", "R1#", "R1(config)#", "R1(config-ext-nacl)# ", "edge-rtr.lab#")).allMatch(p -> d.prompt().matcher(p).find());
        assertThat(d.prompt().matcher("R1 is up").find()).isFalse();
        assertThat(d.unprivilegedPrompt().orElseThrow().matcher("R1>").find()).isTrue();
        assertThat(d.unprivilegedPrompt().orElseThrow().matcher("R1#").find()).isFalse();
        assertThat(d.error("ip access-list extended X\n        ^\n% Invalid input detected at '^' marker.\n"))
                .contains("% Invalid input detected at '^' marker.");
        assertThat(d.error("% Incomplete command.\n")).contains("% Incomplete command.");
        assertThat(d.error("% Ambiguous command:  \"sh\"\n")).contains("% Ambiguous command:  \"sh\"");
        assertThat(d.error("%Error opening tftp://x (Timed out)\n")).isPresent();
        assertThat(d.error("Building configuration...\n[OK]\n")).isEmpty();
        assertThat(d.sessionSetup()).containsExactly("terminal length 0", "terminal width 511");
        assertThat(d.enterConfig()).containsExactly("configure terminal");
        assertThat(d.exitConfig()).containsExactly("end");
        assertThat(d.save()).containsExactly("write memory");
        assertThat(d.lineRules().asciiOnly()).isTrue();
        assertThat(d.maskSecrets("snmp-server community abc RO\n")).isEqualTo("snmp-server community ******** RO\n");
    }

    @Test
    void asaPromptsAndRefusals() {
        AsaDialect d = new AsaDialect();
        assertThat(List.of("fw1> ", "fw1# ", "fw1(config)# ", "fw1(config-service-object-group)# ")).allMatch(p -> d.prompt().matcher(p).find());
        assertThat(d.unprivilegedPrompt().orElseThrow().matcher("fw1> ").find()).isTrue();
        assertThat(d.unprivilegedPrompt().orElseThrow().matcher("fw1# ").find()).isFalse();
        assertThat(d.error("access-list X extended permit tcp any any eq wat\nERROR: % Invalid input detected at '^' marker.\n"))
                .contains("ERROR: % Invalid input detected at '^' marker.");
        assertThat(d.error("Invalid password\n")).contains("Invalid password");
        assertThat(d.error("WARNING: <X> found duplicate element\n")).isEmpty();
        assertThat(d.sessionSetup()).containsExactly("terminal pager 0");
        assertThat(d.enterConfig()).containsExactly("configure terminal");
        assertThat(d.exitConfig()).containsExactly("end");
        assertThat(d.save()).containsExactly("write memory");
        assertThat(d.lineRules().asciiOnly()).isTrue();
        assertThat(d.maskSecrets("ikev1 pre-shared-key abc\n")).isEqualTo("ikev1 pre-shared-key ********\n");
    }

    @Test
    void junosPromptsRefusalsAndCommitForms() {
        JunosDialect d = new JunosDialect();
        assertThat(d.prompt().matcher("admin@mx1> ").find()).isTrue();
        assertThat(d.prompt().matcher("\r\n[edit]\r\nadmin@mx1# ").find()).isTrue();
        assertThat(d.prompt().matcher("admin@mx1>").find()).as("Junos prompts end with a space").isFalse();
        assertThat(d.unprivilegedPrompt()).isEmpty();
        assertThat(d.error("set firewall bogus\n                ^\nsyntax error.\n")).contains("syntax error.");
        assertThat(d.error("set cli bogus\nsyntax error, expecting <command>.\n")).contains("syntax error, expecting <command>.");
        assertThat(d.error("unknown command.\n")).contains("unknown command.");
        assertThat(d.error("missing argument.\n")).contains("missing argument.");
        assertThat(d.error("'sh' is ambiguous.\n")).contains("'sh' is ambiguous.");
        // a failed commit as Junos prints it (Juniper "commit" examples: the errors, then the check-out line)
        assertThat(d.error("error: Policy error: Policy my-policy referenced but not\ndefined\nerror: BGP: export list not applied\n"
                + "error: configuration check-out failed\n")).contains("error: Policy error: Policy my-policy referenced but not");
        assertThat(d.error("[edit interfaces ge-0/0/0 unit 0 family inet]\n  'filter'\n    error: configuration check-out failed\n"))
                .as("indented, under the statement it names").contains("[edit interfaces ge-0/0/0 unit 0 family inet]   'filter'     "
                        + "error: configuration check-out failed");
        assertThat(d.error("error: commit failed: (statements constraint check failed)\n"))
                .contains("error: commit failed: (statements constraint check failed)");
        assertThat(d.error("commit complete\n")).isEmpty();
        assertThat(d.sessionSetup()).containsExactly("set cli screen-length 0", "set cli screen-width 511", "set cli complete-on-space off");
        assertThat(d.enterConfig()).containsExactly("configure private");
        assertThat(d.exitConfig()).containsExactly("exit configuration-mode");
        assertThat(d.runningConfigCommand()).isEqualTo("show configuration | display set");
        assertThat(d.commit("portpush \"x\"")).containsExactly("commit comment \"portpush 'x'\"");
        assertThat(d.commitConfirmed(5, "c")).containsExactly("commit confirmed 5 comment \"c\"");
        assertThat(d.confirm("c \"v\"")).containsExactly("commit comment \"c 'v'\"");
        assertThat(d.discard()).containsExactly("rollback 0");
        assertThat(d.lineRules().asciiOnly()).isFalse();
        assertThat(d.lineRules().forbidden()).extracting(f -> f.codePoint()).containsExactly((int) '?');
    }

    @Test
    void junosIdempotenceReadsSetAndDeleteLines() {
        JunosDialect d = new JunosDialect();
        String running = "set system host-name mx1\nset interfaces ge-0/0/0 description uplink\nset snmp location lab\n";
        assertThat(d.hasLine(running, List.of(), "set interfaces ge-0/0/0 description uplink")).isTrue();
        assertThat(d.hasLine(running, List.of(), "  set snmp location lab ")).isTrue();
        assertThat(d.hasLine(running, List.of(), "set snmp location other")).isFalse();
        assertThat(d.hasLine(running, List.of(), "delete snmp contact")).as("nothing to delete").isTrue();
        assertThat(d.hasLine(running, List.of(), "delete snmp location")).as("still set").isFalse();
        assertThat(d.hasLine(running, List.of(), "delete snmp location lab")).isFalse();
        assertThat(d.hasLine(running, List.of(), "delete snmp loc")).as("a longer name is another statement").isTrue();
    }
}
