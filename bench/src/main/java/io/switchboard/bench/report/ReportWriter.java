package io.switchboard.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes {@code <scenario>-<timestamp>.json} and {@code .svg}, and the same as {@code latest.*} and
 * {@code latest-<scenario>.*}, so README can always point at the newest figures of each scenario.
 */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ReportWriter() {
    }

    /** @return the timestamped JSON file */
    public static Path write(Path outDir, BenchReport report, List<Chart> charts) {
        try {
            Files.createDirectories(outDir);
            String base = report.scenario() + "-" + LocalDateTime.now().format(STAMP);
            String json = JSON.writeValueAsString(report) + "\n";
            String svg = SvgPlot.render(title(report), charts);
            for (String name : List.of(base, "latest", "latest-" + report.scenario())) {
                Files.writeString(outDir.resolve(name + ".json"), json);
                Files.writeString(outDir.resolve(name + ".svg"), svg);
            }
            return outDir.resolve(base + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report under " + outDir, e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String title(BenchReport report) {
        MachineInfo m = report.machine();
        return "Switchboard " + report.scenario() + " - " + report.startedAt() + " - " + m.cores() + " cores, "
                + m.cpuModel() + (report.passed() ? "" : " - FAILED");
    }
}
