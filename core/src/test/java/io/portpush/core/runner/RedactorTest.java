package io.portpush.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void everyLearnedSecretIsMaskedWhereverItStands() {
        Redactor r = new Redactor();
        r.learn("labpw-K7q2Xz9");
        r.learn("Comm-Zx81Pq");
        assertThat(r.redact("login labpw-K7q2Xz9 then snmp-server community Comm-Zx81Pq RO; again labpw-K7q2Xz9"))
                .isEqualTo("login ******** then snmp-server community ******** RO; again ********");
        assertThat(r.redact("nothing secret here")).isEqualTo("nothing secret here");
        assertThat(r.redact(null)).isNull();
        assertThat(new Redactor().redact("no secrets learned")).isEqualTo("no secrets learned");
    }

    @Test
    void theLongestSecretIsMaskedFirstSoAPrefixLeavesNoTail() {
        Redactor r = new Redactor();
        r.learn("abc");
        r.learn("abcdef-123");
        assertThat(r.redact("key abcdef-123 and abc")).isEqualTo("key ******** and ********");
    }

    @Test
    void secretsTooShortToMaskAreRefusedAndEmptyOnesIgnored() {
        Redactor r = new Redactor();
        assertThatThrownBy(() -> r.learn("ab")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 character(s)")
                .hasMessageNotContaining("ab ");
        assertThatThrownBy(() -> r.learn("x")).isInstanceOf(IllegalArgumentException.class);
        r.learn("");
        r.learn(null);
        r.learn("abc");
        assertThat(r.redact("a ab abc")).isEqualTo("a ab ********");
        assertThat(Redactor.MIN_LENGTH).isEqualTo(3);
        assertThat(Redactor.MASK).isEqualTo("********");
    }
}
