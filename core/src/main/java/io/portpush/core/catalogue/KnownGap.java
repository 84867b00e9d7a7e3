package io.portpush.core.catalogue;

import io.portpush.core.error.SourceLocation;
import java.util.List;

/**
 * Something a real deployment of the catalogued groups also needs that the seed does not list
 * (UDP 4500 and ESP beside IKE, TCP 53 beside DNS). Named as a gap, never as a flow: it opens
 * nothing, so no invented port enters the seed's groups; {@code catalogue show} and {@code lint}
 * mention it where its groups are used.
 *
 * @param groups the port groups whose use the gap concerns
 * @param needs what the network usually has to allow as well
 * @param reason why (with the standard or document that says so)
 */
public record KnownGap(String id, String title, List<String> groups, String needs, String reason, SourceLocation origin) {
    public KnownGap {
        groups = List.copyOf(groups);
    }

    /** One line for reports: {@code known gap ID: TITLE: NEEDS (REASON)}. */
    public String describe() {
        return "known gap " + id + " (not in the seed): " + needs + ". " + reason;
    }
}
