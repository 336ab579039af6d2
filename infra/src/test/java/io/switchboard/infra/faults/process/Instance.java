package io.switchboard.infra.faults.process;

import io.switchboard.infra.process.ComponentProcess;

/** A child JVM the test started, remembering whether the test killed it, so only unplanned deaths fail a wait. */
final class Instance implements AutoCloseable {
    private final String name;
    private final ComponentProcess process;
    private volatile boolean killed;

    Instance(String name, ComponentProcess process) {
        this.name = name;
        this.process = process;
    }

    String name() {
        return name;
    }

    /** SIGKILL: no shutdown hook, no group leave, no transaction abort, as when the machine dies. */
    void kill() {
        killed = true;
        process.kill();
    }

    /** True when the process is gone although the test did not kill it. */
    boolean diedByItself() {
        return !killed && !process.isAlive();
    }

    String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        killed = true;
        process.close();
    }
}
