package io.portpush.modules.acl;

import io.portpush.core.policy.AddressSet;
import io.portpush.core.runner.ModuleArgs;
import io.portpush.core.runner.TaskContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue roles' addresses for a policy task: its own {@code roles:} argument, else the {@code roles} variable. */
public final class RoleBindings {
    private RoleBindings() {
    }

    public static Map<String, AddressSet> read(TaskContext ctx, ModuleArgs a) {
        Object raw = a.has("roles") ? a.raw("roles") : ctx.vars().get("roles");
        Map<String, AddressSet> roles = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                List<String> texts = (v instanceof List<?> l ? l : List.of(v)).stream().map(String::valueOf).toList();
                try {
                    roles.put(String.valueOf(k), AddressSet.parse(texts));
                } catch (IllegalArgumentException e) {
                    throw a.error("roles." + k, e.getMessage());
                }
            });
        }
        return roles;
    }
}
