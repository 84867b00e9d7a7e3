package io.portpush.core.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Ansible's {@code ipaddr} filter for templates: {@code {{ '10.1.2.3/24' | ipaddr('network') }}}.
 * Queries: {@code address}, {@code network}, {@code netmask}, {@code wildcard} (hostmask, for
 * IOS ACLs), {@code prefix}, {@code host} (the address with its prefix), {@code cidr} (the
 * network with its prefix), {@code broadcast}, {@code size}; without a query, the value if it is
 * a valid address and false otherwise.
 */
public final class IpAddrFilter implements Filter {
    @Override
    public String getName() {
        return "ipaddr";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        if (var == null) {
            return false;
        }
        IPAddressString s = new IPAddressString(String.valueOf(var).strip());
        IPAddress a = s.getAddress();
        if (a == null) {
            return false;
        }
        String query = args.length == 0 ? "" : args[0];
        IPAddress withPrefix = a.getNetworkPrefixLength() == null ? a.setPrefixLength(a.getBitCount(), false) : a;
        int prefix = withPrefix.getNetworkPrefixLength();
        IPAddress network = withPrefix.toPrefixBlock();
        return switch (query) {
            case "" -> String.valueOf(var);
            case "address" -> a.withoutPrefixLength().toCanonicalString();
            case "network" -> network.getLower().withoutPrefixLength().toCanonicalString();
            case "netmask" -> withPrefix.getNetwork().getNetworkMask(prefix, false).toCanonicalString();
            case "wildcard", "hostmask" -> withPrefix.getNetwork().getHostMask(prefix).toCanonicalString();
            case "prefix" -> prefix;
            case "host" -> a.withoutPrefixLength().toCanonicalString() + "/" + prefix;
            case "cidr", "subnet" -> network.getLower().withoutPrefixLength().toCanonicalString() + "/" + prefix;
            case "broadcast" -> network.getUpper().withoutPrefixLength().toCanonicalString();
            case "size" -> network.getCount().longValue();
            default -> throw new IllegalArgumentException("ipaddr: unknown query '" + query
                    + "' (address, network, netmask, wildcard, prefix, host, cidr, broadcast, size)");
        };
    }
}
