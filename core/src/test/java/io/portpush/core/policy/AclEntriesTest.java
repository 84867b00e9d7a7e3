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
}
