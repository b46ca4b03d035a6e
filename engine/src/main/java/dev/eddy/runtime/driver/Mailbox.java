package dev.eddy.runtime.driver;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Commands for the thread that runs some tasks (Flink's task mailbox): any thread posts, the
 * task's own thread runs them between two elements, so that a command sees operator state
 * exactly as it is between records and never races the task. The pacer's waits serve the
 * mailbox too, so a paused or slowed run still answers. Once the tasks are done the mailbox is
 * closed and a command runs on the thread that posts it.
 */
final class Mailbox {
    private final ConcurrentLinkedQueue<Runnable> mail = new ConcurrentLinkedQueue<>();
    /** The monitor the serving thread may be waiting on (the pacer's). */
    private final Object wakeUp;
    private volatile boolean closed;

    Mailbox(Object wakeUp) { this.wakeUp = wakeUp; }

    void post(Runnable command) {
        mail.add(command);
        if (closed) {
            runAll();
            return;
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    boolean isEmpty() { return mail.isEmpty(); }

    void runAll() {
        Runnable r;
        while ((r = mail.poll()) != null) r.run();
    }

    /** No thread serves this mailbox any more: run what is left, and from now on run at once. */
    void close() {
        closed = true;
        runAll();
    }
}
