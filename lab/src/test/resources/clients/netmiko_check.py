"""Real Netmiko against lab devices (RealClientsTest): argv = IOS ASA JUNOS EOS ports; prints one JSON object."""
import json
import sys

from netmiko import ConnectHandler

ios_port, asa_port, junos_port, eos_port = (int(p) for p in sys.argv[1:5])
base = dict(host="127.0.0.1", username="admin", password="labpw-K7q2Xz9", secret="labenable-R4t8Wn")
out = {}
ios = ConnectHandler(device_type="cisco_ios", port=ios_port, **base)
ios.enable()
out["ios_version"] = "Cisco IOS XE" in ios.send_command("show version")
ios.send_config_set(["ip access-list extended NETMIKO-IOS", "10 permit udp any any eq 5060"])
out["ios_acl"] = "NETMIKO-IOS" in ios.send_command("show ip access-lists NETMIKO-IOS")
ios.save_config()
ios.disconnect()
asa = ConnectHandler(device_type="cisco_asa", port=asa_port, **base)
asa.enable()
asa.send_config_set(["access-list NETMIKO-ASA extended permit tcp any any eq 5061"])
out["asa_acl"] = "NETMIKO-ASA" in asa.send_command("show running-config access-list NETMIKO-ASA")
asa.save_config()
asa.disconnect()
junos = ConnectHandler(device_type="juniper_junos", port=junos_port, **base)
out["junos_version"] = "Junos" in junos.send_command("show version")
junos.send_config_set(["set firewall family inet filter NETMIKO-JUNOS term t1 then accept"])
out["junos_commit"] = "commit complete" in junos.commit()
junos.exit_config_mode()
out["junos_filter"] = "NETMIKO-JUNOS" in junos.send_command("show configuration firewall | display set")
junos.disconnect()
eos = ConnectHandler(device_type="arista_eos", port=eos_port, **base)
eos.enable()
out["eos_version"] = "Software image version" in eos.send_command("show version")
eos.send_config_set(["ip access-list NETMIKO-EOS", "10 permit tcp any any eq 5269", "exit"])
out["eos_acl"] = "10 permit tcp any any eq 5269" in eos.send_command("show ip access-lists NETMIKO-EOS")
eos.save_config()
eos.disconnect()
print(json.dumps(out))
