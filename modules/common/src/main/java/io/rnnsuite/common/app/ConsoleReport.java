package io.rnnsuite.common.app;

import io.rnnsuite.common.report.MarkdownTable;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the shared commands print, as text: the one console reporter (library code returns
 * values; the commands print these).
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    /** After {@code APP train}. */
    public static String train(RnnApp<?, ?, ?> app, TrainRun.Outcome<?, ?> outcome) {
        StringBuilder sb = new StringBuilder();
        sb.append(data(outcome.data()));
        sb.append(outcome.trained().training().message()).append('\n');
        sb.append(String.format(Locale.ROOT, "trained %s: %.1f s, %d updates, %d parameters%n",
                describeSpec(app, outcome.config()), outcome.trained().totalSeconds(),
                outcome.trained().training().updates(), outcome.trained().parameters()));
        sb.append("test split, beside the baselines:\n").append(TrainRun.table(TrainRun.evaluations(outcome)).toText());
        if (outcome.test().detail() != null) {
            sb.append(outcome.test().detail());
        }
        if (outcome.outputDir() != null) {
            sb.append("model written to ").append(outcome.outputDir()).append('\n');
        }
        return sb.toString();
    }

    /** After {@code APP evaluate}. */
    public static String evaluate(DataSummary data, java.util.List<Evaluation> evaluations) {
        StringBuilder sb = new StringBuilder(data(data));
        sb.append("test split:\n").append(TrainRun.table(evaluations).toText());
        if (evaluations.get(0).detail() != null) {
            sb.append(evaluations.get(0).detail());
        }
        return sb.toString();
    }

    /** After {@code APP compare}. */
    public static String compare(RnnApp<?, ?, ?> app, CompareRun.Outcome<?, ?, ?> outcome, Path reportDir) {
        StringBuilder sb = new StringBuilder(data(outcome.data()));
        MarkdownTable table = CompareRun.table(outcome.rows());
        sb.append(table.toText());
        outcome.skipped().forEach((label, why) -> sb.append("not trained: ").append(label).append(" (").append(why).append(")\n"));
        CompareRun.Row best = CompareRun.best(outcome.rows(), app.primaryMetric());
        sb.append("best by ").append(app.primaryMetric().label()).append(": ").append(best.model()).append('\n');
        if (reportDir != null) {
            sb.append("report written to ").append(reportDir.resolve("report.md")).append('\n');
        }
        return sb.toString();
    }

    private static String data(DataSummary data) {
        StringBuilder sb = new StringBuilder("data: " + data.name() + " (" + data.source() + ", sha256 "
                + data.sha256().substring(0, 12) + "…)");
        data.details().forEach((k, v) -> sb.append(", ").append(k.replace('_', ' ')).append(' ').append(v));
        return sb.append('\n').toString();
    }

    private static <C> String describeSpec(RnnApp<C, ?, ?> app, Object config) {
        @SuppressWarnings("unchecked")
        C typed = (C) config;
        return app.spec(typed).label() + " (" + app.spec(typed).hiddenSize() + " units, " + app.spec(typed).impl() + ")";
    }
}
