package io.portpush.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drift reads as a diff of entries: one inserted, removed or changed entry is one finding. */
class AclEntriesTest {
    private static AclEntry permit(int port) {
        return new AclEntry(Action.PERMIT, "tcp", AddressSet.parse(List.of("198.51.100.0/24")), PortMatch.ANY,
                AddressSet.parse(List.of("10.10.1.0/24")), PortMatch.of(port), false, false, "xcp.client-access");
    }

    private static List<AclEntry> intent() {
        List<AclEntry> out = new ArrayList<>();
        for (int p = 5000; p < 5010; p++) {
            out.add(permit(p));
        }
        return out;
    }

    @Test
    void oneInsertedEntryIsOneFindingWithItsPosition() {
        List<AclEntry> device = new ArrayList<>(intent());
        device.add(2, permit(22));
        assertThat(AclEntries.differences(device, intent()))
                .containsExactly("added on the device at #3: permit tcp 198.51.100.0/24 -> 10.10.1.0/24:22");
    }

    @Test
    void aMissingAndAChangedEntryAreNamedAsSuch() {
        List<AclEntry> device = new ArrayList<>(intent());
        device.remove(0);
        device.set(4, permit(6000));
        assertThat(AclEntries.differences(device, intent())).containsExactly(
                "missing on the device (intent #1): permit tcp 198.51.100.0/24 -> 10.10.1.0/24:5000",
                "changed at #5: device has permit tcp 198.51.100.0/24 -> 10.10.1.0/24:6000, intent wants permit tcp 198.51.100.0/24 -> "
                        + "10.10.1.0/24:5005");
    }

    @Test
    void theSameEntriesWhateverTheirRemarksCompareEqual() {
        List<AclEntry> device = intent().stream().map(e -> new AclEntry(e.action(), e.protocol(), e.source(), e.sourcePorts(),
                e.destination(), e.destinationPorts(), e.established(), e.log(), "")).toList();
        assertThat(AclEntries.differences(device, intent())).isEmpty();
        assertThat(AclEntries.differences(List.of(), List.of(permit(1)))).hasSize(1);
        assertThat(AclEntries.differences(List.of(permit(1), permit(2)), List.of())).hasSize(2);
    }

    @Test
    void bindingsReadAsAnEngineerWritesThem() {
        assertThat(new Binding("GigabitEthernet1", Binding.Direction.IN)).hasToString("GigabitEthernet1 in");
    }

    @Test
    void positionsAreCountedFromWhereTheChangeIs() {
        List<AclEntry> device = new ArrayList<>(intent());
        device.remove(7);
        device.remove(6);
        assertThat(AclEntries.differences(device, intent())).containsExactly(
                "missing on the device (intent #7): permit tcp 198.51.100.0/24 -> 10.10.1.0/24:5006",
                "missing on the device (intent #8): permit tcp 198.51.100.0/24 -> 10.10.1.0/24:5007");
        List<AclEntry> inserted = new ArrayList<>(intent());
        inserted.add(5, permit(1));
        inserted.add(6, permit(2));
        assertThat(AclEntries.differences(inserted, intent())).containsExactly(
                "added on the device at #6: permit tcp 198.51.100.0/24 -> 10.10.1.0/24:1",
                "added on the device at #7: permit tcp 198.51.100.0/24 -> 10.10.1.0/24:2");
    }

    @Test
    void oneEntryReplacedByTwoOrTwoByOne() {
        List<AclEntry> more = new ArrayList<>(intent());
        more.set(3, permit(1));
        more.add(4, permit(2));
        assertThat(AclEntries.differences(more, intent())).containsExactly(
                "changed at #4: device has permit tcp 198.51.100.0/24 -> 10.10.1.0/24:1, intent wants permit tcp 198.51.100.0/24 -> "
                        + "10.10.1.0/24:5003",
                "added on the device at #5: permit tcp 198.51.100.0/24 -> 10.10.1.0/24:2");
        List<AclEntry> fewer = new ArrayList<>(intent());
        fewer.set(3, permit(1));
        fewer.remove(4);
        assertThat(AclEntries.differences(fewer, intent())).containsExactly(
                "changed at #4: device has permit tcp 198.51.100.0/24 -> 10.10.1.0/24:1, intent wants permit tcp 198.51.100.0/24 -> "
                        + "10.10.1.0/24:5003",
                "missing on the device (intent #5): permit tcp 198.51.100.0/24 -> 10.10.1.0/24:5004");
    }

    @Test
    void sameEntriesIgnoresOriginsButNotOrder() {
        List<AclEntry> reversed = new ArrayList<>(intent());
        java.util.Collections.reverse(reversed);
        assertThat(AclEntries.sameEntries(intent(), intent())).isTrue();
        assertThat(AclEntries.sameEntries(reversed, intent())).isFalse();
    }

    @Test
    void entriesFoundOnTheDeviceShowTheirHitCounters() {
        List<AclEntry> device = new ArrayList<>(intent());
        device.add(2, permit(22));
        device.set(6, permit(6000));
        // the device's counters, line by line; the telnet line of two ports splits into two entries, each with the line's count
        AclEntry twoPorts = new AclEntry(Action.PERMIT, "tcp", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.of(23, 992), false,
                false, "");
        device.add(twoPorts);
        List<Long> counts = new ArrayList<>();
        for (int k = 0; k < device.size(); k++) {
            counts.add(k == 2 ? 1234L : k == 6 ? 1L : k == device.size() - 1 ? 0L : 7L);
        }
        var hits = AclEntries.hitKeys(device, counts);
        assertThat(AclEntries.differences(device, intent(), hits)).containsExactly(
                "added on the device at #3: permit tcp 198.51.100.0/24 -> 10.10.1.0/24:22 (1,234 hits)",
                "changed at #7: device has permit tcp 198.51.100.0/24 -> 10.10.1.0/24:6000 (1 hit), intent wants permit tcp "
                        + "198.51.100.0/24 -> 10.10.1.0/24:5005",
                "added on the device at #12: permit tcp any -> any:23 (0 hits)",
                "added on the device at #13: permit tcp any -> any:992 (0 hits)");
        // no counters known: the findings as before
        assertThat(AclEntries.differences(device, intent(), java.util.Map.of()).get(0))
                .isEqualTo("added on the device at #3: permit tcp 198.51.100.0/24 -> 10.10.1.0/24:22");
    }

    @Test
    void aCounterTheDeviceDidNotPrintIsNoCounter() {
        // ASA marks an unknown counter -1; counts shorter than the entries leave the rest without one
        var hits = AclEntries.hitKeys(List.of(permit(1), permit(2), permit(3)), List.of(5L, -1L));
        assertThat(hits).containsOnlyKeys(permit(1).matchPart());
        assertThat(hits.get(permit(1).matchPart())).isEqualTo(5L);
        // the same entry twice on a device: the first line's count
        assertThat(AclEntries.hitKeys(List.of(permit(1), permit(1)), List.of(5L, 9L)).get(permit(1).matchPart())).isEqualTo(5L);
    }

    @Test
    void onlyAnUnqualifiedIpAnyAnyIsACatchAll() {
        AclEntry all = new AclEntry(Action.DENY, "ip", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false, "default");
        assertThat(all.catchAll()).isTrue();
        assertThat(new AclEntry(Action.DENY, "tcp", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false, "").catchAll())
                .isFalse();
        assertThat(new AclEntry(Action.DENY, "ip", AddressSet.of("10.0.0.0/8"), PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false, "")
                .catchAll()).isFalse();
        assertThat(new AclEntry(Action.DENY, "ip", AddressSet.ANY, PortMatch.ANY, AddressSet.ANY, PortMatch.ANY, false, false, "",
                List.of("fragments")).catchAll()).as("a qualified entry matches fewer packets").isFalse();
        assertThat(AclEntry.unrecognised("deny ip any any reflect X").catchAll()).isFalse();
    }
}
