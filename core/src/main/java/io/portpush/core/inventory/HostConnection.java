package io.portpush.core.inventory;

import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.transport.Secret;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to reach a host, read from its variables with Ansible's names ({@code ansible_host},
 * {@code ansible_port}, {@code ansible_user}, {@code ansible_password},
 * {@code ansible_ssh_private_key_file}, {@code ansible_become_password},
 * {@code ansible_network_os}) or portpush's own ({@code platform}, {@code portpush_lab}).
 * A bastion comes from {@code portpush_jump_host} or from {@code -J}/{@code -o ProxyJump=} in
 * {@code ansible_ssh_common_args}, as {@code [user@]host[:port]}.
 */
public record HostConnection(String name, String address, int port, String user, Secret password, Path keyFile,
                             Secret keyPassphrase, Secret enableSecret, String platform, boolean lab, String jump, Api api) {

    /** How portpush talks to the device: its CLI over an SSH shell, or NETCONF over the SSH subsystem. */
    public enum Api { CLI, NETCONF }

    /** The {@code ansible_connection} values portpush reads (Ansible's names, short and qualified). */
    private static final Map<String, Api> CONNECTIONS = Map.of("network_cli", Api.CLI, "ansible.netcommon.network_cli", Api.CLI,
            "ssh", Api.CLI, "paramiko", Api.CLI, "netconf", Api.NETCONF, "ansible.netcommon.netconf", Api.NETCONF);

    /** Builds the connection of a host against the platforms on the class path. */
    public static HostConnection of(String host, Map<String, Object> vars, String inventory) {
        return of(host, vars, inventory, io.portpush.core.platform.PlatformRegistry.installed());
    }

    /**
     * Builds the connection of a host; {@code platform} (portpush's name or an alias) or
     * {@code ansible_network_os} (Ansible's name) picks the platform from {@code platforms}, and an
     * unknown one is an error naming the variable.
     */
    public static HostConnection of(String host, Map<String, Object> vars, String inventory,
                                    io.portpush.core.platform.PlatformRegistry platforms) {
        String platform = null;
        for (String var : new String[] {"platform", "ansible_network_os"}) {
            String given = str(vars, var);
            if (given != null) {
                platform = platforms.find(given).map(io.portpush.core.platform.Platform::name).orElseThrow(() ->
                        new InvalidInputException(new SourceLocation(inventory, 0, host + "." + var), platforms.unknown(given)));
                break;
            }
        }
        String address = first(vars, "ansible_host", "host");
        Object port = vars.getOrDefault("ansible_port", vars.get("port"));
        String conn = str(vars, "ansible_connection");
        Api api = conn == null || conn.equals("local") ? Api.CLI : CONNECTIONS.get(conn);
        if (api == null) {
            throw new InvalidInputException(new SourceLocation(inventory, 0, host + ".ansible_connection"),
                    "'" + conn + "' is not a connection portpush speaks (known: network_cli, netconf, ssh, local)");
        }
        // as Ansible's netconf connection: port 830 unless the inventory says otherwise
        int p = api == Api.NETCONF ? 830 : 22;
        if (port != null) {
            try {
                p = Integer.parseInt(String.valueOf(port));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(new SourceLocation(inventory, 0, host + ".ansible_port"), "'" + port + "' is not a port number");
            }
            if (p < 1 || p > 65535) {
                throw new InvalidInputException(new SourceLocation(inventory, 0, host + ".ansible_port"), p
                        + " is not a TCP port (1-65535)");
            }
        }
        String key = first(vars, "ansible_ssh_private_key_file", "ansible_private_key_file");
        Object lab = vars.get("portpush_lab");
        return new HostConnection(host, address == null ? host : address, p, first(vars, "ansible_user", "ansible_ssh_user", "user"),
                Secret.of(first(vars, "ansible_password", "ansible_ssh_pass", "password")),
                key == null ? null : Path.of(key.replaceFirst("^~", System.getProperty("user.home"))),
                Secret.of(first(vars, "ansible_ssh_private_key_passphrase", "key_passphrase")),
                Secret.of(first(vars, "ansible_become_password", "ansible_become_pass", "ansible_enable_password", "enable_secret")),
                platform, lab != null && (Boolean.TRUE.equals(lab) || "true".equalsIgnoreCase(String.valueOf(lab))
                        || "yes".equalsIgnoreCase(String.valueOf(lab))), jump(vars), api);
    }

    private static final java.util.regex.Pattern PROXY_JUMP = java.util.regex.Pattern.compile("(?:-J\\s*|ProxyJump=)(\\S+)");

    private static String jump(Map<String, Object> vars) {
        String j = str(vars, "portpush_jump_host");
        if (j != null) {
            return j;
        }
        String args = str(vars, "ansible_ssh_common_args");
        if (args != null) {
            java.util.regex.Matcher m = PROXY_JUMP.matcher(args);
            if (m.find()) {
                return m.group(1).replaceAll("[\"']", "");
            }
        }
        return null;
    }

    private static String str(Map<String, Object> vars, String k) {
        Object v = vars.get(k);
        return v == null ? null : String.valueOf(v);
    }

    private static String first(Map<String, Object> vars, String... keys) {
        for (String k : keys) {
            String v = str(vars, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Names of variables whose values are secrets: they are redacted from every output. */
    public static boolean isSecretName(String var) {
        String v = var.toLowerCase(java.util.Locale.ROOT);
        return (v.contains("pass") || v.contains("secret") || v.contains("token") || v.endsWith("_key") || v.contains("community")
                || v.contains("psk") || v.contains("pre_shared") || v.contains("credential"))
                && !v.endsWith("_file");
    }
}
