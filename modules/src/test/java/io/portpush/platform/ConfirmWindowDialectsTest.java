package io.portpush.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.device.Commit;
import io.portpush.core.device.Dialect;
import io.portpush.platform.asa.AsaDialect;
import io.portpush.platform.ios.IosDialect;
import io.portpush.platform.nxos.NxosDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each CLI dialect carries a confirm window: what it types, what it requires the device to say, how it confirms. */
class ConfirmWindowDialectsTest {
    static final Commit.Confirmed ASKED = new Commit.Confirmed(5, "portpush acl EDGE", true);
    static final Commit.Confirmed ALWAYS = new Commit.Confirmed(5, "portpush acl EDGE");

    @Test
    void iosArmsItsRevertTimerOnlyWhenAskedAndRequiresTheRoutersWordForIt() {
        Dialect d = new IosDialect();
        assertThat(d.enterConfig(ASKED)).containsExactly("configure terminal revert timer 5");
        assertThat(d.enterConfig(new Commit.Confirmed(300, "c", true))).as("IOS takes at most 120 minutes")
                .containsExactly("configure terminal revert timer 120");
        assertThat(d.enterConfig(ALWAYS)).isEqualTo(d.enterConfig()).containsExactly("configure terminal");
        assertThat(d.enterConfig(Commit.keep("c"))).containsExactly("configure terminal");
        assertThat(d.notArmed(ASKED, "Rollback Confirmed Change: Backing up current running config to bootflash:archive-Dec--2-16-40-00.123-0\n\n"
                + "Enter configuration commands, one per line.  End with CNTL/Z.\n")).isEmpty();
        assertThat(d.notArmed(ASKED, "Enter configuration commands, one per line.  End with CNTL/Z.\n")).get().asString()
                .contains("the revert timer did not start", "configure 'archive' with a 'path'", "nothing was sent",
                        "The router said: Enter configuration commands");
        assertThat(d.confirm("x")).containsExactly("configure confirm");
        assertThat(d.confirmsInConfigMode()).isFalse();
        assertThat(d.undoesUnconfirmed()).isTrue();
        assertThat(d.armInConfig(ASKED.withUndo(List.of("no ip access-list extended EDGE")))).isEmpty();
        assertThat(d.runsGivenUndo()).as("the router restores its own archive").isFalse();
    }

    @Test
    void asaCarriesTheUndoLinesInACountdownAppletThatRemovesItself() {
        Dialect d = new AsaDialect();
        assertThat(d.enterConfig(ASKED)).isEqualTo(d.enterConfig());
        assertThat(d.armInConfig(ASKED)).as("no undo lines, no applet").isEmpty();
        assertThat(d.armInConfig(ALWAYS.withUndo(List.of("clear configure access-list EDGE")))).as("only when asked").isEmpty();
        assertThat(d.armInConfig(ASKED.withUndo(List.of("no access-group EDGE in interface outside", "clear configure access-list EDGE"))))
                .containsExactly("event manager applet PORTPUSH-UNDO",
                        " description portpush: restores the previous state unless the change is confirmed",
                        " action 1 cli command \"no access-group EDGE in interface outside\"",
                        " action 2 cli command \"clear configure access-list EDGE\"",
                        " action 3 cli command \"no event manager applet PORTPUSH-UNDO\"",
                        " output none",
                        " event timer countdown time 300",
                        "exit");
        assertThatThrownBy(() -> d.armInConfig(ASKED.withUndo(List.of("access-list EDGE remark say \"hi\""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("double quote");
        assertThat(d.confirm("x")).containsExactly("no event manager applet PORTPUSH-UNDO");
        assertThat(d.confirmsInConfigMode()).isTrue();
        assertThat(d.undoesUnconfirmed()).isTrue();
        assertThat(d.runsGivenUndo()).isTrue();
    }

    @Test
    void nxosTakesACheckpointAndACountdownThatRollsBackToIt() {
        Dialect d = new NxosDialect();
        assertThat(d.enterConfig(ALWAYS)).isEqualTo(d.enterConfig());
        List<String> asked = d.enterConfig(ASKED);
        assertThat(asked.subList(0, 8)).containsExactly("checkpoint portpush-undo", "configure terminal", "event manager applet PORTPUSH-UNDO",
                " description \"portpush: rolls back unless the change is confirmed\"", " event timer countdown time 300 name portpush-undo",
                " action 1.0 cli command \"rollback running-config checkpoint portpush-undo\"",
                " action 2.0 cli command \"no checkpoint portpush-undo\"", "end");
        assertThat(asked.subList(8, asked.size())).isEqualTo(d.enterConfig());
        assertThat(d.confirm("x")).containsExactly("configure terminal", "no event manager applet PORTPUSH-UNDO", "end",
                "no checkpoint portpush-undo");
        assertThat(d.confirmsInConfigMode()).isFalse();
        assertThat(d.undoesUnconfirmed()).isTrue();
    }
}
