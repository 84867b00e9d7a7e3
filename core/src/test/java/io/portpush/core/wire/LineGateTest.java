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

    @Test
    void eachKindOfCharacterSaysWhyItIsRefused() {
        assertThat(why('\n')).isEqualTo("ends a line");
        assertThat(why('\r')).isEqualTo("ends a line");
        assertThat(why(0x0b)).isEqualTo("ends a line");
        assertThat(why(0x0c)).isEqualTo("ends a line");
        assertThat(why(0x85)).isEqualTo("ends a line");
        assertThat(why(0x1b)).isEqualTo("starts a terminal escape sequence");
        assertThat(why(0x9b)).isEqualTo("starts a terminal escape sequence");
        assertThat(why(0x07)).startsWith("is a control character");
        assertThat(why(0x1f)).startsWith("is a control character");
        assertThat(why(0x7f)).startsWith("is a control character");
        assertThat(why(0x80)).startsWith("is a control character");
        assertThat(why(0x9f)).startsWith("is a control character");
        assertThat(why(0x2028)).isEqualTo("ends a line in Unicode");
        assertThat(why(0x2029)).isEqualTo("ends a line in Unicode");
        assertThat(why(0x200b)).startsWith("is an invisible format character");
        assertThat(why(0xe000)).isEqualTo("is not a character a device can store");
        assertThat(why(0x0378)).as("unassigned").isEqualTo("is not a character a device can store");
    }

    @Test
    void theCharactersAtEachBoundaryPass() {
        for (int cp : new int[] {0x20, 0x7e, 0xa0, 0xff, 0x2027, 0x2030}) {
            assertThat(LineGate.firstUnsafe("a" + new String(Character.toChars(cp)) + "b")).as(Integer.toHexString(cp)).isEmpty();
        }
        LineRules ascii = new LineRules("p", 10, true, List.of(), List.of());
        assertThat(LineGate.check("~ ok", ascii)).isEmpty();
        assertThat(LineGate.check("\u00a0", ascii)).isPresent();
        assertThat(new LineRules("p", 1, false, List.of(), List.of()).maxLine()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LineRules("p", 0, false, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        // a field limit whose part is absent does not apply
        LineRules optional = new LineRules("p", 100, false, List.of(),
                List.of(new LineRules.FieldLimit("x", Pattern.compile("^a( b)?"), 1, "doc")));
        assertThat(LineGate.check("a", optional)).isEmpty();
    }

    @Test
    void describeNamesEveryCharacterReadably() {
        assertThat(new LineGate.Violation(0, 0, "why").describe()).isEqualTo("NUL (U+0000) at column 1 why");
        assertThat(new LineGate.Violation(-1, -1, "whole line").describe()).isEqualTo("whole line");
        assertThat(LineGate.Violation.name(0x20)).isEqualTo("' ' (U+0020)");
        assertThat(LineGate.Violation.name(0x7e)).isEqualTo("'~' (U+007E)");
        assertThat(LineGate.Violation.name(0x7f)).isEqualTo("DEL (U+007F)");
        assertThat(LineGate.Violation.name('\t')).isEqualTo("TAB (U+0009)");
        assertThat(LineGate.Violation.name(0x1f)).isEqualTo("INFORMATION SEPARATOR ONE (U+001F)");
        assertThat(LineGate.Violation.name(0xa0)).isEqualTo("NO-BREAK SPACE (U+00A0)");
        assertThat(UnsafeLineException.visible("z".repeat(200))).isEqualTo("z".repeat(200));
        assertThat(UnsafeLineException.visible("a\u0007b")).isEqualTo("a\\u0007b");
    }

    private static String why(int cp) {
        return LineGate.firstUnsafe("x" + new String(Character.toChars(cp))).orElseThrow().why();
    }
}
