package io.rnnsuite.common.report;

import io.rnnsuite.common.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A PNG line chart of several named series over a shared x axis (learning curves, forecasts). */
public final class LineChart {

    /** One line: x and y of equal length; {@code dashed} for baselines. */
    public record Line(String name, double[] x, double[] y, boolean dashed) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Line> lines = new ArrayList<>();
    private boolean logY;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart line(String name, double[] x, double[] y) {
        lines.add(new Line(name, x, y, false));
        return this;
    }

    public LineChart dashedLine(String name, double[] x, double[] y) {
        lines.add(new Line(name, x, y, true));
        return this;
    }

    /** Logarithmic y axis (gradient norms, losses over orders of magnitude). */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Renders the chart to {@code file} (PNG, written atomically). */
    public void savePng(Path file, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setYAxisLogarithmic(logY);
        // a log axis spans orders of magnitude: plain decimals print 1e-9 as "0" and 1e30 as 31 digits
        chart.getStyler().setYAxisDecimalPattern(logY ? "0.#E0" : "#,##0.###");
        for (Line line : lines) {
            XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
            series.setMarker(SeriesMarkers.NONE);
            if (line.dashed()) {
                series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {6f, 4f}, 0f));
            }
        }
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }
}
