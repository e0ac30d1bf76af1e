package dev.poddashboard.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The app's background threads: named, so thread dumps and per-thread CPU figures say whose they are, and daemons,
 * so none keeps the JVM alive once the web server has stopped. Each ends on its own (a warm-up, a version read) or
 * when its owner closes (a pod watch, the token's rotation check, a stream's pings).
 */
public final class Daemon {
    private Daemon() {
    }

    /** A daemon thread named {@code name}, not yet started. */
    public static Thread thread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Starts {@code task} on a new daemon thread named {@code name}. */
    public static Thread start(String name, Runnable task) {
        Thread thread = thread(name, task);
        thread.start();
        return thread;
    }

    /** For an executor: each of its threads a daemon named {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> thread(name, task);
    }
}
