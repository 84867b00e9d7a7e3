package io.portpush.core.runner;

import io.portpush.core.device.DeviceSession;
import io.portpush.core.inventory.HostConnection;
import io.portpush.core.playbook.Task;
import io.portpush.core.template.TemplateEngine;
import io.portpush.core.transport.SshConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a module sees while it runs on one host: the host's variables (all layers merged), its
 * connection (opened on first use and reused by later tasks), the run's options and services.
 */
public final class TaskContext {
    private final String host;
    private final HostConnection connection;
    private final Map<String, Object> vars;
    private final Task task;
    private final RunOptions options;
    private final TemplateEngine templates;
    private final Supplier<DeviceSession> session;
    private final Supplier<SshConnection> ssh;
    private final Supplier<DeviceSession> reopen;
    private final RunListener listener;
    private final Redactor redactor;
    private final Map<Class<?>, Object> services;
    private final Supplier<SshConnection> login;

    public TaskContext(String host, HostConnection connection, Map<String, Object> vars, Task task, RunOptions options,
                       TemplateEngine templates, Supplier<DeviceSession> session, Supplier<SshConnection> ssh,
                       Supplier<DeviceSession> reopen, RunListener listener, Redactor redactor, Map<Class<?>, Object> services) {
        this(host, connection, vars, task, options, templates, session, ssh, reopen, listener, redactor, services, () -> {
            throw new IllegalStateException("no new login in this context");
        });
    }

    private TaskContext(String host, HostConnection connection, Map<String, Object> vars, Task task, RunOptions options,
                        TemplateEngine templates, Supplier<DeviceSession> session, Supplier<SshConnection> ssh,
                        Supplier<DeviceSession> reopen, RunListener listener, Redactor redactor, Map<Class<?>, Object> services,
                        Supplier<SshConnection> login) {
        this.login = login;
        this.reopen = reopen;
        this.host = host;
        this.connection = connection;
        this.vars = vars;
        this.task = task;
        this.options = options;
        this.templates = templates;
        this.session = session;
        this.ssh = ssh;
        this.listener = listener;
        this.redactor = redactor;
        this.services = services;
    }

    /** This context, able to open a new SSH login to the host ({@link #newLogin}). */
    public TaskContext withLogin(Supplier<SshConnection> fresh) {
        return new TaskContext(host, connection, vars, task, options, templates, session, ssh, reopen, listener, redactor, services, fresh);
    }

    /**
     * A new SSH connection with a full login, beside the one the run holds: what a fresh operator
     * would get now (the lockout guard's test). The caller closes it.
     */
    public SshConnection newLogin() {
        return login.get();
    }

    /** The same context in another run mode (the verify module audits inside a normal run). */
    public TaskContext withMode(RunOptions.Mode mode) {
        return new TaskContext(host, connection, vars, task, options.withMode(mode, options.diff()), templates, session, ssh, reopen,
                listener, redactor, services, login);
    }

    public String host() {
        return host;
    }

    /** How the host is reached and which platform it is. */
    public HostConnection connection() {
        return connection;
    }

    public String platform() {
        return connection.platform();
    }

    public Map<String, Object> vars() {
        return vars;
    }

    public Task task() {
        return task;
    }

    public RunOptions options() {
        return options;
    }

    public boolean check() {
        return options.check();
    }

    public TemplateEngine templates() {
        return templates;
    }

    /** The CLI session on the device (network platforms), opened on first use. */
    public DeviceSession session() {
        return session.get();
    }

    /** Drops the current session (after a disconnect) and logs in again. */
    public DeviceSession reopenSession() {
        return reopen.get();
    }

    /** The SSH connection (for hosts driven through exec channels, such as Linux). */
    public SshConnection ssh() {
        return ssh.get();
    }

    public Path projectDir() {
        return options.projectDir();
    }

    public void warn(String message) {
        listener.warning(redactor.redact(host + ": " + message));
    }

    /** What the task is doing, for the operator (not a warning: nothing is wrong). */
    public void note(String message) {
        listener.note(redactor.redact(host + ": " + message));
    }

    public Redactor redactor() {
        return redactor;
    }

    /** A run-wide service, when the CLI provided one. */
    public <T> java.util.Optional<T> optionalService(Class<T> type) {
        return java.util.Optional.ofNullable(services.get(type)).map(type::cast);
    }

    /** A run-wide service the CLI provided (catalogue, history store...). */
    public <T> T service(Class<T> type) {
        Object s = services.get(type);
        if (s == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " in this run");
        }
        return type.cast(s);
    }
}
