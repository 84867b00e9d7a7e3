package io.portpush.lab.junos;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.lab.DeviceSpec;
import io.portpush.lab.LabClient;
import io.portpush.lab.LabDevice;
import io.portpush.lab.LabFleet;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JunosPersonalityTest {
    static final java.util.function.Function<String, Pattern> PROMPT_OF = h -> Pattern.compile("(\r?\n\\[edit[^\\]]*\\]\r?\n)?admin@"
            + h + "[>#] $");
    static final Pattern PROMPT = Pattern.compile("(\r?\n\\[edit[^\\]]*\\]\r?\n)?admin@r1[>#] $");
    LabFleet fleet;
    LabDevice r1;

    @BeforeEach
    void start() {
        fleet = new LabFleet(null);
        r1 = fleet.start(DeviceSpec.of("r1", "juniper_junos").withMinute(io.portpush.lab.TimeScale.of(Duration.ofMillis(300))));
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private LabClient cli() throws Exception {
        LabClient c = new LabClient(r1, PROMPT);
        assertThat(c.login()).endsWith("admin@r1> ");
        assertThat(c.cmd("set cli screen-length 0")).isEqualTo("Screen length set to 0\n");
        return c;
    }

    private static final String TERM = "set firewall family inet filter EDGE term xmpp ";

    @Test
    void candidateCompareCommitAndDisplaySet() throws Exception {
        try (LabClient c = cli()) {
            assertThat(c.raw("configure private")).endsWith("Entering configuration mode\n\n[edit]\nadmin@r1# ");
            c.cmd(TERM + "from source-address 192.0.2.0/28");
            c.cmd(TERM + "from protocol tcp");
            c.cmd(TERM + "from destination-port 5222");
            c.cmd(TERM + "then accept");
            assertThat(c.cmd("show | compare")).isEqualTo("""
                    [edit]
                    +   firewall {
                    +       family inet {
                    +           filter EDGE {
                    +               term xmpp {
                    +                   from {
                    +                       source-address {
                    +                           192.0.2.0/28;
                    +                       }
                    +                       protocol tcp;
                    +                       destination-port 5222;
                    +                   }
                    +                   then accept;
                    +               }
                    +           }
                    +       }
                    +   }
                    """);
            assertThat(c.cmd("commit check")).startsWith("configuration check succeeds\n");
            assertThat(c.cmd("commit comment \"portpush run 7\"")).startsWith("commit complete\n");
            c.cmd(TERM + "from destination-port 5269");
            assertThat(c.cmd("show | compare")).isEqualTo("""
                    [edit firewall family inet filter EDGE term xmpp from]
                    -   destination-port 5222;
                    +   destination-port [ 5222 5269 ];
                    """);
            c.cmd("rollback 0");
            assertThat(c.cmd("show | compare")).isEmpty();
            assertThat(c.raw("exit")).contains("Exiting configuration mode").endsWith("admin@r1> ");
            assertThat(c.cmd("show configuration firewall | display set")).isEqualTo("""
                    set firewall family inet filter EDGE term xmpp from source-address 192.0.2.0/28
                    set firewall family inet filter EDGE term xmpp from protocol tcp
                    set firewall family inet filter EDGE term xmpp from destination-port 5222
                    set firewall family inet filter EDGE term xmpp then accept
                    """);
            assertThat(c.cmd("show system commit")).containsPattern("^0   \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC by admin via cli\n    portpush run 7\n");
        }
    }

    @Test
    void syntaxErrorsAndCheckOutFailures() throws Exception {
        try (LabClient c = cli()) {
            c.cmd("configure");
            assertThat(c.cmd("set firewall family inet filter F term T from protocool tcp"))
                    .isEqualTo(" ".repeat(10 + 46) + "^\nsyntax error.\n");
            c.cmd("set firewall family inet filter F term T then accept");
            c.cmd("set firewall family inet filter F term T then discard");
            c.cmd("set interfaces ge-0/0/1 unit 0 family inet filter input MISSING");
            String out = c.cmd("commit");
            assertThat(out).contains("[edit firewall family inet filter F term T then]\n  'discard'\n")
                    .contains("Referenced filter 'MISSING' is not defined")
                    .contains("error: configuration check-out failed\n");
            assertThat(c.cmd("run show configuration firewall")).isEmpty();
        }
    }

    @Test
    void commitConfirmedRollsBackWhenNotConfirmed() throws Exception {
        try (LabClient c = cli()) {
            c.cmd("configure private");
            c.cmd(TERM + "then discard");
            assertThat(c.cmd("commit confirmed 1")).startsWith(
                    "commit confirmed will be automatically rolled back in 1 minutes unless confirmed\ncommit complete\n");
            assertThat(c.cmd("run show configuration firewall | display set")).contains("then discard");
            // the lab's minute is 300 ms (scaled): wait for the rollback, up to a deadline, instead of guessing when it lands
            java.time.Instant deadline = java.time.Instant.now().plus(io.portpush.lab.TimeScale.of(Duration.ofSeconds(10)));
            String now = c.cmd("run show configuration firewall | display set");
            while (!now.isEmpty() && java.time.Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
                now = c.cmd("run show configuration firewall | display set");
            }
            assertThat(now).isEmpty();
            assertThat(c.cmd("run show system commit")).contains("by root via other\n    commit confirmed rollback");
        }
    }

    @Test
    void confirmingKeepsTheChange() throws Exception {
        try (LabClient c = cli()) {
            c.cmd("configure private");
            c.cmd(TERM + "then accept");
            c.cmd("commit confirmed 1");
            assertThat(c.cmd("commit")).startsWith("commit complete");
            Thread.sleep(io.portpush.lab.TimeScale.millis(700)); // past the confirmed minute: a cancelled timer must not fire
            assertThat(c.cmd("run show configuration firewall | display set")).contains("then accept");
        }
    }

    @Test
    void leavingWithUncommittedChangesAsksFirst() throws Exception {
        try (LabClient c = cli()) {
            c.cmd("configure");
            c.cmd(TERM + "then accept");
            assertThat(c.until("exit configuration-mode", Pattern.compile("\\[yes,no\\] \\(yes\\) $")))
                    .contains("The configuration has been changed but not committed\nExit with uncommitted changes? [yes,no] (yes) ");
            assertThat(c.raw("yes")).contains("Exiting configuration mode").endsWith("admin@r1> ");
        }
    }

    @Test
    void enteringAChangedConfigurationSaysSoAfterEntering() throws Exception {
        // Junos CLI User Guide, "Overview of the Configure Command": "Entering configuration mode", then
        // "The configuration has been changed but not committed"; configure private warns first
        try (LabClient c = cli()) {
            c.cmd("configure");
            c.cmd(TERM + "then accept");
            c.until("exit configuration-mode", Pattern.compile("\\[yes,no\\] \\(yes\\) $"));
            c.raw("yes");
            assertThat(c.cmd("configure")).contains("Entering configuration mode\nThe configuration has been changed but not committed");
            c.cmd("rollback 0");
            c.until("exit configuration-mode", Pattern.compile("admin@r1> $|\\(yes\\) $"));
        }
        try (LabClient c = cli()) {
            assertThat(c.cmd("configure private")).contains("warning: uncommitted changes will be discarded on exit\nEntering configuration mode");
        }
    }

    @Test
    void configurationModeShowsOnlyStatementsAndItsPromptEndsLinesWithCrLf() throws Exception {
        try (LabClient c = cli()) {
            // "[edit]" on its own line: CR LF on both sides, as a terminal needs (a bare LF steps sideways)
            String entered = c.rawWithCr("configure");
            assertThat(entered).contains("\r\n[edit]\r\nadmin@r1# ").doesNotContainPattern("[^\r]\n");
            assertThat(c.cmd("show bogus")).contains("syntax error.");
            assertThat(c.cmd("show configuration firewall")).contains("syntax error.");
            c.cmd(TERM + "then accept");
            assertThat(c.cmd("show firewall")).contains("then accept").doesNotContain("syntax error");
        }
    }

    @Test
    void whatAnsiblesTerminalPluginSendsAtLoginIsAccepted() throws Exception {
        // the junipernetworks.junos terminal plugin of Ansible, on_open_shell: these three, any "syntax error," fails the login
        try (LabClient c = cli()) {
            for (String line : java.util.List.of("set cli timestamp disable", "set cli screen-length 0", "set cli screen-width 1024")) {
                assertThat(c.cmd(line)).as(line).doesNotContain("syntax error");
            }
        }
    }

    @Test
    void aPrivateCandidateDiesWithItsSession() throws Exception {
        try (LabClient c = cli()) {
            c.cmd("configure private");
            c.cmd(TERM + "then accept");
        }
        try (LabClient c = cli()) {
            c.cmd("configure private");
            assertThat(c.cmd("show | compare")).isEmpty();
        }
    }
}
