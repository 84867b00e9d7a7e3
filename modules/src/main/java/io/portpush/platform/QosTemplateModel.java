package io.portpush.platform;

import io.portpush.core.policy.AclIntent;
import io.portpush.core.policy.AclTemplateModel;
import io.portpush.core.policy.QosIntent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link QosIntent} as maps for the platforms' qos templates (each class carries an ACL model). */
public final class QosTemplateModel {
    private QosTemplateModel() {
    }

    public static Map<String, Object> of(QosIntent intent) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("name", intent.name());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (QosIntent.QosClass c : intent.classes()) {
            Map<String, Object> acl = AclTemplateModel.of(new AclIntent("QOS-" + c.name(), c.matches(), List.of(), true));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("dscp", c.dscp());
            m.put("acl", acl);
            m.put("entries", acl.get("entries"));
            classes.add(m);
        }
        q.put("classes", classes);
        q.put("bindings", AclTemplateModel.of(new AclIntent(intent.name(), List.of(), intent.bindings(), true)).get("bindings"));
        return q;
    }
}
