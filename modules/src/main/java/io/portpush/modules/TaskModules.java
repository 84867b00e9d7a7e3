package io.portpush.modules;

import io.portpush.core.runner.TaskModule;
import io.portpush.modules.acl.AclModule;
import io.portpush.modules.acl.RollbackModule;
import io.portpush.modules.acl.VerifyModule;
import io.portpush.modules.qos.QosModule;
import io.portpush.modules.command.CommandModule;
import io.portpush.modules.config.ConfigModule;
import io.portpush.modules.local.AssertModule;
import io.portpush.modules.local.BackupModule;
import io.portpush.modules.local.DebugModule;
import io.portpush.modules.local.SetFactModule;
import io.portpush.modules.local.TemplateModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every task module portpush ships, by name. */
public final class TaskModules {
    private TaskModules() {
    }

    public static Map<String, TaskModule> all() {
        Map<String, TaskModule> m = new LinkedHashMap<>();
        for (TaskModule t : List.of(new AclModule(), new io.portpush.modules.acl.AclAdoptModule(), new RollbackModule(), new QosModule(), new VerifyModule(), new CommandModule(), new ConfigModule(), new TemplateModule(), new BackupModule(),
                new AssertModule(), new DebugModule(), new SetFactModule())) {
            m.put(t.name(), t);
        }
        return m;
    }
}
