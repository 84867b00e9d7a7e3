package io.portpush.platform.nftables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.QosIntent;
import io.portpush.core.template.TemplateEngine;
import io.portpush.core.transport.SshConnection;
import io.portpush.platform.QosTemplateModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DSCP marking on Linux: {@code ip dscp set} rules in a chain of table {@code inet portpush}, one atomic transaction. */
public final class NftablesQos implements io.portpush.core.policy.HostQosDriver {
    static final String TEMPLATE = "linux_nftables/qos.j2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NftablesDriver nft = new NftablesDriver();

    @Override
    public Optional<QosIntent> read(SshConnection c, String name, Duration timeout) {
        SshConnection.ExecResult r = c.exec("nft -j list chain inet portpush " + name, null, timeout);
        if (r.status() != 0) {
            return Optional.empty();
        }
        String text = c.exec("nft list chain inet portpush " + name, null, timeout).stdout();
        return Optional.of(parse(r.stdout(), name, text));
    }

    /** Rules grouped by their comment (the class name), each with the DSCP it sets. */
    static QosIntent parse(String json, String name, String text) {
        try {
            Map<String, List<AclEntry>> entries = new LinkedHashMap<>();
            Map<String, String> dscp = new LinkedHashMap<>();
            List<Binding> bindings = new ArrayList<>();
            for (JsonNode item : JSON.readTree(json).path("nftables")) {
                if (item.has("chain") && item.get("chain").has("hook")) {
                    bindings.add(new Binding(item.get("chain").get("hook").asText(), Binding.Direction.OUT));
                }
                if (!item.has("rule")) {
                    continue;
                }
                JsonNode rule = item.get("rule");
                String cls = rule.path("comment").asText("");
                for (JsonNode e : rule.path("expr")) {
                    if (e.has("mangle") && "dscp".equals(e.get("mangle").path("key").path("payload").path("field").asText())) {
                        dscp.put(cls, e.get("mangle").get("value").asText());
                    }
                }
                NftablesDriver.rule(rule).ifPresent(x -> entries.computeIfAbsent(cls, k -> new ArrayList<>()).add(x));
            }
            List<QosIntent.QosClass> classes = new ArrayList<>();
            dscp.forEach((cls, value) -> classes.add(new QosIntent.QosClass(cls, entries.getOrDefault(cls, List.of()), value)));
            return new QosIntent(name, classes, bindings, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String render(QosIntent intent, TemplateEngine templates) {
        return templates.renderDevice(TEMPLATE, Map.of("qos", QosTemplateModel.of(intent)),
                new SourceLocation("templates/" + TEMPLATE, 0, "qos"));
    }

    @Override
    public void apply(SshConnection c, String script, Duration timeout) {
        nft.apply(c, script, timeout);
    }
}
