package io.portpush.core.catalogue;

import io.portpush.core.error.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A named selection over the catalogue: listed members (groups, {@code group.flow} references,
 * other composites) plus every flow matching {@code select} (keys {@code scope}, {@code from},
 * {@code to}, {@code transport}).
 */
public record CompositeGroup(String id, String title, List<String> members, Map<String, String> select,
                             SourceLocation origin) {
    public CompositeGroup {
        members = List.copyOf(members);
        select = Map.copyOf(select);
    }
}
