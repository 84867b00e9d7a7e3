package io.portpush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.portpush.platform.asa.AsaDialect;
import io.portpush.platform.ios.IosDialect;
import io.portpush.platform.junos.JunosDialect;
import org.junit.jupiter.api.Test;

/**
 * Secrets in running configurations, in the forms the vendors print them, are masked before a
 * backup goes to history; the rest of each line, and every other line, stays as it was.
 */
class SecretFormsTest {
    @Test
    void iosSecretForms() {
        // forms from the Cisco IOS Security Command Reference (enable secret, username, snmp-server
        // community, crypto isakmp key, key chain key-string, line password)
        String config = """
                enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM
                enable password 7 0822455D0A16
                username admin privilege 15 secret 9 $9$wXk5cR0aPj3Gm8$abcDEF
                username ops password 0 CorrectHorse
                snmp-server community Pr1vat3C0mm RW
                snmp-server host 192.0.2.9 version 2c TrapC0mm
                crypto isakmp key 0 IsakmpK3y address 203.0.113.1
                key chain KC1
                 key 1
                  key-string 7 060506324F41
                line vty 0 4
                 password 7 094F471A1A0A
                tacacs-server key 7 13061E010803
                ntp authentication-key 1 md5 NtpK3y 7
                ip access-list extended EDGE
                 10 permit tcp any host 10.1.1.1 eq 22
                """;
        String masked = new IosDialect().maskSecrets(config);
        assertThat(masked).doesNotContain("$9$nhEm", "0822455D0A16", "$9$wXk5", "CorrectHorse", "Pr1vat3C0mm", "TrapC0mm", "IsakmpK3y",
                "060506324F41", "094F471A1A0A", "13061E010803", "NtpK3y");
        assertThat(masked).contains("enable secret 9 ********\n", "enable password 7 ********\n",
                "username admin privilege 15 secret 9 ********\n", "snmp-server community ******** RW\n",
                "crypto isakmp key 0 ******** address 203.0.113.1\n", "key chain KC1\n", "  key-string 7 ********\n",
                " password 7 ********\n", " 10 permit tcp any host 10.1.1.1 eq 22\n");
        assertThat(masked.lines().count()).isEqualTo(config.lines().count());
    }

    @Test
    void asaSecretForms() {
        // forms from the Cisco ASA Series Command Reference
        String config = """
                enable password $sha512$5000$x7R1$Jd8tq== pbkdf2
                username admin password $sha512$5000$aaaa$bbbb pbkdf2 privilege 15
                passwd 2KFQnbNIdI.2KYOU encrypted
                snmp-server community AsaC0mm
                snmp-server host inside 192.0.2.10 community H0stC0mm version 2c
                tunnel-group 203.0.113.2 ipsec-attributes
                 ikev1 pre-shared-key Ik3v1Psk
                 ikev2 remote-authentication pre-shared-key Ik3v2Psk
                aaa-server TAC (inside) host 192.0.2.20
                 key TacK3y
                access-list EDGE extended permit tcp any host 10.1.1.1 eq 443
                """;
        String masked = new AsaDialect().maskSecrets(config);
        assertThat(masked).doesNotContain("x7R1", "aaaa$bbbb", "2KFQnbNIdI", "AsaC0mm", "H0stC0mm", "Ik3v1Psk", "Ik3v2Psk", "TacK3y");
        assertThat(masked).contains("enable password ******** pbkdf2", "snmp-server host inside 192.0.2.10 community ******** version 2c",
                " ikev1 pre-shared-key ********", "access-list EDGE extended permit tcp any host 10.1.1.1 eq 443");
    }

    @Test
    void junosSecretFormsInSetAndBraceStyle() {
        // forms from the Junos OS CLI User Guide and configuration statements
        String set = """
                set system root-authentication encrypted-password "$6$Zq1$RootHash"
                set system login user ops authentication encrypted-password "$6$Yy2$OpsHash"
                set security ike policy P1 pre-shared-key ascii-text "$9$JunosPsk"
                set protocols ospf area 0 interface ge-0/0/0.0 authentication md5 1 key "$9$Md5Key"
                set snmp community JnC0mm authorization read-only
                set firewall family inet filter EDGE term t1 then accept
                """;
        String masked = new JunosDialect().maskSecrets(set);
        assertThat(masked).doesNotContain("RootHash", "OpsHash", "JunosPsk", "Md5Key", "JnC0mm");
        assertThat(masked).contains("encrypted-password ********", "set snmp community ******** authorization read-only",
                "set firewall family inet filter EDGE term t1 then accept");
        String braces = """
                system {
                    root-authentication {
                        encrypted-password "$6$Zq1$RootHash"; ## SECRET-DATA
                    }
                }
                snmp {
                    community JnC0mm {
                        authorization read-only;
                    }
                }
                """;
        assertThat(new JunosDialect().maskSecrets(braces)).doesNotContain("RootHash", "JnC0mm").contains("community ******** {");
    }
}
