package io.eave.ui.tests.devices;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.eave.devices.DevicesPlugin;
import io.eave.devices.IdeSimulator;

/** Waits in the UI thread the way a person does: the workbench keeps running meanwhile. */
public final class Waiting {
    private Waiting() {
    }

    /** Runs the event loop until {@code condition} holds; fails saying what did not happen and what was seen. */
    public static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> seen) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + limit.toSeconds() + " s; seen: " + seen.get());
            }
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { });
                display.sleep();
            }
        }
    }

    /** Waits for the automatic build the last change scheduled, and what it schedules. */
    public static void forAutoBuild(Duration limit) {
        CompletableFuture<Void> joined = CompletableFuture.runAsync(() -> {
            try {
                Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        until("the automatic build to finish", limit, joined::isDone,
                () -> Arrays.toString(Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD)));
        joined.join();
    }

    /** Waits for the simulated device the IDE starts with the workbench. */
    public static void forSimulator() {
        IdeSimulator sim = DevicesPlugin.getDefault().registry().simulator();
        until("the simulated device starting", Duration.ofSeconds(30), () -> sim.running() != null,
                () -> sim.state() + " " + sim.problem());
    }

    /** The table's rows as people read them: cells joined with " | ". */
    public static String rows(Table table) {
        StringBuilder s = new StringBuilder();
        for (TableItem item : table.getItems()) {
            for (int i = 0; i < table.getColumnCount(); i++) {
                s.append(i == 0 ? "" : " | ").append(item.getText(i));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** The first row whose first cell starts with {@code start}, or null. */
    public static TableItem row(Table table, String start) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).startsWith(start)) {
                return item;
            }
        }
        return null;
    }
}
