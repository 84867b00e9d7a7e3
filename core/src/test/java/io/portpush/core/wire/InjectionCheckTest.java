package io.portpush.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InjectionCheckTest {
    @Test
    void aValueThatAddsALineBreakIsFoundWithItsFieldAndVariable() {
        Map<String, Object> raw = Map.of("rules", List.of(Map.of("permit", Map.of("remark", "{{ rmk | upper }} by {{ who }}"))));
        Map<String, Object> rendered = Map.of("rules", List.of(Map.of("permit", Map.of("remark", "X\nNO IP ROUTING by ops"))));
        var found = InjectionCheck.find(raw, rendered, Map.of("who", "ops", "rmk", "x\nno ip routing"));
        assertThat(found).isPresent();
        assertThat(found.get().field()).isEqualTo("rules[0].permit.remark");
        assertThat(found.get().violation().codePoint()).isEqualTo('\n');
        assertThat(found.get().violation().index()).isEqualTo(1);
        assertThat(found.get().variables()).containsExactly("rmk", "who");
    }

    @Test
    void lineBreaksTheAuthorWroteStayAllowedButNotOneMore() {
        String block = "description a\ndescription {{ d }}\n";
        assertThat(InjectionCheck.find(Map.of("lines", block), Map.of("lines", "description a\ndescription b\n"), Map.of("d", "b")))
                .isEmpty();
        assertThat(InjectionCheck.find(Map.of("lines", block), Map.of("lines", "description a\ndescription b\nreload\n"),
                Map.of("d", "b\nreload"))).isPresent().get().extracting(i -> i.violation().index()).isEqualTo(34);
    }

    @Test
    void aWholeExpressionThatGivesAListIsCheckedItemByItem() {
        var found = InjectionCheck.find(Map.of("lines", "{{ cmds }}"), Map.of("lines", List.of("ok", "bad\u001b[2J")),
                Map.of("cmds", List.of("ok", "bad\u001b[2J")));
        assertThat(found).isPresent();
        assertThat(found.get().field()).isEqualTo("lines[1]");
        assertThat(found.get().variables()).containsExactly("cmds");
    }

    @Test
    void cleanValuesAndNonStringsPass() {
        assertThat(InjectionCheck.find(Map.of("a", "{{ n }}", "b", List.of(1, 2)), Map.of("a", 5, "b", List.of(1, 2)), Map.of("n", 5)))
                .isEmpty();
        assertThat(InjectionCheck.find("{{ x }}", null, Map.of())).isEmpty();
    }

    @Test
    void filtersAndKeywordsAreNotTakenForVariables() {
        assertThat(InjectionCheck.culprits("{{ a | default('x') }}{% if b is defined and not c %}{% endif %}",
                Map.of("a", 1, "b", 2, "c", 3, "default", 4))).containsExactly("a", "b", "c");
        assertThat(InjectionCheck.holdsUnsafe(Map.of("k", List.of("fine", "no\tpe")))).isTrue();
        assertThat(InjectionCheck.holdsUnsafe(Map.of("k", List.of("fine")))).isFalse();
    }

    @Test
    void aRenderedListLongerThanItsTemplateIsCheckedToTheEnd() {
        var found = InjectionCheck.find(Map.of("lines", List.of("{{ a }}")), Map.of("lines", List.of("x", "y\rz")), Map.of("a", "x"));
        assertThat(found).isPresent().get().extracting(InjectionCheck.Injection::field).isEqualTo("lines[1]");
        assertThat(InjectionCheck.find(List.of("a", "b"), List.of("a", "b"), Map.of())).isEmpty();
    }
}
