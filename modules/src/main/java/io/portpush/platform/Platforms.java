package io.portpush.platform;

import io.portpush.core.device.Dialect;
import io.portpush.core.policy.AclDriver;
import io.portpush.core.policy.HostFirewallDriver;
import io.portpush.platform.nftables.NftablesDriver;
import io.portpush.core.policy.QosDriver;
import io.portpush.platform.ios.IosQosDriver;
import io.portpush.platform.junos.JunosQosDriver;
import io.portpush.platform.asa.AsaAclDriver;
import io.portpush.platform.ios.IosAclDriver;
import io.portpush.platform.junos.JunosFilterDriver;
import io.portpush.platform.asa.AsaDialect;
import io.portpush.platform.ios.IosDialect;
import io.portpush.platform.junos.JunosDialect;
import java.util.Map;

/** The CLI dialect of each platform portpush drives over an interactive shell. */
public final class Platforms {
    private static final Map<String, Dialect> DIALECTS = Map.of(
            "cisco_ios", new IosDialect(), "cisco_asa", new AsaDialect(), "juniper_junos", new JunosDialect());

    private static final Map<String, AclDriver> ACL = Map.of("cisco_ios", new IosAclDriver(), "juniper_junos", new JunosFilterDriver(),
            "cisco_asa", new AsaAclDriver());

    private Platforms() {
    }

    /** The dialect, or null for platforms driven without a CLI shell (linux_nftables). */
    public static Dialect dialect(String platform) {
        return DIALECTS.get(platform);
    }

    /** The ACL driver of a platform, or null where portpush has none. */
    public static AclDriver aclDriver(String platform) {
        return platform == null ? null : ACL.get(platform);
    }

    private static final Map<String, QosDriver> QOS = Map.of("cisco_ios", new IosQosDriver(), "juniper_junos", new JunosQosDriver());

    /** The DSCP marking driver of a platform, or null where portpush has none (ASA cannot mark DSCP). */
    public static QosDriver qosDriver(String platform) {
        return platform == null ? null : QOS.get(platform);
    }

    private static final Map<String, HostFirewallDriver> HOSTS = Map.of("linux_nftables", new NftablesDriver());

    /** The host firewall driver (exec channel, atomic scripts) of a platform, or null. */
    public static HostFirewallDriver hostFirewall(String platform) {
        return platform == null ? null : HOSTS.get(platform);
    }
}
