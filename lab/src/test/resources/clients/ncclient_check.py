"""ncclient (Debian python3-ncclient) against a lab Junos device's netconf subsystem.

Prints one JSON object of named checks; the Java test asserts each one and the device state.
Argument: the device's SSH port. The device's minute is short in the test, so a confirmed commit
with a one-minute timeout rolls back within seconds.
"""
import json
import sys
import time

from lxml import etree
from ncclient import manager
from ncclient.operations.rpc import RPCError

port = int(sys.argv[1])
out = {}
m = manager.connect(host="127.0.0.1", port=port, username="admin", password=sys.argv[2], hostkey_verify=False,
                    look_for_keys=False, allow_agent=False, device_params={"name": "junos"}, timeout=30)
caps = list(m.server_capabilities)
out["base_1_1"] = "urn:ietf:params:netconf:base:1.1" in caps
out["confirmed_commit_capability"] = any("confirmed-commit" in c for c in caps)
sw = m.rpc(etree.fromstring("<get-software-information/>"))
out["software_information"] = sw.xpath("//host-name")[0].text == "mx3"

m.lock()
m.load_configuration(action="set", format="text",
                     config=["set firewall family inet filter NCCLIENT term xmpp from destination-port 5222",
                             "set firewall family inet filter NCCLIENT term xmpp then accept"])
diff = m.compare_configuration()
out["compare"] = "NCCLIENT" in etree.tostring(diff.xpath("//configuration-output")[0]).decode()
m.commit(confirmed=True, timeout="1")
active = m.get_configuration(format="set", filter=etree.fromstring("<configuration><firewall/></configuration>"))
out["confirmed_active"] = "NCCLIENT" in active.xpath("//configuration-set")[0].text
time.sleep(4)
after = m.get_configuration(format="set", filter=etree.fromstring("<configuration><firewall/></configuration>"))
text = after.xpath("//configuration-set")[0].text or ""
out["confirmed_rolled_back"] = "NCCLIENT" not in text

try:
    m.load_configuration(action="set", format="text", config=["set firewall bogus statement"])
    out["bad_line_refused"] = False
except RPCError as e:
    out["bad_line_refused"] = "syntax error" in str(e)
m.discard_changes()

m.load_configuration(action="merge", format="text", config="""
firewall {
    family inet {
        filter NCCLIENT-TEXT {
            term ldap {
                from {
                    protocol tcp;
                    destination-port [ 389 636 ];
                }
                then accept;
            }
        }
    }
}""")
m.commit()
m.unlock()
running = m.get_config(source="running")
xml = str(running)
out["merge_text_committed"] = "NCCLIENT-TEXT" in xml and "<destination-port>636</destination-port>" in xml
m.close_session()
print(json.dumps(out))
