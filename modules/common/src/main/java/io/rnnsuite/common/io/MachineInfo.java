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
 * @param stealStart  seconds of the cores' time the host had given to other guests since boot
 *                    ("steal" in /proc/stat) when the run began; null where unknown. On a shared
 *                    virtual machine a run that loses time this way measures slow although the
 *                    load average shows nothing
 * @param stealEnd    the same when it ended
 */
public record MachineInfo(int cores, String cpu, String os, String runtime, boolean vectorApi, String blas,
                          double[] loadStart, double[] loadEnd, Double stealStart, Double stealEnd) {

    /** Steal time during a run above which {@link #noiseWarning()} warns. */
    public static final double NOISY_STEAL_SECONDS = 5.0;

    /** Clock ticks per second of /proc/stat's counters (USER_HZ, 100 on Linux's common builds). */
    static final double TICKS_PER_SECOND = 100.0;

    /** The machine now; {@code loadEnd} is filled by {@link #finished()}. */
    public static MachineInfo now() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), io.rnnsuite.layers.BlasLibrary.describe(),
                loadAverage(), null, stealSeconds(), null);
    }

    /** The same with the load average at the end of the run. */
    public MachineInfo finished() {
        return new MachineInfo(cores, cpu, os, runtime, vectorApi, blas, loadStart, loadAverage(), stealStart, stealSeconds());
    }

    /** Seconds stolen by the host between the start and the end; null until both are known. */
    public Double stolenDuringRun() {
        return stealStart == null || stealEnd == null ? null : Math.max(0, stealEnd - stealStart);
    }

    /**
     * A warning when the 1-minute load average exceeded half the cores at the start or the end:
     * other processes then compete for the cores and the figures are noisy; or when the host stole
     * more than {@link #NOISY_STEAL_SECONDS} of the cores' time during the run. Empty when idle enough.
     */
    public Optional<String> noiseWarning() {
        double worst = Math.max(loadStart == null ? 0 : loadStart[0], loadEnd == null ? 0 : loadEnd[0]);
        if (worst > 0.5 * cores) {
            return Optional.of(String.format(Locale.ROOT, "warning: 1-minute load average %.2f on %d cores (above %.1f):"
                    + " other processes compete for the cores and these figures will be noisy; measure on an idle machine",
                    worst, cores, 0.5 * cores));
        }
        Double stolen = stolenDuringRun();
        if (stolen != null && stolen > NOISY_STEAL_SECONDS) {
            return Optional.of(String.format(Locale.ROOT, "warning: the host took %.1f s of the cores' time for other"
                    + " guests during the run (steal in /proc/stat, above %.0f s): these figures are noisy", stolen,
                    NOISY_STEAL_SECONDS));
        }
        return Optional.empty();
    }

    /** One line for the console and bench.md. */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores, %s; %s; %s; Vector API %s; BLAS %s; load average %s at start%s",
                cores, cpu, os, runtime, vectorApi ? "on" : "off (plain-Java kernels)", blas, load(loadStart),
                loadEnd == null ? "" : ", " + load(loadEnd) + " at end")
                + (stolenDuringRun() == null ? "" : String.format(Locale.ROOT, "; host steal %.1f s during the run", stolenDuringRun()));
    }

    /** Steal seconds since boot from /proc/stat's first ("cpu") line; null where it is missing or unreadable. */
    static Double stealSeconds() {
        try {
            Path stat = Path.of("/proc/stat");
            if (Files.isReadable(stat)) {
                try (var lines = Files.lines(stat)) {
                    return lines.findFirst().map(MachineInfo::stealSeconds).orElse(null);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return null;
    }

    /**
     * Steal seconds from a /proc/stat "cpu" line ({@code cpu user nice system idle iowait irq softirq steal ...},
     * in clock ticks); null if the line is not one or has no steal field.
     */
    static Double stealSeconds(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (fields.length < 9 || !fields[0].equals("cpu")) {
            return null;
        }
        try {
            return Long.parseLong(fields[8]) / TICKS_PER_SECOND;
        } catch (NumberFormatException e) {
            return null;
        }
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
