package io.portpush.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vendor-neutral JSON of an ACL kept in history beside the device's own syntax, and read back for rollback. */
public final class AclJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AclJson() {
    }

    public static String write(String platform, String name, List<AclEntry> entries, List<Binding> bindings) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("platform", platform);
        doc.put("name", name);
        List<Map<String, Object>> es = new ArrayList<>();
        for (AclEntry e : entries) {
            es.add(entryData(e));
        }
        doc.put("entries", es);
        doc.put("bindings", bindingData(bindings));
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry as the revision files keep it. */
    static Map<String, Object> entryData(AclEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", e.action().word());
        m.put("protocol", e.protocol());
        m.put("source", e.source().texts());
        m.put("source_ports", e.sourcePorts().ranges().stream().map(PortRange::toString).toList());
        m.put("destination", e.destination().texts());
        m.put("destination_ports", e.destinationPorts().ranges().stream().map(PortRange::toString).toList());
        m.put("established", e.established());
        m.put("log", e.log());
        m.put("origin", e.origin() == null ? "" : e.origin());
        if (e.qualified()) {
            m.put("qualifiers", e.qualifiers());
        }
        return m;
    }

    /** An entry read back from {@link #entryData}. */
    static AclEntry entry(JsonNode e) {
        return new AclEntry(e.get("action").asText().equals("permit") ? Action.PERMIT : Action.DENY,
                e.get("protocol").asText(), AddressSet.parse(texts(e.get("source"))), ports(e.get("source_ports")),
                AddressSet.parse(texts(e.get("destination"))), ports(e.get("destination_ports")),
                e.get("established").asBoolean(), e.get("log").asBoolean(), e.get("origin").asText(),
                e.has("qualifiers") ? texts(e.get("qualifiers")) : List.of());
    }

    /** The record that the ACL did not exist (before portpush created it). */
    public static String absent(String platform, String name) {
        return "{\n  \"platform\" : \"" + platform + "\",\n  \"name\" : \"" + name + "\",\n  \"absent\" : true\n}\n";
    }

    /** Whether a revision records that the ACL did not exist. */
    public static boolean isAbsent(String json) {
        try {
            return JSON.readTree(json).path("absent").asBoolean(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a revision back into an intent for {@code platform} (stateful decides nothing here: entries are kept as they were). */
    public static AclIntent read(String json, boolean stateful) {
        try {
            JsonNode doc = JSON.readTree(json);
            List<AclEntry> entries = new ArrayList<>();
            for (JsonNode e : doc.get("entries")) {
                entries.add(entry(e));
            }
            return new AclIntent(doc.get("name").asText(), entries, bindings(doc), stateful);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Binding> bindings(JsonNode doc) {
        List<Binding> bindings = new ArrayList<>();
        for (JsonNode b : doc.get("bindings")) {
            bindings.add(new Binding(b.get("target").asText(), b.get("direction").asText().equals("in") ? Binding.Direction.IN
                    : Binding.Direction.OUT));
        }
        return bindings;
    }

    static List<Map<String, String>> bindingData(List<Binding> bindings) {
        return bindings.stream().map(b -> Map.of("target", b.target(), "direction", b.direction().word())).toList();
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static PortMatch ports(JsonNode n) {
        List<PortRange> r = new ArrayList<>();
        n.forEach(x -> {
            String[] p = x.asText().split("-");
            r.add(new PortRange(Integer.parseInt(p[0]), Integer.parseInt(p.length > 1 ? p[1] : p[0])));
        });
        return new PortMatch(r);
    }
}
