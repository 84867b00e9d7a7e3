package io.portpush.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-address fast path reads exactly what the list parser (and so the IPAddress library) reads. */
class AddressSetTest {
    @Test
    void oneAddressReadsAsTheListParserReadsIt() {
        for (String t : List.of("192.0.2.7", "10.1.2.3/8", "10.0.0.0/8", "255.255.255.255", "0.0.0.0", "2001:db8::1", "2001:db8::/32")) {
            assertThat(AddressSet.of(t)).as(t).isEqualTo(AddressSet.parse(List.of(t)));
        }
        assertThat(AddressSet.of("10.1.2.3/8").prefixes()).extracting(Object::toString).containsExactly("10.0.0.0/8");
    }

    @Test
    void everyAddressIsAny() {
        assertThat(AddressSet.of("0.0.0.0/0")).isEqualTo(AddressSet.ANY);
        assertThat(AddressSet.of("any")).isEqualTo(AddressSet.ANY);
        assertThat(AddressSet.of("192.0.2.7")).isNotEqualTo(AddressSet.ANY);
    }

    @Test
    void wordsThatAreNoAddressAreRefused() {
        // leading zeros, a fifth octet, an octet past 255, a prefix past 32: not the fast path's, and not addresses
        for (String t : List.of("www", "10.1.2.3.4", "10.1.2.256", "10.1.2.3/33")) {
            assertThatThrownBy(() -> AddressSet.of(t)).as(t).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
