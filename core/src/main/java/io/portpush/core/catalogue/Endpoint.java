package io.portpush.core.catalogue;

/** One side of a flow: the role, and the wording for the component on that side. */
public record Endpoint(String role, String label) {
}
