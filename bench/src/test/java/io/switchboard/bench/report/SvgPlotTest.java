package io.switchboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgPlotTest {

    @Test
    void shouldDrawAPercentileCurveAndBarsAsWellFormedSvg() throws Exception {
        Histogram h = new Histogram(3);
        for (int v = 1; v <= 1000; v++) {
            h.recordValue(v * 10L);
        }
        LatencySummary summary = LatencySummary.of(h);
        Chart curve = new Chart.Lines("Latency <by> percentile", "percentile", "ms", true, List.of(new Chart.Series("delivery",
                "#000", summary.curve().stream().map(p -> new double[] {p.percentile(), p.ms()}).toList())));
        Chart bars = new Chart.Bars("Rate", "second", "msg/s", List.of("1", "2"),
                List.of(new Chart.BarSeries("sent", "#111", List.of(10.0, 20.0), List.of("#0f0", "#f00"))));

        String svg = SvgPlot.render("title & more", List.of(curve, bars));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(svg).contains("99.9%").contains("fill=\"#f00\"").contains("Latency &lt;by&gt; percentile");
    }

    @Test
    void shouldDrawEmptyChartsWithoutFailing() {
        String svg = SvgPlot.render("empty", List.of(
                new Chart.Lines("none", "x", "y", false, List.of(new Chart.Series("s", "#000", List.of()))),
                new Chart.Bars("none", "x", "y", List.of(), List.of())));

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
    }

    @Test
    void shouldSummarizePercentilesInMilliseconds() {
        Histogram h = new Histogram(3);
        for (int v = 1; v <= 100; v++) {
            h.recordValue(v * 1_000L);
        }

        LatencySummary summary = LatencySummary.of(h);

        assertThat(summary.count()).isEqualTo(100);
        // HdrHistogram answers the highest value equivalent to the recorded one, within its 3 significant digits
        assertThat(summary.p50Ms()).isCloseTo(50.0, offset(0.1));
        assertThat(summary.p99Ms()).isCloseTo(99.0, offset(0.1));
        assertThat(summary.maxMs()).isCloseTo(100.0, offset(0.1));
        assertThat(summary.curve()).hasSize(LatencySummary.CURVE_PERCENTILES.length);
    }

    @Test
    void shouldPickRoundTickSteps() {
        assertThat(Axis.niceStep(0.37)).isEqualTo(0.5);
        assertThat(Axis.niceStep(3_700)).isEqualTo(5_000);
        assertThat(Axis.upTo(23)).isEqualTo(new Axis(0, 25, 5));
    }
}
