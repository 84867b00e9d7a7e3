package io.portpush.core.catalogue;

import io.portpush.core.error.SourceLocation;
import java.util.List;

/** One table of the catalogue: a named set of flows that belong together, such as {@code xcp}. */
public record PortGroup(String id, int table, String title, String note, List<Flow> flows, SourceLocation origin) {
    public PortGroup {
        flows = List.copyOf(flows);
    }
}
