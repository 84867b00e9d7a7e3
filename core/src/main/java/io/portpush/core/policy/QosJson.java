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

/**
 * A QoS policy as history keeps it ({@code HOST/qos/NAME.json}): its classes with their matches
 * (entries in the form {@link AclJson} writes them) and DSCP values, and its bindings; or the record
 * that it did not exist, so that a rollback can remove what portpush created.
 */
public final class QosJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QosJson() {
    }

    public static String write(String platform, QosIntent intent) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("platform", platform);
        doc.put("name", intent.name());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (QosIntent.QosClass c : intent.classes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("dscp", c.dscp());
            m.put("matches", c.matches().stream().map(AclJson::entryData).toList());
            classes.add(m);
        }
        doc.put("classes", classes);
        doc.put("bindings", AclJson.bindingData(intent.bindings()));
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record that the policy did not exist (before portpush created it). */
    public static String absent(String platform, String name) {
        return AclJson.absent(platform, name);
    }

    public static boolean isAbsent(String json) {
        return AclJson.isAbsent(json);
    }

    /** Reads a revision back into an intent ({@code text} empty: the device's own text comes from reading it). */
    public static QosIntent read(String json) {
        try {
            JsonNode doc = JSON.readTree(json);
            List<QosIntent.QosClass> classes = new ArrayList<>();
            for (JsonNode c : doc.get("classes")) {
                List<AclEntry> matches = new ArrayList<>();
                c.get("matches").forEach(e -> matches.add(AclJson.entry(e)));
                classes.add(new QosIntent.QosClass(c.get("name").asText(), matches, c.get("dscp").asText()));
            }
            return new QosIntent(doc.get("name").asText(), classes, AclJson.bindings(doc), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
