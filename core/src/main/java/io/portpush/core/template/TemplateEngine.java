package io.portpush.core.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.FatalTemplateErrorsException;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.wire.LineGate;
import io.portpush.core.wire.UnsafeLineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja rendering with Ansible's habits: an undefined variable is an error that names it (never
 * an empty string), {@code {{ expr }}} alone keeps the value's type, and the filters network
 * engineers use ({@code ipaddr}, {@code to_yaml}, {@code to_json}) are there. Templates are found
 * in the project's {@code templates/} folders first, then in the ones bundled with portpush.
 */
public final class TemplateEngine {
    private static final Pattern WHOLE_EXPR = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$", Pattern.DOTALL);
    private static final Pattern UNKNOWN = Pattern.compile("Unknown token found: ([\\w.\\[\\]'\"]+)");

    private final Jinjava jinjava;
    private final List<Path> templateDirs;

    /** @param templateDirs project template folders, searched in order before the bundled ones */
    public TemplateEngine(List<Path> templateDirs) {
        this.templateDirs = List.copyOf(templateDirs);
        JinjavaConfig config = JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).withTrimBlocks(true)
                .withLstripBlocks(true).build();
        this.jinjava = new Jinjava(config);
        jinjava.setResourceLocator(new Locator());
        for (Filter f : List.of(new IpAddrFilter(), new ToJsonFilter(), new ToYamlFilter())) {
            jinjava.getGlobalContext().registerFilter(f);
        }
    }

    /**
     * Renders {@code template}; {@code where} names the file, line and field for errors.
     *
     * @throws InvalidInputException naming the undefined variable or the syntax problem
     */
    public String render(String template, Map<String, ?> vars, SourceLocation where) {
        if (!template.contains("{") ) {
            return template;
        }
        try {
            return jinjava.render(template, new java.util.HashMap<>(vars));
        } catch (FatalTemplateErrorsException e) {
            throw problem(e.getErrors().iterator().hasNext() ? describe(e.getErrors().iterator().next()) : e.getMessage(), where);
        } catch (UnknownTokenException e) {
            throw problem("undefined variable '" + e.getToken().strip() + "'", where);
        } catch (InterpretException e) {
            throw problem(e.getMessage(), where);
        }
    }

    /** Renders a value: a string that is one {@code {{ expr }}} keeps the expression's type (list, map, number). */
    public Object renderValue(Object value, Map<String, ?> vars, SourceLocation where) {
        return renderValue(value, vars, where, 0);
    }

    /** Variables may hold templates themselves (Ansible renders them lazily): render until stable, a few levels deep. */
    private Object renderValue(Object value, Map<String, ?> vars, SourceLocation where, int depth) {
        if (value instanceof String s) {
            Matcher m = WHOLE_EXPR.matcher(s);
            Object out = m.matches() && !m.group(1).contains("{{") ? evaluate(m.group(1), vars, where) : render(s, vars, where);
            if (out instanceof String o && o.contains("{{") && !o.equals(s) && depth < 5) {
                return renderValue(o, vars, where, depth + 1);
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), renderValue(v, vars, where, depth)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(renderValue(v, vars, where, depth)));
            return out;
        }
        return value;
    }

    /** Evaluates a Jinja expression (a {@code when:} condition, a {@code {{ }}} body) to a value. */
    public Object evaluate(String expression, Map<String, ?> vars, SourceLocation where) {
        JinjavaInterpreter interpreter = jinjava.newInterpreter();
        interpreter.getContext().putAll(vars);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object v = interpreter.resolveELExpression(expression.strip(), 1);
            if (!interpreter.getErrors().isEmpty()) {
                Optional<TemplateError> fatal = interpreter.getErrors().stream()
                        .filter(err -> err.getSeverity() == TemplateError.ErrorType.FATAL).findFirst();
                if (fatal.isPresent()) {
                    throw problem(describe(fatal.get()), where);
                }
            }
            return v;
        } catch (UnknownTokenException e) {
            throw problem("undefined variable '" + e.getToken().strip() + "'", where);
        } catch (InterpretException e) {
            throw problem(e.getMessage(), where);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** A {@code when:} condition: Ansible truthiness of the expression's value. */
    public boolean condition(String expression, Map<String, ?> vars, SourceLocation where) {
        Object v = evaluate(expression, vars, where);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty() && !s.equalsIgnoreCase("false") && !s.equalsIgnoreCase("no");
        }
        if (v instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /**
     * Renders the device template {@code name} over {@code model} (the intent as maps and lists).
     * Every string of the model is checked by the {@link LineGate} first: a template lays values
     * into lines, so a value holding a line break would become a line nobody wrote.
     *
     * @throws UnsafeLineException naming the model field and the character
     */
    public String renderDevice(String name, Map<String, ?> model, SourceLocation where) {
        // a model is maps, lists and plain values: equal models render the same text, and passed the same checks
        List<Object> key = List.of(name, model);
        String done = rendered.get(key);
        if (done != null) {
            return done;
        }
        model.forEach((k, v) -> checkModel(v, k, name));
        String text = render(deviceTemplates.computeIfAbsent(name, this::load), model, where);
        rendered.put(key, text);
        return text;
    }

    /**
     * Device templates read once per run, and their latest renderings: a change renders its intent
     * for the plan, the diff, the commands and the verify, and a fleet's routers often share one
     * intent; Jinjava and the template lookup were a tenth of a 1,000-router push.
     */
    private final Map<String, String> deviceTemplates = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<Object>, String> rendered = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, String> eldest) {
            return size() > 256;
        }
    });

    private static void checkModel(Object v, String path, String template) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> checkModel(x, path + "." + k, template));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                checkModel(l.get(i), path + "[" + i + "]", template);
            }
        } else if (v != null) {
            String text = String.valueOf(v);
            Optional<LineGate.Violation> bad = LineGate.firstUnsafe(text);
            if (bad.isPresent()) {
                throw new UnsafeLineException("refused to render " + template + ": " + path + " = '" + UnsafeLineException.visible(text)
                        + "' holds " + bad.get().describe() + "; nothing was sent");
            }
        }
    }

    /**
     * Syntax problems of {@code template} (unclosed or unbalanced {@code {{ }}} and
     * {@code {% %}}, tags Jinjava cannot parse), each naming the line and column inside the
     * template; empty when it is sound. Undefined variables are not syntax: they are found when
     * rendering, where the variables are known.
     */
    public List<String> syntaxProblems(String template) {
        List<String> out = new ArrayList<>();
        if (template == null || !template.contains("{")) {
            return out;
        }
        int i = 0;
        while (i < template.length()) {
            int open = indexOfOpen(template, i);
            if (open < 0) {
                break;
            }
            String kind = template.substring(open, open + 2);
            String close = kind.equals("{{") ? "}}" : kind.equals("{%") ? "%}" : "#}";
            int end = template.indexOf(close, open + 2);
            int nextOpen = indexOfOpen(template, open + 2);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end && !kind.equals("{#"))) {
                out.add(position(template, open) + ": '" + kind + "' is never closed with '" + close + "'");
                return out;
            }
            i = end + 2;
        }
        JinjavaInterpreter interpreter = jinjava.newInterpreter();
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            interpreter.parse(template);
            for (TemplateError e : interpreter.getErrors()) {
                if (e.getSeverity() == TemplateError.ErrorType.FATAL && e.getReason() != TemplateError.ErrorReason.UNKNOWN) {
                    out.add("line " + Math.max(1, e.getLineno()) + ", column " + Math.max(1, e.getStartPosition()) + ": " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            out.add(e.getMessage());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        return out;
    }

    private static int indexOfOpen(String t, int from) {
        int best = -1;
        for (String o : List.of("{{", "{%", "{#")) {
            int k = t.indexOf(o, from);
            if (k >= 0 && (best < 0 || k < best)) {
                best = k;
            }
        }
        return best;
    }

    private static String position(String t, int offset) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < offset; k++) {
            if (t.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ", column " + col;
    }

    /** Loads a template by name ({@code cisco_ios/acl.j2}) from the project folders or the bundled set. */
    public String load(String name) {
        try {
            return new Locator().getString(name, StandardCharsets.UTF_8, null);
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(name, 0, ""), "template not found in " + templateDirs
                    + " nor among the bundled templates");
        }
    }

    private static String describe(TemplateError e) {
        String msg = e.getMessage();
        Matcher m = UNKNOWN.matcher(msg == null ? "" : msg);
        if (m.find()) {
            return "undefined variable '" + m.group(1) + "'";
        }
        return msg;
    }

    private static InvalidInputException problem(String message, SourceLocation where) {
        Matcher m = UNKNOWN.matcher(message);
        String text = m.find() ? "undefined variable '" + m.group(1) + "'" : message;
        return new InvalidInputException(where, text);
    }

    /** Project template folders first, then {@code templates/} on the classpath. */
    private final class Locator implements ResourceLocator {
        @Override
        public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
            for (Path d : templateDirs) {
                Path f = d.resolve(fullName).normalize();
                if (f.startsWith(d.normalize()) && Files.isRegularFile(f)) {
                    return Files.readString(f, encoding);
                }
            }
            try (InputStream in = TemplateEngine.class.getClassLoader().getResourceAsStream("templates/" + fullName)) {
                if (in == null) {
                    throw new ResourceNotFoundException("template " + fullName + " not found");
                }
                return new String(in.readAllBytes(), encoding);
            }
        }
    }

    /** {@code to_json}: the value as JSON. */
    static final class ToJsonFilter implements Filter {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String getName() {
            return "to_json";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            try {
                return JSON.writeValueAsString(var);
            } catch (IOException e) {
                throw new IllegalArgumentException("to_json: " + e.getMessage(), e);
            }
        }
    }

    /** {@code to_yaml}: the value as YAML (no document marker). */
    static final class ToYamlFilter implements Filter {
        private static final ObjectMapper YAML = YAMLMapper.builder()
                .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

        @Override
        public String getName() {
            return "to_yaml";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            try {
                return YAML.writeValueAsString(var);
            } catch (IOException e) {
                throw new IllegalArgumentException("to_yaml: " + e.getMessage(), e);
            }
        }
    }
}
