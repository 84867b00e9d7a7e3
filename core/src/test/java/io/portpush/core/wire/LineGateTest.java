package io.portpush.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LineGateTest {
    private static final LineRules IOS_LIKE = new LineRules("cisco_ios", 80, true,
            List.of(new LineRules.Forbidden('?', "prints help")),
            List.of(new LineRules.FieldLimit("ACL remark", Pattern.compile("^\\s*(?:\\d+\\s+)?remark (.*)$"), 10, "doc")));

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b, 0x9f, 0x2028, 0x2029,
            0x200b, 0x200e, 0x202e, 0x2066, 0xfeff, 0xe000})
    void everyControlSeparatorAndFormatCharacterIsRefusedEverywhere(int cp) {
        String line = "permit ip any any" + new String(Character.toChars(cp)) + "log";
        assertThat(LineGate.check(line, LineRules.ANY)).as(Integer.toHexString(cp)).isPresent()
                .get().extracting(LineGate.Violation::index, LineGate.Violation::codePoint).containsExactly(17, cp);
        assertThat(LineGate.firstUnsafe(line)).isPresent();
    }

    @Test
    void ordinaryTextPassesIncludingUnicodeWhereThePlatformAllowsIt() {
        assertThat(LineGate.check(" 10 permit tcp any host 10.1.1.1 eq 5222 log", IOS_LIKE)).isEmpty();
        assertThat(LineGate.check("set firewall filter F term t1 then count 日本語", LineRules.ANY)).isEmpty();
        assertThat(LineGate.check("x".repeat(4096), LineRules.ANY)).isEmpty();
    }

    @Test
    void platformRulesAddCharacterSetForbiddenCharactersAndLimits() {
        assertThat(LineGate.check("remark café", IOS_LIKE)).get().extracting(LineGate.Violation::describe).asString()
                .startsWith("LATIN SMALL LETTER E WITH ACUTE (U+00E9) at column 11 is not printable ASCII");
        assertThat(LineGate.check("remark ok?", IOS_LIKE)).get().extracting(LineGate.Violation::describe)
                .isEqualTo("'?' (U+003F) at column 10 prints help");
        assertThat(LineGate.check(" 10 remark 12345678901", IOS_LIKE)).get().extracting(LineGate.Violation::describe)
                .isEqualTo("has a ACL remark of 11 characters; cisco_ios takes at most 10 (doc)");
        assertThat(LineGate.check(" 10 remark 1234567890", IOS_LIKE)).isEmpty();
        assertThat(LineGate.check("y".repeat(81), IOS_LIKE)).get().extracting(LineGate.Violation::describe)
                .isEqualTo("is 81 characters long; cisco_ios takes at most 80");
        assertThat(LineGate.check("y".repeat(80), IOS_LIKE)).isEmpty();
        assertThat(LineGate.check("x".repeat(4097), LineRules.ANY)).isPresent();
    }

    @Test
    void namesAreReadableAndMessagesNeverCarryTheCharacter() {
        assertThat(LineGate.Violation.name('\n')).isEqualTo("LF (U+000A)");
        assertThat(LineGate.Violation.name('\r')).isEqualTo("CR (U+000D)");
        assertThat(LineGate.Violation.name(0x1b)).isEqualTo("ESC (U+001B)");
        assertThat(LineGate.Violation.name('a')).isEqualTo("'a' (U+0061)");
        UnsafeLineException e = UnsafeLineException.of("r1", "a\nb\rc\u001bd", LineGate.firstUnsafe("a\nb").get());
        assertThat(e.getMessage()).contains("'a\\nb\\rc\\u001Bd'").contains("r1").doesNotContain("\n").doesNotContain("\r");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(UnsafeLineException.visible("z".repeat(300))).hasSize(203).endsWith("...");
    }
}
