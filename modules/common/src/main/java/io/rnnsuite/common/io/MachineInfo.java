package io.rnnsuite.common.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the figures were measured on, and how busy it was.
 *
 * @param cores       logical processors the JVM sees
 * @param cpu         model name from /proc/cpuinfo, or the OS architecture
 * @param os          name and version
 * @param runtime     JVM name and version
 * @param vectorApi   whether jdk.incubator.vector is loaded (the fast layers' element-wise kernels use it;
 *                    without it they fall back to plain Java)
 * @param blas        the BLAS library the matrix products run on ({@link io.rnnsuite.layers.BlasLibrary#describe()})
 * @param loadStart   1-, 5- and 15-minute load averages when the run began (the 1-minute one alone
 *                    where /proc/loadavg is missing; null if unknown)
 * @param loadEnd     the same when it ended
 */
public record MachineInfo(int cores, String cpu, String os, String runtime, boolean vectorApi, String blas,
                          double[] loadStart, double[] loadEnd) {

    /** The machine now; {@code loadEnd} is filled by {@link #finished()}. */
    public static MachineInfo now() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), io.rnnsuite.layers.BlasLibrary.describe(),
                loadAverage(), null);
    }

    /** The same with the load average at the end of the run. */
    public MachineInfo finished() {
        return new MachineInfo(cores, cpu, os, runtime, vectorApi, blas, loadStart, loadAverage());
    }

    /**
     * A warning when the 1-minute load average exceeded half the cores at the start or the end:
     * other processes then compete for the cores and the figures are noisy. Empty when idle enough.
     */
    public Optional<String> noiseWarning() {
        double worst = Math.max(loadStart == null ? 0 : loadStart[0], loadEnd == null ? 0 : loadEnd[0]);
        if (worst > 0.5 * cores) {
            return Optional.of(String.format(Locale.ROOT, "warning: 1-minute load average %.2f on %d cores (above %.1f):"
                    + " other processes compete for the cores and these figures will be noisy; measure on an idle machine",
                    worst, cores, 0.5 * cores));
        }
        return Optional.empty();
    }

    /** One line for the console and bench.md. */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores, %s; %s; %s; Vector API %s; BLAS %s; load average %s at start%s",
                cores, cpu, os, runtime, vectorApi ? "on" : "off (plain-Java kernels)", blas, load(loadStart),
                loadEnd == null ? "" : ", " + load(loadEnd) + " at end");
    }

    private static String load(double[] load) {
        if (load == null) {
            return "unknown";
        }
        StringBuilder text = new StringBuilder();
        for (double value : load) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", value));
        }
        return text.toString();
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                List<String> lines = Files.readAllLines(cpuinfo);
                for (String line : lines) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the architecture
        }
        return System.getProperty("os.arch");
    }

    /** 1-, 5- and 15-minute load averages from /proc/loadavg, else the JVM's 1-minute figure alone; null if unknown. */
    public static double[] loadAverage() {
        try {
            Path loadavg = Path.of("/proc/loadavg");
            if (Files.isReadable(loadavg)) {
                String[] parts = Files.readString(loadavg).trim().split("\\s+");
                return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return one < 0 ? null : new double[] {one};
    }
}
