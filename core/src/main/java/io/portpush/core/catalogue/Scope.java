package io.portpush.core.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** Where a flow travels: never off the host, between cluster nodes, or to/from outside. */
public enum Scope {
    LOCALHOST_ONLY("localhost-only"), INTRA_CLUSTER("intra-cluster"), EXTERNAL("external");

    private final String word;

    Scope(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<Scope> of(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }
}
