package io.portpush.bench;

import io.portpush.core.policy.AclEntries;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.Action;
import io.portpush.core.policy.AddressSet;
import io.portpush.core.policy.Binding;
import io.portpush.core.policy.DeviceAcl;
import io.portpush.core.policy.PortMatch;
import io.portpush.core.template.TemplateEngine;
import io.portpush.platform.ios.IosAclDriver;
import io.portpush.platform.ios.IosAclParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the policy hot paths: parsing {@code show ip access-lists} (lines per second =
 * ops/s x LINES), rendering a device's ACL from its intent through the Jinjava template
 * (devices per second), and comparing and planning two 5,000-entry ACLs.
 *
 * <p>Run: {@code mvn -B -q -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyBenchmarks {
    static final int LINES = 1000;
    static final int BIG = 5000;

    String showOutput;
    AclIntent edge;
    TemplateEngine templates;
    IosAclDriver ios;
    List<AclEntry> big;
    List<AclEntry> bigChanged;
    DeviceAcl bigDevice;
    AclIntent bigIntent;

    static AclEntry entry(int i) {
        return new AclEntry(i % 7 == 0 ? Action.DENY : Action.PERMIT, i % 3 == 0 ? "udp" : "tcp",
                AddressSet.parse(List.of("10." + (i / 250 % 250) + "." + (i % 250) + ".0/24")), PortMatch.ANY,
                AddressSet.parse(List.of("192.0.2." + (i % 250) + "/32")), PortMatch.of(1024 + i % 60000), i % 5 == 0, false, "f" + i);
    }

    @Setup
    public void setup() {
        StringBuilder sb = new StringBuilder("Extended IP access list BENCH\n");
        for (int i = 1; i <= LINES; i++) {
            sb.append("    ").append(i * 10).append(" permit tcp 198.51.").append(i % 250).append(".0 0.0.0.255 host 10.10.1.")
                    .append(i % 250).append(" eq ").append(i % 2 == 0 ? "www" : String.valueOf(5000 + i)).append(i % 10 == 0 ? " log" : "")
                    .append(" (").append(i).append(" matches)\n");
        }
        showOutput = sb.toString();
        List<AclEntry> e = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            e.add(entry(i));
        }
        edge = new AclIntent("EDGE", e, List.of(new Binding("GigabitEthernet1", Binding.Direction.IN)), false);
        templates = new TemplateEngine(List.of());
        ios = new IosAclDriver();
        big = new ArrayList<>();
        for (int i = 0; i < BIG; i++) {
            big.add(entry(i));
        }
        bigChanged = new ArrayList<>(big);
        bigChanged.remove(BIG / 2);
        bigChanged.add(BIG / 3, entry(BIG + 1));
        bigChanged.set(BIG - 10, entry(BIG + 2));
        bigDevice = new DeviceAcl("BIG", big, List.of(), "");
        bigIntent = new AclIntent("BIG", bigChanged, List.of(), false);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object parseShowIpAccessLists1000Lines() {
        return IosAclParser.showAccessLists(showOutput);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object renderIosAcl30Entries() {
        return ios.render(edge, templates);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object compare5000EntryAcls() {
        return AclEntries.differences(big, bigChanged);
    }

    /** The exact meaning of the change between the two 5,000-entry lists (BDDs, one core): issue 16 aims under 1 s. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object flowDiff5000EntryAcls() {
        return io.portpush.core.meaning.MeaningDiff.of(big, bigChanged);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object planIosSwap5000Entries() {
        return ios.plan(Optional.of(bigDevice), bigIntent, templates, io.portpush.core.platform.AclStrategy.SWAP);
    }
}
