package io.switchboard.bench;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.cli.OutputOptions;
import io.switchboard.bench.proc.ProcessSampler;
import io.switchboard.bench.proc.ResourceUsage;
import io.switchboard.bench.report.BenchReport;
import io.switchboard.bench.report.MachineInfo;
import io.switchboard.bench.report.ReportWriter;
import io.switchboard.bench.scenario.Outcome;
import io.switchboard.bench.scenario.Scenario;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code BenchMain <latency|throughput|connections|sink|replay> [--option value]...} against a running stack
 * (docs/benchmarks.md). Exit code 0: the run was sound; 1: something was lost, refused or failed; 2: bad arguments.
 */
public final class BenchMain {
    private static final Logger LOGGER = LoggerFactory.getLogger(BenchMain.class);
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private BenchMain() {
    }

    public static void main(String[] argv) {
        int code;
        try {
            code = run(argv).passed() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: BenchMain <" + String.join("|", Scenarios.BY_NAME.keySet()) + "> [--option value]...");
            code = 2;
        } catch (RuntimeException e) {
            LOGGER.atError().setCause(e).log("benchmark aborted");
            code = 1;
        }
        System.exit(code);
    }

    /** Runs one scenario and writes its report; what a test calls instead of {@link #main}. */
    public static Result run(String... argv) {
        Args args = Args.parse(argv);
        OutputOptions output = OutputOptions.from(args);
        Scenario scenario = Scenarios.create(args);
        String runId = runId();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        LOGGER.atInfo().addKeyValue("scenario", scenario.name()).addKeyValue("runId", runId).log("benchmark starting");
        Outcome outcome;
        ResourceUsage usage;
        try (ProcessSampler sampler = ProcessSampler.start(output.extraPids())) {
            outcome = scenario.run(runId);
            usage = sampler.stop();
        }
        List<String> failures = new ArrayList<>(outcome.failures());
        BenchReport report = new BenchReport(scenario.name(), startedAt, "BenchMain " + String.join(" ", argv),
                MachineInfo.current(), args.given(), failures.isEmpty(), failures, outcome.goals(), outcome.results(), usage);
        Path file = ReportWriter.write(output.outDir(), report, outcome.charts());
        LOGGER.atInfo().addKeyValue("report", file.toAbsolutePath()).addKeyValue("passed", report.passed())
                .addKeyValue("failures", failures).log("benchmark done");
        outcome.goals().forEach(g -> LOGGER.atInfo().addKeyValue("goal", g.name()).addKeyValue("target", g.target())
                .addKeyValue("actual", g.actual()).addKeyValue("met", g.met()).log("goal"));
        return new Result(report, file);
    }

    /** Short and unique enough to keep runs against one long-lived stack apart; a valid user/conversation id. */
    static String runId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("b");
        for (int i = 0; i < 6; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    /** The report and where its JSON was written. */
    public record Result(BenchReport report, Path json) {
        public boolean passed() {
            return report.passed();
        }
    }
}
