package io.portpush.core.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** The transport a flow uses. {@code IP} stands for protocols without ports, such as ICMP. */
public enum Transport {
    TCP("tcp"), UDP("udp"), TCP_UDP("tcp+udp"), IP("ip");

    private final String word;

    Transport(String word) {
        this.word = word;
    }

    /** The word used in catalogue files and output. */
    public String word() {
        return word;
    }

    public boolean carriesPorts() {
        return this != IP;
    }

    public static Optional<Transport> of(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
    }
}
