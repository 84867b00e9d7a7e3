package io.portpush.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretFormsUnitTest {
    @Test
    void group1IsKeptAndTheRestOfTheMatchMasked() {
        SecretForms f = SecretForms.of("^(\\s*secret )\\S+", "(community )\\S+");
        assertThat(f.mask("secret abc\n secret def tail\nsnmp community pub ro\nother line\n"))
                .isEqualTo("secret ********\n secret ******** tail\nsnmp community ******** ro\nother line\n");
        assertThat(f.mask(null)).isNull();
        assertThat(SecretForms.of().mask("untouched $1 \\ text")).isEqualTo("untouched $1 \\ text");
        assertThat(SecretForms.of("(k=)\\S+").mask("k=$1\\x")).isEqualTo("k=********");
    }
}
