package io.portpush.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.inventory.InventoryLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -e} values as Ansible takes them: {@code key=value ...}, inline YAML/JSON, or {@code @file.yml}. */
final class ExtraVars {
    private static final ObjectMapper YAML = new YAMLMapper();

    private ExtraVars() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(List<String> values, io.portpush.core.vault.Vault vault) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String v : values) {
            String s = v.strip();
            if (s.startsWith("@")) {
                out.putAll(InventoryLoader.varsFile(Path.of(s.substring(1)), vault));
            } else if (s.startsWith("{")) {
                try {
                    out.putAll(YAML.readValue(s, LinkedHashMap.class));
                } catch (IOException e) {
                    throw new InvalidInputException(new SourceLocation("-e", 0, ""), "not valid YAML/JSON: " + e.getMessage().lines().findFirst().orElse(""));
                }
            } else {
                for (String kv : s.split("\\s+")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new InvalidInputException(new SourceLocation("-e", 0, kv), "expected key=value, {...} or @file");
                    }
                    out.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        return out;
    }
}
