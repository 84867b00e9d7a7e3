package io.portpush.bench;

import io.portpush.platform.ios.IosAclParser;
import java.util.List;
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
 * Reading {@code show ip access-lists} as devices print it: lines per second = ops/s x
 * {@link #LINES}. The input mixes the forms of the real-output corpus
 * ({@code modules/src/test/resources/real/cisco_ios}): standard entries with and without
 * wildcards, extended entries with hosts, wildcards, named and numbered ports, several ports,
 * ranges, ICMP messages, protocol names, established, log and log-input, time-ranges with their
 * state, hit counters, remarks, an unresolved object-group reference and an IPv6 list, with
 * addresses varied line by line so nothing is served from a cache.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ParseBenchmarks}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmarks {
    static final int LINES = 10_000;

    /** Entry forms from the corpus; %d is replaced by a varying octet. */
    private static final List<String> EXTENDED = List.of(
            "permit tcp any host 10.1.%d.1 eq www",
            "permit tcp any host 10.1.%d.1 eq 443 log (12 matches)",
            "permit udp any range 16384 32767 10.1.%d.0 0.0.0.255 range 16384 32767",
            "permit udp any eq snmp bootpc 10.%d.0.0 0.0.0.255",
            "permit tcp 10.%d.0.0 0.0.255.255 eq telnet ssh http 8080 host 10.1.0.%d neq telnet ssh",
            "permit tcp host 10.1.1.%d any established",
            "permit tcp 10.10.37.24 0.0.0.7 host 10.10.5.%d eq 4000 (1 match)",
            "permit tcp 10.10.37.24 0.0.0.7 10.3.140.%d 0.0.0.31 eq 9815 log time-range test (active)",
            "permit icmp 10.10.%d.0 0.0.0.255 20.20.0.0 0.0.255.255 port-unreachable",
            "permit icmp host 10.10.10.%d any echo-reply (900123456 matches)",
            "permit ospf host 192.168.29.%d host 224.0.0.5 (843551 matches)",
            "permit tcp 165.130.0.0 0.0.255.255 host 206.201.50.%d eq 22429 22465 23074",
            "deny udp any any eq tacacs",
            "permit tcp host 169.254.3.%d gt 1023 169.254.3.4 0.0.0.1 established log (tag = tag_name)",
            "deny esp any host 10.2.%d.9 precedence internet",
            "permit udp object-group SRC_%d object-group DST eq domain",
            "remark portpush xcp.client-access %d");
    private static final List<String> STANDARD = List.of(
            "permit 10.%d.2.3 log",
            "permit 206.201.%d.0, wildcard bits 0.0.15.255 (785 matches)",
            "deny   any log");

    String output;
    /** The same lists with the first octet of every 10.x address varied by line too: far fewer repeats for the per-read address cache. */
    String distinct;

    @Setup
    public void setup() {
        output = build(false);
        distinct = build(true);
    }

    private static String build(boolean distinctAddresses) {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        int list = 0;
        while (lines < LINES) {
            // lists of 100 entries: extended, standard and IPv6 in turn, as a router prints them
            String kind = list % 5 == 3 ? "standard" : list % 5 == 4 ? "ipv6" : "extended";
            sb.append(kind.equals("standard") ? "Standard IP access list STD" + list : kind.equals("ipv6")
                    ? "IPv6 access list V6-" + list : "Extended IP access list EXT" + list).append('\n');
            lines++;
            for (int i = 1; i <= 100 && lines < LINES; i++, lines++) {
                int v = (i * 7 + list) % 250;
                if (kind.equals("ipv6")) {
                    sb.append("    permit tcp 2001:db8:").append(Integer.toHexString(v)).append("::/64 any eq www sequence ").append(i * 10)
                            .append(i % 3 == 0 ? " (" + i + " matches)" : "").append('\n');
                    continue;
                }
                List<String> forms = kind.equals("standard") ? STANDARD : EXTENDED;
                String form = forms.get(i % forms.size()).replace("%d", String.valueOf(v));
                if (distinctAddresses) {
                    form = form.replace("10.", (11 + (lines / 250) % 200) + ".");
                }
                sb.append("    ").append(i * 10).append(' ').append(form).append('\n');
            }
            list++;
        }
        return sb.toString();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object parseRealisticShowIpAccessLists10000Lines() {
        return IosAclParser.showAccessLists(output);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object parseRealisticDistinctAddresses10000Lines() {
        return IosAclParser.showAccessLists(distinct);
    }
}
