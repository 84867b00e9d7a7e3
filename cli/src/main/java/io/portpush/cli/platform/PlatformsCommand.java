package io.portpush.cli.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.portpush.cli.TextTable;
import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Platform;
import io.portpush.core.platform.PlatformRegistry;
import io.portpush.lab.Personalities;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code portpush platforms}: the platforms this build drives, as they declare themselves
 * (names inventories may use, ACL strategies, commit model, QoS), and whether the lab simulates
 * them. Read from the registry, so a new platform shows up without this command changing.
 */
@Command(name = "platforms", description = "List the platforms portpush drives: names and aliases, ACL strategies, commit model, QoS, lab.")
public final class PlatformsCommand implements Runnable {
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print JSON instead of a table.") boolean json;

    @Override
    public void run() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Platform p : PlatformRegistry.installed().all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("aliases", new TreeSet<>(p.aliases()));
            row.put("acl_strategies", p.capabilities().strategies().stream().map(AclStrategy::word).toList());
            row.put("commit", p.capabilities().commit().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            row.put("stateful", p.capabilities().stateful());
            row.put("qos", p.qos().isPresent() || p.hostQos().isPresent());
            row.put("no_qos_because", p.capabilities().noQos());
            row.put("channel", p.exec() ? "exec" : "cli");
            row.put("lab", Personalities.PLATFORMS.contains(p.name()));
            rows.add(row);
        }
        if (json) {
            try {
                spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        TextTable t = new TextTable(List.of("PLATFORM", "ALIASES", "ACL STRATEGIES", "COMMIT", "STATEFUL", "QOS", "LAB"));
        for (Platform p : PlatformRegistry.installed().all()) {
            boolean qos = p.qos().isPresent() || p.hostQos().isPresent();
            String why = p.capabilities().noQos();
            t.row(p.name(), String.join(", ", new TreeSet<>(p.aliases())),
                    String.join(", ", p.capabilities().strategies().stream().map(AclStrategy::word).toList()),
                    p.capabilities().commit().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    p.capabilities().stateful() ? "yes" : "no", qos ? "yes" : why.isEmpty() ? "no" : "no (" + why + ")",
                    Personalities.PLATFORMS.contains(p.name()) ? "yes" : "no");
        }
        spec.commandLine().getOut().print(t.render());
    }
}
