package io.switchboard.bench.compare;

import io.switchboard.bench.cli.Args;
import io.switchboard.bench.report.MachineInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The Java half of {@code ./sb bench compare} (scripts/bench-compare.sh runs the stacks and the generator):
 * <ul>
 *   <li>{@code verdict --report FILE [--p99-limit-ms 250]}: exit 0 when the report's every step was
 *   sustained, else 1; prints why. The ramp stops a target at its first step that was not.</li>
 *   <li>{@code table --dir DIR [--p99-limit-ms 250] [--command TEXT] [--note TEXT]}: writes
 *   {@code DIR/compare.md} from the reports there and prints it.</li>
 * </ul>
 * Exit code 2 for bad arguments.
 */
public final class CompareMain {
    private static final double DEFAULT_P99_LIMIT_MS = 250;

    private CompareMain() {
    }

    public static void main(String[] argv) {
        int code;
        try {
            code = run(Args.parse(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("compare: " + e.getMessage());
            System.err.println("usage: CompareMain verdict --report FILE | table --dir DIR [--option value]...");
            code = 2;
        }
        System.exit(code);
    }

    static int run(Args args) {
        double limit = args.number("p99-limit-ms", DEFAULT_P99_LIMIT_MS);
        return switch (args.scenario()) {
            case "verdict" -> verdict(args, limit);
            case "table" -> table(args, limit);
            default -> throw new IllegalArgumentException("unknown command " + args.scenario());
        };
    }

    private static int verdict(Args args, double limit) {
        Path file = Path.of(args.string("report", ""));
        args.requireAllUsed();
        LoadgenReport report = LoadgenReport.read(file);
        boolean all = true;
        for (LoadgenStep step : report.steps()) {
            StepVerdict verdict = StepVerdict.of(report, step, limit);
            System.out.println(step.rate() + " msg/s: " + verdict.describe());
            all &= verdict.sustained();
        }
        return all ? 0 : 1;
    }

    private static int table(Args args, double limit) {
        Path dir = Path.of(args.string("dir", "."));
        CompareReport.Header header = new CompareReport.Header(
                Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(), MachineInfo.current(),
                args.string("command", "./sb bench compare"), args.string("note", ""), limit);
        args.requireAllUsed();
        String markdown = CompareReport.render(CompareRun.read(dir), header);
        try {
            Files.writeString(dir.resolve("compare.md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("compare.md"), e);
        }
        System.out.print(markdown);
        return 0;
    }
}
