package io.portpush.platform.ios;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.DeviceAcl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sequence-number edits for an IOS ACL: the longest run of entries already in the right order
 * stays with its numbers, missing entries are inserted between them, extra ones removed
 * (inserts first, so a flow that moves is never closed in between). Remarks are left alone.
 */
final class IosInPlacePlan {
    private IosInPlacePlan() {
    }

    /** The edit lines, or empty when the numbering leaves no room (the caller then swaps). */
    static Optional<List<String>> edits(DeviceAcl current, AclIntent intent, List<String> renderedBody) {
        // the numbers come with the read model; without them there is nothing to edit in place
        List<Integer> seqs = current.sequences();
        if (seqs.size() != current.entries().size() || seqs.isEmpty()) {
            return Optional.empty();
        }
        List<AclEntry> have = current.entries().stream().map(AclEntry::matchPart).toList();
        List<String> wantText = renderedBody.stream().map(l -> l.replaceFirst("^\\d+\\s+", ""))
                .filter(l -> !l.startsWith("remark")).toList();
        List<AclEntry> want = AclEntries.matchParts(intent.entries());
        if (want.size() != wantText.size()) {
            return Optional.empty();
        }
        Patch<AclEntry> patch = DiffUtils.diff(have, want);
        List<String> inserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (AbstractDelta<AclEntry> d : patch.getDeltas()) {
            int srcPos = d.getSource().getPosition();
            if (d.getType() == DeltaType.DELETE || d.getType() == DeltaType.CHANGE) {
                for (int k = 0; k < d.getSource().size(); k++) {
                    deletes.add(" no " + seqs.get(srcPos + k));
                }
            }
            if (d.getType() == DeltaType.INSERT || d.getType() == DeltaType.CHANGE) {
                int before = srcPos == 0 ? 0 : seqs.get(srcPos - 1);
                int afterIdx = srcPos + d.getSource().size();
                int after = afterIdx < seqs.size() ? seqs.get(afterIdx) : before + 10 * (d.getTarget().size() + 1);
                int count = d.getTarget().size();
                // numbers still held by entries deleted later are not free yet
                List<Integer> used = seqs;
                List<Integer> free = new ArrayList<>();
                for (int n = before + 1; n < after; n++) {
                    if (!used.contains(n)) {
                        free.add(n);
                    }
                }
                if (free.size() < count) {
                    return Optional.empty();
                }
                for (int k = 0; k < count; k++) {
                    int seq = free.get((int) ((long) (k + 1) * free.size() / (count + 1)));
                    inserts.add(" " + seq + " " + wantText.get(d.getTarget().getPosition() + k));
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("ip access-list extended " + current.name());
        out.addAll(inserts);
        out.addAll(deletes);
        out.add("exit");
        return Optional.of(out);
    }
}
