package io.switchboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a figure was measured on: figures without it cannot be compared. */
public record MachineInfo(String cpuModel, int cores, double memoryGb, String os, String jvm, String host) {

    public static MachineInfo current() {
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryGb(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), readHost());
    }

    private static String readCpuModel() {
        String info = read("/proc/cpuinfo");
        for (String line : info.split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static double readMemoryGb() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return Math.round(kb / 1024.0 / 1024.0 * 10) / 10.0;
            }
        }
        return 0;
    }

    private static String readHost() {
        String name = read("/proc/sys/kernel/hostname").trim();
        return name.isEmpty() ? "unknown" : name;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
