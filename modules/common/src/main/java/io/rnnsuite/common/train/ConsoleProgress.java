package io.rnnsuite.common.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar with ETA. On a terminal it redraws one line per batch; elsewhere (CI,
 * a pipe) it prints one line per epoch so logs stay short.
 */
public final class ConsoleProgress implements ProgressReporter {

    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean interactive;
    private final String prefix;
    private int epoch;
    private int maxEpochs;
    private int batches;
    private long epochStartNanos;
    private double lossSum;
    private long lastDraw;

    public ConsoleProgress(PrintStream out, boolean interactive, String prefix) {
        this.out = out;
        this.interactive = interactive;
        this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + " ";
    }

    /** Draws on stderr; interactive only when a console is attached. */
    public static ConsoleProgress onStderr(String prefix) {
        return new ConsoleProgress(System.err, System.console() != null, prefix);
    }

    @Override
    public void epochStarted(int epoch, int maxEpochs, int batches) {
        this.epoch = epoch;
        this.maxEpochs = maxEpochs;
        this.batches = batches;
        this.epochStartNanos = System.nanoTime();
        this.lossSum = 0;
    }

    @Override
    public void batchFinished(int batch, double loss) {
        lossSum += loss;
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && batch < batches) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - epochStartNanos) / 1e9;
        double eta = batch > 0 ? elapsed / batch * (batches - batch) : 0;
        int filled = batches > 0 ? (int) Math.round(BAR_WIDTH * (double) batch / batches) : 0;
        String bar = "#".repeat(filled) + ".".repeat(Math.max(0, BAR_WIDTH - filled));
        out.print(String.format(Locale.ROOT, "\r%sepoch %d/%d [%s] %d/%d loss %.4f ETA %s   ",
                prefix, epoch, maxEpochs, bar, batch, batches, lossSum / Math.max(1, batch), clock(eta)));
        out.flush();
    }

    @Override
    public void epochFinished(EpochStats stats, int maxEpochs, double etaSeconds) {
        if (interactive) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.println(String.format(Locale.ROOT, "%sepoch %d/%d  train %.5f  val %.5f%s  %.1fs  (ETA at most %s)",
                prefix, stats.epoch(), maxEpochs, stats.trainLoss(), stats.validationLoss(),
                stats.improved() ? " *" : "  ", stats.seconds(), clock(etaSeconds)));
        out.flush();
    }

    @Override
    public void message(String line) {
        if (interactive) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.println(prefix + line);
        out.flush();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on; negative values read as 0. */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
