package io.switchboard.bench.scenario;

import io.switchboard.bench.cli.SinkOptions;
import io.switchboard.bench.report.Chart;
import java.util.List;

/**
 * What the sink scenario measured. {@code produceRowsPerSecond} close to {@code rowsPerSecond} means the producer,
 * not the sink, set the pace; {@code drainRowsPerSecond} is then -1, or the sink's own pace once the producer was
 * done.
 */
public record SinkResults(int rowsProduced, long rowsStored, int conversations, double produceSeconds,
                          double produceRowsPerSecond, double seconds, double rowsPerSecond, double drainRowsPerSecond,
                          List<Point> timeline) {
    public SinkResults {
        timeline = List.copyOf(timeline);
    }

    static SinkResults of(SinkOptions options, double produceSeconds, SinkProgress progress) {
        double seconds = Math.max(progress.seconds(), 1e-9);
        double drain = progress.drainRate();
        return new SinkResults(options.rows(), progress.stored(), options.conversations(), round(produceSeconds),
                round(options.rows() / Math.max(produceSeconds, 1e-9)), round(seconds),
                round(progress.stored() / seconds), drain < 0 ? -1 : round(drain), progress.timeline());
    }

    static List<Chart> charts(SinkResults r) {
        List<double[]> points = r.timeline().stream().map(p -> new double[] {p.second(), p.rows()}).toList();
        Chart progress = new Chart.Lines("Rows visible in PostgreSQL", "seconds since the first record", "rows", false,
                List.of(new Chart.Series("rows stored", LoadCharts.BLUE, points)));
        Chart rates = new Chart.Bars("Rates", "", "rows per second",
                List.of("produced to Kafka", "stored by the sink", "sink after producer done"),
                List.of(new Chart.BarSeries("rows/s", LoadCharts.GREEN,
                        List.of(r.produceRowsPerSecond(), r.rowsPerSecond(), Math.max(0, r.drainRowsPerSecond())))));
        return List.of(progress, rates);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Rows stored so far, at a moment of the run. */
    public record Point(double second, long rows) {
    }
}
