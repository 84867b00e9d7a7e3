package io.portpush.core.runner;

import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A module's rendered arguments with typed access; mistakes name the task's file, line and field. */
public final class ModuleArgs {
    private final String module;
    private final Map<String, Object> args;
    private final SourceLocation where;

    private ModuleArgs(String module, Map<String, Object> args, SourceLocation where) {
        this.module = module;
        this.args = args;
        this.where = where;
    }

    /**
     * Reads {@code raw} (a mapping, or a string put under {@code freeForm}) and refuses keys
     * outside {@code allowed}.
     */
    @SuppressWarnings("unchecked")
    public static ModuleArgs of(TaskContext ctx, Object raw, String freeForm, Set<String> allowed) {
        String module = ctx.task().module();
        SourceLocation where = ctx.task().where();
        Map<String, Object> m;
        if (raw instanceof Map<?, ?> map) {
            m = new LinkedHashMap<>((Map<String, Object>) map);
        } else if ((raw instanceof String || raw instanceof java.util.List) && freeForm != null) {
            m = new LinkedHashMap<>();
            m.put(freeForm, raw);
        } else {
            throw new InvalidInputException(at(where, module), module + " takes a mapping of arguments (" + String.join(", ",
                    new TreeSet<>(allowed)) + ")");
        }
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new InvalidInputException(at(where, module + "." + k), "unknown argument '" + k + "' of module " + module
                        + io.portpush.core.error.DidYouMean.hint(k, allowed) + " (expected one of: " + String.join(", ", new TreeSet<>(allowed))
                        + ")");
            }
        }
        return new ModuleArgs(module, m, where);
    }

    private static SourceLocation at(SourceLocation w, String field) {
        return new SourceLocation(w.file(), w.line(), field);
    }

    public InvalidInputException error(String field, String message) {
        return new InvalidInputException(at(where, module + "." + field), message);
    }

    public boolean has(String key) {
        return args.containsKey(key) && args.get(key) != null;
    }

    public Object raw(String key) {
        return args.get(key);
    }

    public String string(String key, String fallback) {
        Object v = args.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    public String required(String key) {
        Object v = args.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw error(key, "module " + module + " needs '" + key + "'");
        }
        return String.valueOf(v);
    }

    public boolean bool(String key, boolean fallback) {
        Object v = args.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).toLowerCase(java.util.Locale.ROOT);
        if (Set.of("true", "yes", "on", "1").contains(s)) {
            return true;
        }
        if (Set.of("false", "no", "off", "0").contains(s)) {
            return false;
        }
        throw error(key, "expected true or false, found '" + v + "'");
    }

    public int integer(String key, int fallback) {
        Object v = args.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw error(key, "expected a whole number, found '" + v + "'");
        }
    }

    /** A list of strings; a single string counts as a list of one (and multi-line text as its lines). */
    public List<String> strings(String key) {
        Object v = args.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(x -> out.add(String.valueOf(x)));
            return out;
        }
        return String.valueOf(v).lines().filter(x -> !x.isBlank()).toList();
    }

    public List<Object> list(String key) {
        Object v = args.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw error(key, "expected a list");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object v = args.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw error(key, "expected a mapping");
    }

    public SourceLocation where() {
        return where;
    }
}
