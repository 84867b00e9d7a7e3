package io.portpush.platform.nftables;

import io.portpush.core.device.Dialect;
import io.portpush.core.platform.AclStrategy;
import io.portpush.core.platform.Capabilities;
import io.portpush.core.platform.CommitModel;
import io.portpush.core.platform.Platform;
import io.portpush.core.policy.AclEntry;
import io.portpush.core.policy.HostFirewallDriver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Linux hosts with nftables: atomic {@code nft -f} scripts over an exec channel, stateful (conntrack). */
public final class NftablesPlatform implements Platform {
    private static final Capabilities CAPABILITIES = new Capabilities(List.of(AclStrategy.REPLACE), true, true, false,
            CommitModel.ATOMIC_SCRIPT, "");
    private final HostFirewallDriver driver = new NftablesDriver();
    private final NftablesQos qos = new NftablesQos();

    @Override
    public String name() {
        return "linux_nftables";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("linux");
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<Dialect> dialect() {
        return Optional.empty();
    }

    @Override
    public Optional<HostFirewallDriver> hostFirewall() {
        return Optional.of(driver);
    }

    @Override
    public Optional<io.portpush.core.policy.HostQosDriver> hostQos() {
        return Optional.of(qos);
    }

    /** {@code nft -j list chain FAMILY TABLE CHAIN}. */
    @Override
    public Optional<Map<String, List<AclEntry>>> readAcls(String command, String output, String groups) {
        String c = command.strip().replaceAll("\\s+", " ");
        if (!c.startsWith("nft -j list chain")) {
            return Optional.empty();
        }
        var acl = NftablesDriver.parse(output, c.substring(c.lastIndexOf(' ') + 1), "");
        return Optional.of(Map.of(acl.name(), acl.entries()));
    }

    @Override
    public Optional<String> routeCommand() {
        return Optional.of("ip -j -4 route show table main");
    }

    @Override
    public Optional<List<io.portpush.core.placement.Route>> readRoutes(String command, String output) {
        return command.strip().matches("ip (-j(son)? )?(-4 )?(-j(son)? )?r(oute)?( show)?( table main)?") ? Optional.of(LinuxRoutes.read(output))
                : Optional.empty();
    }
}
