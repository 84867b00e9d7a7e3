package io.portpush.core.policy;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.template.TemplateEngine;
import java.util.List;
import java.util.Optional;

/** One platform's DSCP marking: read, plan (template-rendered lines), and what to restore. */
public interface QosDriver {
    Optional<QosIntent> read(DeviceSession session, String name, List<String> classNames);

    String render(QosIntent intent, TemplateEngine templates);

    /** Lines that remove everything {@code intent} creates (taking back a first change). */
    List<String> removal(QosIntent intent);

    /** Lines taking the device from {@code current} to {@code intent}; empty when they match. */
    List<String> plan(Optional<QosIntent> current, QosIntent intent, TemplateEngine templates);
}
