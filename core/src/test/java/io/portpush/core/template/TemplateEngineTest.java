package io.portpush.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {
    private final TemplateEngine t = new TemplateEngine(List.of());
    private final SourceLocation where = new SourceLocation("play.yml", 12, "tasks[0].config.lines");

    @Test
    void undefinedVariableIsAnErrorNamingItAndTheLocation() {
        assertThatThrownBy(() -> t.render("hostname {{ hostnme }}", Map.of("hostname", "r1"), where))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("play.yml:12: tasks[0].config.lines: undefined variable 'hostnme'");
    }

    @Test
    void defaultAndDefinedStillWork() {
        assertThat(t.render("{{ missing | default('x') }}", Map.of(), where)).isEqualTo("x");
        assertThat(t.condition("missing is defined", Map.of(), where)).isFalse();
        assertThat(t.condition("n > 2", Map.of("n", 3), where)).isTrue();
    }

    @Test
    void aWholeExpressionKeepsItsType() {
        Object v = t.renderValue("{{ ports }}", Map.of("ports", List.of(5060, 5061)), where);
        assertThat(v).isEqualTo(List.of(5060, 5061));
        assertThat(t.renderValue("p{{ n }}", Map.of("n", 1), where)).isEqualTo("p1");
    }

    @Test
    void ipaddrQueries() {
        Map<String, Object> v = Map.of("net", "10.10.1.77/24");
        assertThat(t.render("{{ net | ipaddr('network') }} {{ net | ipaddr('wildcard') }} {{ net | ipaddr('netmask') }}"
                + " {{ net | ipaddr('prefix') }} {{ net | ipaddr('address') }} {{ net | ipaddr('cidr') }}", v, where))
                .isEqualTo("10.10.1.0 0.0.0.255 255.255.255.0 24 10.10.1.77 10.10.1.0/24");
        assertThat(t.render("{{ 'nonsense' | ipaddr }}", Map.of(), where)).isEqualTo("false");
    }

    @Test
    void toJsonToYamlJoinUniqueSort() {
        Map<String, Object> v = Map.of("l", List.of(3, 1, 3));
        assertThat(t.render("{{ l | to_json }}|{{ l | unique | sort | join(',') }}", v, where)).isEqualTo("[3,1,3]|1,3");
        assertThat(t.render("{{ m | to_yaml }}", Map.of("m", Map.of("a", 1)), where)).isEqualTo("a: 1\n");
    }

    @org.junit.jupiter.api.Test
    void aDeviceTemplateIsNeverRenderedOverAValueThatWouldSplitALine() {
        java.util.Map<String, Object> acl = new java.util.LinkedHashMap<>();
        acl.put("name", "EDGE");
        acl.put("lines", List.of(java.util.Map.of("seq", 10, "remark", "ok\nno ip routing")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.renderDevice("cisco_ios/acl.j2", java.util.Map.of("acl", acl),
                        new io.portpush.core.error.SourceLocation("t", 0, "")))
                .isInstanceOf(io.portpush.core.wire.UnsafeLineException.class)
                .hasMessageContaining("acl.lines[0].remark").hasMessageContaining("LF (U+000A)").hasMessageContaining("nothing was sent");
    }

    @org.junit.jupiter.api.Test
    void aRenderingIsReusedOnlyForAnEqualModelAndTheGateStillSeesEveryOther(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("t.j2"), "list {{ m.name }}\n{% for l in m.lines %} remark {{ l }}\n{% endfor %}");
        TemplateEngine e = new TemplateEngine(List.of(dir));
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", "EDGE");
        m.put("lines", List.of("xmpp clients"));
        io.portpush.core.error.SourceLocation w = new io.portpush.core.error.SourceLocation("t", 0, "");
        String first = e.renderDevice("t.j2", java.util.Map.of("m", m), w);
        assertThat(first).isEqualTo("list EDGE\n remark xmpp clients\n");
        assertThat(e.renderDevice("t.j2", java.util.Map.of("m", new java.util.LinkedHashMap<>(m)), w)).isEqualTo(first);
        // the same map changed after its first rendering is a new model: rendered and checked again
        m.put("name", "EDGE2");
        assertThat(e.renderDevice("t.j2", java.util.Map.of("m", m), w)).isEqualTo("list EDGE2\n remark xmpp clients\n");
        m.put("lines", List.of("xmpp clients\nno ip routing"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.renderDevice("t.j2", java.util.Map.of("m", m), w))
                .isInstanceOf(io.portpush.core.wire.UnsafeLineException.class);
    }

    @org.junit.jupiter.api.Test
    void syntaxProblemsNameLineAndColumn() {
        org.assertj.core.api.Assertions.assertThat(t.syntaxProblems("a\nb {{ x")).containsExactly(
                "line 2, column 3: '{{' is never closed with '}}'");
        org.assertj.core.api.Assertions.assertThat(t.syntaxProblems("{{ x }} and {% if y %}z{% endif %}")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(t.syntaxProblems("no template")).isEmpty();
    }
}
