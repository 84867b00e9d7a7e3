package io.portpush.core.catalogue;

/**
 * A party in a flow, such as {@code imp-node} or {@code sip-gateway}. Inventories bind roles to
 * address sets; {@code seed} keeps the wording of the source document.
 */
public record Role(String id, String label, String seed) {
}
