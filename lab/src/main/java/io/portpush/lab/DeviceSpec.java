package io.portpush.lab;

import java.security.PublicKey;
import java.util.List;

/**
 * How to build one lab device.
 *
 * @param port TCP port on {@code bindHost}; 0 picks a free one
 * @param authorizedKeys public keys accepted for {@code username} besides the password
 * @param minute how long a device minute lasts (timers such as commit confirmed); shorter in tests
 * @param profile host name, version, interfaces: what makes this device unlike the others
 * @param netconfPort a second port for the {@code netconf} subsystem alone (as 830 on a real Junos);
 *     0 for none, the SSH port offers it too
 */
public record DeviceSpec(String name, String platform, String bindHost, int port, String username, String password,
                         String enableSecret, List<PublicKey> authorizedKeys, Faults faults, java.time.Duration minute,
                         DeviceProfile profile, int netconfPort) {
    public DeviceSpec {
        authorizedKeys = List.copyOf(authorizedKeys);
    }

    /**
     * The lab's default password. Distinctive on purpose: a test that greps output for it can
     * only find the secret, never a word the CLI prints (as {@code admin} or {@code enable} would be).
     */
    public static final String DEFAULT_PASSWORD = "labpw-K7q2Xz9";
    /** The lab's default enable secret (distinctive, as {@link #DEFAULT_PASSWORD}). */
    public static final String DEFAULT_ENABLE = "labenable-R4t8Wn";

    /** A device on loopback with a free port and the lab's default credentials. */
    public static DeviceSpec of(String name, String platform) {
        return new DeviceSpec(name, platform, "127.0.0.1", 0, "admin", DEFAULT_PASSWORD, DEFAULT_ENABLE, List.of(), Faults.NONE,
                java.time.Duration.ofMinutes(1), DeviceProfile.of(name), 0);
    }

    public DeviceSpec withPort(int p) {
        return new DeviceSpec(name, platform, bindHost, p, username, password, enableSecret, authorizedKeys, faults, minute, profile, netconfPort);
    }

    public DeviceSpec withCredentials(String user, String pass, String enable) {
        return new DeviceSpec(name, platform, bindHost, port, user, pass, enable, authorizedKeys, faults, minute, profile, netconfPort);
    }

    public DeviceSpec withAuthorizedKeys(List<PublicKey> keys) {
        return new DeviceSpec(name, platform, bindHost, port, username, password, enableSecret, keys, faults, minute, profile, netconfPort);
    }

    public DeviceSpec withMinute(java.time.Duration m) {
        return new DeviceSpec(name, platform, bindHost, port, username, password, enableSecret, authorizedKeys, faults, m, profile, netconfPort);
    }

    public DeviceSpec withProfile(DeviceProfile p) {
        return new DeviceSpec(name, platform, bindHost, port, username, password, enableSecret, authorizedKeys, faults, minute, p, netconfPort);
    }

    public DeviceSpec withNetconfPort(int p) {
        return new DeviceSpec(name, platform, bindHost, port, username, password, enableSecret, authorizedKeys, faults, minute, profile, p);
    }

    public DeviceSpec withFaults(Faults f) {
        return new DeviceSpec(name, platform, bindHost, port, username, password, enableSecret, authorizedKeys, f, minute, profile, netconfPort);
    }
}
