package io.portpush.core.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders a catalogue (or a selection of its flows) as JSON, CSV or a Markdown table. */
public final class CatalogueExport {
    /** Column order for flat exports (CSV, Markdown). */
    public static final List<String> COLUMNS = List.of("ref", "group", "table", "flow", "from", "from_label", "to",
            "to_label", "initiators", "protocol", "application", "transport", "ports", "configurable", "source_port", "scope", "optional", "ambiguous",
            "remark");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One flat row per flow, keyed by {@link #COLUMNS}. */
    public List<Map<String, Object>> rows(Catalogue c, List<Flow> flows) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Flow f : flows) {
            Optional<PortGroup> g = c.group(f.group());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ref", f.ref());
            row.put("group", f.group());
            row.put("table", g.map(PortGroup::table).orElse(0));
            row.put("flow", f.id());
            row.put("from", f.from().role());
            row.put("from_label", f.from().label());
            row.put("to", f.to().role());
            row.put("to_label", f.to().label());
            row.put("initiators", f.initiators().word());
            row.put("protocol", f.protocol());
            row.put("application", f.application());
            row.put("transport", f.transport().word());
            row.put("ports", portsValue(f.ports()));
            row.put("configurable", f.ports().configurable());
            row.put("source_port", f.sourcePort().display());
            row.put("scope", f.scope().word());
            row.put("optional", f.optional());
            row.put("ambiguous", f.ambiguous());
            row.put("remark", f.remark());
            rows.add(row);
        }
        return rows;
    }

    private static String portsValue(DestinationPorts p) {
        if (p instanceof DestinationPorts.Configurable c && c.defaults().isEmpty()) {
            return "configurable";
        }
        return String.join(" ", p.defaults().stream().map(String::valueOf).toList());
    }

    /** The whole catalogue as a JSON document: roles, groups with their flows, composites with their resolution. */
    public String json(Catalogue c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sources", c.sources());
        doc.put("roles", c.roles().values());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (PortGroup g : c.groups()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("id", g.id());
            gm.put("table", g.table());
            gm.put("title", g.title());
            if (!g.note().isEmpty()) {
                gm.put("note", g.note());
            }
            gm.put("flows", rows(c, g.flows()));
            groups.add(gm);
        }
        doc.put("groups", groups);
        List<Map<String, Object>> composites = new ArrayList<>();
        for (CompositeGroup cg : c.composites()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", cg.id());
            m.put("title", cg.title());
            m.put("members", cg.members());
            m.put("select", cg.select());
            m.put("flows", c.resolve(cg.id()).stream().map(Flow::ref).toList());
            composites.add(m);
        }
        doc.put("composites", composites);
        List<Map<String, Object>> gaps = new ArrayList<>();
        for (KnownGap g : c.knownGaps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id());
            m.put("title", g.title());
            m.put("groups", g.groups());
            m.put("needs", g.needs());
            m.put("reason", g.reason());
            gaps.add(m);
        }
        doc.put("known-gaps", gaps);
        return json(doc);
    }

    public String json(Object value) {
        try {
            return json.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String csv(Catalogue c, List<Flow> flows) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        try {
            return mapper.writer(schema.build()).writeValueAsString(rows(c, flows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String markdown(Catalogue c, List<Flow> flows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
        sb.append("|").append(" --- |".repeat(COLUMNS.size())).append("\n");
        for (Map<String, Object> row : rows(c, flows)) {
            sb.append("|");
            for (String col : COLUMNS) {
                // a pipe inside a cell would end the cell
                sb.append(' ').append(String.valueOf(row.get(col)).replace("|", "\\|").replace("\n", " ")).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
