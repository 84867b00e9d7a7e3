package io.portpush.core.meaning;

import java.util.Optional;

/**
 * A run service asking the policy modules to explain, instead of enforce, what their lists do
 * with a packet ({@code tcp 198.51.100.7:51000 -> 10.10.1.10:5222}) or with the packets of a
 * catalogue flow ({@code xcp.client-access}); given by {@code portpush explain}.
 */
public record ExplainRequest(Optional<String> packet, Optional<String> flow) {
}
