package io.portpush.modules.acl;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.meaning.MeaningDiff;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.runner.TaskContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The meaning of an ACL change for reviews: what the device's list permits that the intended one
 * would not and the reverse, named in catalogue terms where entries carry the flow they came
 * from (intent entries, and device entries whose remark portpush wrote).
 */
final class AclMeanings {
    private AclMeanings() {
    }

    static List<String> of(TaskContext ctx, Optional<DeviceAcl> before, Optional<AclIntent> intent) {
        List<AclEntry> old = before.map(DeviceAcl::entries).orElse(List.of());
        List<AclEntry> now = intent.map(i -> AclEntries.flatten(i.entries())).orElse(List.of());
        return MeaningDiff.of(old, now, vocabulary(ctx, old, now)).lines();
    }

    /** One named set per catalogue flow the lists name, from the intended entries where there are any. */
    static List<MeaningDiff.Named> vocabulary(TaskContext ctx, List<AclEntry> old, List<AclEntry> now) {
        Map<String, List<AclEntry>> byFlow = new LinkedHashMap<>();
        for (List<AclEntry> list : List.of(now, old)) {
            Map<String, List<AclEntry>> here = new LinkedHashMap<>();
            for (AclEntry e : list) {
                String origin = e.origin() == null ? "" : e.origin();
                if (e.action() == io.portpush.core.policy.Action.PERMIT && !origin.isEmpty() && !origin.equals("literal")
                        && !origin.equals("default") && !origin.equals("unrecognised")) {
                    here.computeIfAbsent(origin, k -> new ArrayList<>()).add(e);
                }
            }
            here.forEach(byFlow::putIfAbsent);
        }
        Optional<Catalogue> catalogue = ctx.optionalService(Catalogue.class);
        List<MeaningDiff.Named> out = new ArrayList<>();
        byFlow.forEach((origin, entries) -> out.add(new MeaningDiff.Named(label(catalogue, origin), entries)));
        return out;
    }

    /** {@code xcp.client-access for xmpp-client -> imp-node}; return entries as the return traffic of their flow. */
    private static String label(Optional<Catalogue> catalogue, String origin) {
        boolean ret = origin.startsWith("return:");
        String ref = ret ? origin.substring(7) : origin;
        String roles = catalogue.flatMap(c -> c.flow(ref)).map(f -> " for " + f.from().role() + " -> " + f.to().role()).orElse("");
        return ret ? "the return traffic of " + ref + roles : ref + roles;
    }
}
