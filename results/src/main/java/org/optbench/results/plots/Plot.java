package org.optbench.results.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One rendered chart of a report.
 *
 * @param fileName the PNG file's name, e.g. {@code self_tuning_profiles.png}
 * @param title what the chart shows, for headings and alt text
 * @param caption how to read it, one sentence
 * @param chart the XChart chart
 */
public record Plot(String fileName, String title, String caption, Chart<?, ?> chart) {

    /** Checks the fields. */
    public Plot {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(chart, "chart");
    }

    /** The chart's width in pixels. */
    public int width() {
        return chart.getWidth();
    }

    /** The chart's height in pixels. */
    public int height() {
        return chart.getHeight();
    }

    /** The chart as PNG bytes. */
    public byte[] png() {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + fileName, e);
        }
    }
}
