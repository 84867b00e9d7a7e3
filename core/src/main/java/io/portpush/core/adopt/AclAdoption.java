package io.portpush.core.adopt;

import io.portpush.core.catalogue.Catalogue;
import io.portpush.core.catalogue.Flow;
import io.portpush.core.catalogue.Scope;
import io.portpush.core.meaning.MeaningDiff;
import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclIntentBuilder;
import io.portpush.core.policy.AclLint;
import io.portpush.core.policy.AclSpec;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.PortMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an ACL a device already holds into catalogue rules that render the same list: runs of
 * entries that equal what a catalogue flow between its roles' bound addresses renders (same
 * transport, ports, direction, addresses, in the same order) become {@code permit: [group.flow]}
 * rules, consecutive ones of one action in one rule (a whole group by its name where every flow of
 * it is there in catalogue order); every other entry stays a literal rule, in place, so order-
 * dependent effects (shadowing, deny before permit) are kept. Roles come only from the bindings
 * given: nothing is invented to make an entry match. Nothing is added that the device lacks: no
 * return entries unless the device holds exactly those the platform's {@code return_traffic}
 * would write, the default as found.
 *
 * <p>The result is proved, not hoped: {@link #prove} builds the rules with the same builder an
 * {@code acl} task uses and compares entry by entry and by meaning (the exact flow diff).
 */
public final class AclAdoption {
    private final Catalogue catalogue;
    private final Map<String, AddressSet> roles;
    private final boolean stateful;

    /**
     * One adopted rule: catalogue references, or one literal entry (kept from the device).
     *
     * @param refs catalogue references ({@code xcp.client-access}, a group id); empty for a literal
     * @param literal the device's entry kept as it is; null for a catalogue rule
     * @param entry the 1-based position of the device entry the rule starts at
     */
    public record Rule(Action action, List<String> refs, AclEntry literal, boolean log, int entry) {
        public Rule {
            refs = List.copyOf(refs);
        }
    }

    /**
     * What adoption found.
     *
     * @param rules in device order
     * @param blockers entries no rule can express (unrecognised lines, qualifiers such as DSCP or
     *        time ranges, named address sets): while there is one, the playbook cannot render the list
     * @param report the migration report's lines
     */
    public record Result(List<Rule> rules, Action defaultAction, boolean defaultLog, AclSpec.ReturnTraffic returnTraffic,
                         int fromCatalogue, int literal, List<String> blockers, List<String> report) {
        public Result {
            rules = List.copyOf(rules);
            blockers = List.copyOf(blockers);
            report = List.copyOf(report);
        }
    }

    /**
     * The proof of one adoption.
     *
     * @param sameEntries the rendered list equals the device's entry for entry (flattened, origins aside)
     * @param meaning the exact difference in meaning, empty when none
     */
    public record Proof(boolean sameEntries, List<String> meaning) {
        public Proof {
            meaning = List.copyOf(meaning);
        }

        public boolean equivalent() {
            return meaning.isEmpty();
        }
    }

    /** @param roles the inventory's bindings of catalogue roles to addresses */
    public AclAdoption(Catalogue catalogue, Map<String, AddressSet> roles, boolean stateful) {
        this.catalogue = catalogue;
        this.roles = Map.copyOf(roles);
        this.stateful = stateful;
    }

    /** A flow rendered alone: its atomic entries, without origins and log flags. */
    private record Shape(Flow flow, Action action, List<AclEntry> atoms) {
    }

    private static AclEntry plain(AclEntry e) {
        return new AclEntry(e.action(), e.protocol(), e.source(), e.sourcePorts(), e.destination(), e.destinationPorts(), e.established(),
                false, "", e.qualifiers());
    }

    private List<AclEntry> render(List<AclSpec.Rule> rules, Action defaultAction, boolean defaultLog, AclSpec.ReturnTraffic returns) {
        AclIntent intent = new AclIntentBuilder(catalogue, roles).build(new AclSpec("ADOPT", rules, List.of(), defaultAction, defaultLog,
                returns, false, Map.of()), stateful);
        return intent.entries();
    }

    /** Every flow that renders here (its roles bound, its ports known), as each action would render it. */
    private List<Shape> shapes() {
        List<Shape> out = new ArrayList<>();
        for (Flow f : catalogue.flows()) {
            if (f.scope() == Scope.LOCALHOST_ONLY) {
                continue; // never opened on a network device without force: an entry that looks like one stays literal
            }
            for (Action action : List.of(Action.PERMIT, Action.DENY)) {
                try {
                    List<AclEntry> all = render(List.of(new AclSpec.Rule(action, List.of(f.ref()), null, false, null, null, true)),
                            Action.DENY, false, AclSpec.ReturnTraffic.NONE);
                    List<AclEntry> atoms = AclEntries.flatten(all.subList(0, all.size() - 1)).stream().map(AclAdoption::plain).toList();
                    if (!atoms.isEmpty()) {
                        out.add(new Shape(f, action, atoms));
                    }
                } catch (RuntimeException e) {
                    // an unbound role or a port only the playbook can give: this flow cannot be what the device holds
                }
            }
        }
        return out;
    }

    /**
     * Adopts {@code device}, the entries as the device's parser read them, in order.
     *
     * @param counters the device's hit counter per entry (same order), -1 where none; empty when it keeps none
     */
    public Result adopt(List<AclEntry> device, List<Long> counters) {
        List<String> report = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        List<AclEntry> body = new ArrayList<>(device);
        Action defaultAction = Action.DENY;
        boolean defaultLog = false;
        if (!body.isEmpty() && body.get(body.size() - 1).catchAll()) {
            AclEntry last = body.remove(body.size() - 1);
            defaultAction = last.action();
            defaultLog = last.log();
        } else {
            report.add("the list ends without a catch-all entry: the playbook's 'default: deny' writes the deny the device applies "
                    + "implicitly (the same meaning, one line more)");
        }
        // atomic entries, each remembering the device entry it came from
        List<AclEntry> atoms = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            AclEntry e = body.get(i);
            if (e.unrecognised() || !e.qualifiers().isEmpty() || e.source().named() || e.destination().named()) {
                blockers.add("entry " + (i + 1) + ": " + e.describe() + (e.unrecognised() ? "" : !e.qualifiers().isEmpty()
                        ? " (its " + String.join(", ", e.qualifiers()) + " has no rule to say it)" : " (a named address set: resolve it first)"));
            }
            for (AclEntry a : AclEntries.flatten(List.of(e))) {
                atoms.add(a);
                from.add(i);
            }
        }
        List<Shape> shapes = shapes();
        List<Rule> rules = new ArrayList<>();
        Set<Integer> literalEntries = new LinkedHashSet<>();
        int fromCatalogue = 0;
        int i = 0;
        while (i < atoms.size()) {
            Shape best = null;
            for (Shape s : shapes) {
                if (matches(atoms, i, s) && (best == null || s.atoms().size() > best.atoms().size())) {
                    best = s;
                }
            }
            if (best != null) {
                boolean log = atoms.get(i).log();
                rules.add(new Rule(best.action(), List.of(best.flow().ref()), null, log, from.get(i) + 1));
                for (int k = i; k < i + best.atoms().size(); k++) {
                    literalEntries.remove(from.get(k));
                }
                fromCatalogue += best.atoms().size();
                i += best.atoms().size();
                continue;
            }
            // a device entry none of whose packets a flow explains stays whole (object-groups and all); else atom by atom
            int entry = from.get(i);
            int end = i;
            while (end < atoms.size() && from.get(end) == entry) {
                end++;
            }
            boolean wholeUnmatched = true;
            for (int k = i + 1; k < end; k++) {
                for (Shape s : shapes) {
                    if (matches(atoms, k, s)) {
                        wholeUnmatched = false;
                    }
                }
            }
            AclEntry original = body.get(entry);
            if (wholeUnmatched && AclEntries.flatten(List.of(original)).size() == end - i && i == firstAtom(from, entry)) {
                rules.add(new Rule(original.action(), List.of(), original, original.log(), entry + 1));
                i = end;
            } else {
                rules.add(new Rule(atoms.get(i).action(), List.of(), atoms.get(i), atoms.get(i).log(), entry + 1));
                i++;
            }
        }
        rules = merged(rules);
        AclSpec.ReturnTraffic returns = AclSpec.ReturnTraffic.NONE;
        int before = literalAtoms(rules);
        // the device holds exactly the return entries the platform's rule would write, last: say so instead of literals
        for (AclSpec.ReturnTraffic way : List.of(AclSpec.ReturnTraffic.AUTO, AclSpec.ReturnTraffic.REVERSE)) {
            Optional<List<Rule>> without = withoutReturns(rules, way, defaultAction, defaultLog);
            if (without.isPresent()) {
                rules = without.get();
                returns = way;
                report.add("return traffic: the device's last entries are exactly what return_traffic: " + way.name().toLowerCase()
                        + " writes for these flows");
                break;
            }
        }
        if (returns == AclSpec.ReturnTraffic.NONE && stateful) {
            returns = AclSpec.ReturnTraffic.AUTO; // the same list on a stateful platform, and the playbook reads as any other
        }
        int literal = literalAtoms(rules);
        int returnAtoms = before - literal;
        long catalogueRules = rules.stream().filter(r -> r.literal() == null).count();
        report.add(0, device.size() + " entries (" + atoms.size() + " atomic before the default): " + fromCatalogue + " became catalogue flows in " + catalogueRules
                + (catalogueRules == 1 ? " rule" : " rules") + (returnAtoms > 0 ? ", " + returnAtoms + " their return traffic" : "") + ", "
                + literal + " stayed literal" + (device.size() > body.size() ? ", the last one the default (" + defaultAction.word() + ")" : "")
                + (blockers.isEmpty() ? "" : "; " + blockers.size() + " cannot be expressed"));
        report.addAll(breadth(rules, shapes));
        for (AclLint.Finding f : AclLint.check(device)) {
            if (f.kind().equals("shadowed") || f.kind().equals("duplicate") || f.kind().equals("unreachable")) {
                report.add("entry " + (f.index() + 1) + " is " + f.kind() + ": " + f.message() + " (kept in place: removing it is a change "
                        + "to review, not part of adoption)");
            }
        }
        List<String> unused = new ArrayList<>();
        for (int k = 0; k < counters.size() && k < device.size(); k++) {
            if (counters.get(k) == 0) {
                unused.add(String.valueOf(k + 1));
            }
        }
        if (!unused.isEmpty()) {
            report.add("unused: " + unused.size() + " of " + device.size() + " entries have matched nothing since the device's counters were "
                    + "last cleared (entries " + String.join(", ", unused) + ")");
        }
        report.addAll(proposedRoles(rules));
        return new Result(rules, defaultAction, defaultLog, returns, fromCatalogue, literal, blockers, report);
    }

    private static int literalAtoms(List<Rule> rules) {
        int n = 0;
        for (Rule r : rules) {
            if (r.literal() != null) {
                n += AclEntries.flatten(List.of(r.literal())).size();
            }
        }
        return n;
    }

    private static int firstAtom(List<Integer> from, int entry) {
        return from.indexOf(entry);
    }

    private static boolean matches(List<AclEntry> atoms, int at, Shape s) {
        if (at + s.atoms().size() > atoms.size()) {
            return false;
        }
        boolean log = atoms.get(at).log();
        for (int k = 0; k < s.atoms().size(); k++) {
            AclEntry a = atoms.get(at + k);
            if (a.log() != log || a.action() != s.action() || !plain(a).equals(s.atoms().get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Consecutive catalogue rules of one action and log flag become one rule, a whole group by its id, when that renders the same. */
    private List<Rule> merged(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            Rule last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r.literal() == null && last.literal() == null && last.action() == r.action() && last.log() == r.log()) {
                List<String> refs = new ArrayList<>(last.refs());
                refs.addAll(r.refs());
                Rule joined = new Rule(r.action(), refs, null, r.log(), last.entry());
                if (sameRendering(List.of(last, r), List.of(joined))) {
                    out.set(out.size() - 1, joined);
                    continue;
                }
            }
            out.add(r);
        }
        // a rule naming every flow of a group, in catalogue order, names the group
        List<Rule> named = new ArrayList<>();
        for (Rule r : out) {
            Rule n = r;
            if (r.literal() == null && r.refs().size() > 1) {
                for (String group : r.refs().stream().map(x -> x.substring(0, x.indexOf('.') < 0 ? x.length() : x.indexOf('.'))).distinct().toList()) {
                    // what a rule naming the group renders: its flows that are not optional
                    List<String> all;
                    try {
                        all = catalogue.resolveForPolicy(group, false).stream().map(Flow::ref).toList();
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (all.isEmpty()) {
                        continue;
                    }
                    int at = java.util.Collections.indexOfSubList(n.refs(), all);
                    if (at >= 0) {
                        List<String> refs = new ArrayList<>(n.refs().subList(0, at));
                        refs.add(group);
                        refs.addAll(n.refs().subList(at + all.size(), n.refs().size()));
                        Rule g = new Rule(n.action(), refs, null, n.log(), n.entry());
                        if (sameRendering(List.of(n), List.of(g))) {
                            n = g;
                        }
                    }
                }
            }
            named.add(n);
        }
        return named;
    }

    private boolean sameRendering(List<Rule> a, List<Rule> b) {
        try {
            return AclEntries.sameEntries(render(specRules(a), Action.DENY, false, AclSpec.ReturnTraffic.NONE),
                    render(specRules(b), Action.DENY, false, AclSpec.ReturnTraffic.NONE));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The rules as an {@code acl} task's spec holds them. */
    public static List<AclSpec.Rule> specRules(List<Rule> rules) {
        List<AclSpec.Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            out.add(r.literal() != null ? new AclSpec.Rule(r.action(), List.of(), r.literal(), r.log(), null, null)
                    : new AclSpec.Rule(r.action(), r.refs(), null, r.log(), null, null, false));
        }
        return out;
    }

    /** The rules without a trailing run of literals that equals the return entries {@code way} writes for the catalogue rules. */
    private Optional<List<Rule>> withoutReturns(List<Rule> rules, AclSpec.ReturnTraffic way, Action def, boolean defLog) {
        try {
            List<Rule> catalogueRules = rules.stream().filter(r -> r.literal() == null).toList();
            if (catalogueRules.isEmpty()) {
                return Optional.empty();
            }
            List<AclEntry> with = render(specRules(rules.stream().filter(r -> r.literal() == null).toList()), def, defLog, way);
            List<AclEntry> without = render(specRules(catalogueRules), def, defLog, AclSpec.ReturnTraffic.NONE);
            int extra = AclEntries.flatten(with).size() - AclEntries.flatten(without).size();
            if (extra <= 0) {
                return Optional.empty();
            }
            // drop trailing literal rules until as many atoms as the returns are gone, then check the whole list renders the same
            List<Rule> kept = new ArrayList<>(rules);
            int dropped = 0;
            while (dropped < extra && !kept.isEmpty() && kept.get(kept.size() - 1).literal() != null) {
                dropped += AclEntries.flatten(List.of(kept.remove(kept.size() - 1).literal())).size();
            }
            if (dropped != extra) {
                return Optional.empty();
            }
            boolean same = AclEntries.sameEntries(render(specRules(rules), def, defLog, AclSpec.ReturnTraffic.NONE),
                    render(specRules(kept), def, defLog, way));
            return same ? Optional.of(kept) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Literal entries that overlap a catalogue flow of the same action and protocol (ports,
     * source and destination all meet) and say, field by field, where they are broader or
     * narrower than the catalogue: {@code ports 5060-5070 where the catalogue says 5060}.
     */
    private static List<String> breadth(List<Rule> rules, List<Shape> shapes) {
        List<String> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.literal() == null || r.literal().protocol().equals("ip")) {
                continue;
            }
            Map<String, Set<String>> byFlow = new LinkedHashMap<>();
            for (AclEntry a : AclEntries.flatten(List.of(r.literal()))) {
                for (Shape s : shapes) {
                    if (s.action() != r.action()) {
                        continue;
                    }
                    for (AclEntry x : s.atoms()) {
                        if (!x.protocol().equals(a.protocol()) || !meet(a.destinationPorts(), x.destinationPorts())
                                || !meet(a.sourcePorts(), x.sourcePorts()) || !meet(a.source(), x.source())
                                || !meet(a.destination(), x.destination()) || a.established() != x.established()) {
                            continue;
                        }
                        Set<String> how = byFlow.computeIfAbsent(s.flow().ref(), k -> new LinkedHashSet<>());
                        compare(how, "ports", a.destinationPorts().any() ? "any" : a.destinationPorts().toString(), x.destinationPorts().any()
                                ? "any" : x.destinationPorts().toString(), a.destinationPorts().covers(x.destinationPorts()),
                                x.destinationPorts().covers(a.destinationPorts()));
                        compare(how, "source", a.source().toString(), x.source().toString(), a.source().covers(x.source()),
                                x.source().covers(a.source()));
                        compare(how, "destination", a.destination().toString(), x.destination().toString(),
                                a.destination().covers(x.destination()), x.destination().covers(a.destination()));
                    }
                }
            }
            byFlow.forEach((flow, how) -> {
                if (!how.isEmpty()) {
                    boolean broader = how.stream().anyMatch(h -> h.endsWith("(broader)"));
                    out.add("entry " + r.entry() + " (" + r.literal().describe() + ") permits " + flow + (broader
                            ? " more broadly than the catalogue describes it: " : " in part only: ") + String.join("; ", how));
                }
            });
        }
        return out;
    }

    private static void compare(Set<String> how, String field, String device, String catalogue, boolean covers, boolean covered) {
        if (covers && covered) {
            return;
        }
        how.add(field + " " + device + " where the catalogue says " + catalogue + (covers ? " (broader)" : covered ? " (narrower)" : " (other)"));
    }

    private static boolean meet(PortMatch a, PortMatch b) {
        if (a.any() || b.any()) {
            return true;
        }
        return a.ranges().stream().anyMatch(x -> b.ranges().stream().anyMatch(y -> x.from() <= y.to() && y.from() <= x.to()));
    }

    /** CIDR blocks either nest or do not meet: two sets meet where a block of one holds a block of the other. */
    private static boolean meet(AddressSet a, AddressSet b) {
        if (a.any() || b.any()) {
            return true;
        }
        return a.prefixes().stream().anyMatch(x -> b.prefixes().stream().anyMatch(y -> x.contains(y) || y.contains(x)));
    }

    /** Address sets that recur in literal entries and equal no bound role: a role would let them be catalogue flows. */
    private List<String> proposedRoles(List<Rule> rules) {
        Map<AddressSet, Integer> uses = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.literal() != null) {
                for (AddressSet a : List.of(r.literal().source(), r.literal().destination())) {
                    if (!a.any() && !a.named() && !roles.containsValue(a)) {
                        uses.merge(a, 1, Integer::sum);
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        uses.forEach((a, n) -> {
            if (n >= 2) {
                out.add("proposal: " + String.join(", ", a.texts()) + " appears in " + n + " literal entries and no role is bound to it; "
                        + "bind a role to it in the inventory (roles: {ROLE: [" + String.join(", ", a.texts()) + "]}) and adopt again, "
                        + "if it is what a catalogue role means here");
            }
        });
        return out;
    }

    /** Renders the adopted rules as an acl task would and compares them with what the device holds. */
    public Proof prove(List<AclEntry> device, Result r) {
        List<AclEntry> rendered = render(specRules(r.rules()), r.defaultAction(), r.defaultLog(), r.returnTraffic());
        return prove(device, rendered);
    }

    /** Compares a rendered list with the device's, entry by entry and by meaning. */
    public static Proof prove(List<AclEntry> device, List<AclEntry> rendered) {
        MeaningDiff diff = MeaningDiff.of(device, rendered);
        List<String> meaning = new ArrayList<>(diff.changes().stream().map(c -> c.way().word() + " " + c.text()).toList());
        diff.undecidable().forEach(u -> meaning.add("undecidable: " + u));
        return new Proof(AclEntries.sameEntries(device, rendered), meaning);
    }
}
