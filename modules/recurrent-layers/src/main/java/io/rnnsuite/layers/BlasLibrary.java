package io.rnnsuite.layers;

import java.util.Locale;

/**
 * Which BLAS library the process's matrix products run on: Intel MKL where its JavaCPP preset is on
 * the class path (the Linux x86-64 build brings it), else the OpenBLAS that ND4J bundles.
 *
 * <p>JavaCPP's OpenBLAS preset, through which ND4J and the fast layers both reach BLAS, loads
 * {@code mkl_rt} in OpenBLAS's place when the system property {@value #LOAD_PROPERTY} says so
 * before it first loads; ND4J then reports "Blas vendor: [MKL]" and every product, ND4J's and the
 * fast layers', runs on MKL. Measured on this project's AMD EPYC (AVX2) machine, one thread,
 * 2026-12-01: one LSTM step's product (32 x 512 x 128) took 127 µs on MKL 2022.0 against 225 µs on
 * OpenBLAS 0.3.19; large products were the same (about 34 GFLOP/s); training the app models' networks
 * took 4-22 % less time per batch (docs/results/performance.md).
 *
 * <p>{@link #choose()} must therefore run before anything touches ND4J; every command line of the
 * suite calls it first (through {@code CliErrors.install}), and the build's tests set the property
 * for the whole test JVM. {@code RNN_SUITE_BLAS=openblas} in the environment (or the property set to
 * anything else beforehand) keeps OpenBLAS. MKL runs with conditional numerical reproducibility
 * ({@code MKL_CBWR_AUTO}): the same inputs, machine and thread count give the same bits run after
 * run, whatever the alignment of the arrays, as the suite's determinism tests require.
 */
public final class BlasLibrary {

    /** The JavaCPP property that makes its OpenBLAS preset load another library in OpenBLAS's place. */
    public static final String LOAD_PROPERTY = "org.bytedeco.openblas.load";
    /** The environment variable that keeps OpenBLAS when set to {@code openblas}. */
    public static final String ENVIRONMENT = "RNN_SUITE_BLAS";
    private static final String MKL_LIBRARY = "mkl_rt";
    private static final String MKL_CLASS = "org.bytedeco.mkl.global.mkl_rt";

    private static boolean chosen;
    private static boolean mkl;

    private BlasLibrary() {
    }

    /**
     * Picks MKL when it is on the class path, nobody chose otherwise and ND4J has not loaded yet
     * (after that the choice is ND4J's and this only records it). Idempotent.
     *
     * @return true if this process's BLAS is MKL
     */
    public static synchronized boolean choose() {
        if (chosen) {
            return mkl;
        }
        chosen = true;
        String environment = System.getenv(ENVIRONMENT);
        boolean keepOpenBlas = environment != null && environment.trim().toLowerCase(Locale.ROOT).equals("openblas");
        if (System.getProperty(LOAD_PROPERTY) == null && !keepOpenBlas && mklPresent()) {
            System.setProperty(LOAD_PROPERTY, MKL_LIBRARY);
        }
        mkl = MKL_LIBRARY.equals(System.getProperty(LOAD_PROPERTY)) && mklPresent();
        if (mkl) {
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
            // before the first product: reproducible bits whatever the alignment of the operands
            org.bytedeco.mkl.global.mkl_rt.MKL_CBWR_Set(org.bytedeco.mkl.global.mkl_rt.MKL_CBWR_AUTO);
        }
        return mkl;
    }

    /** {@code "MKL 2022.0 (build 20211112)"} or {@code "OpenBLAS (bundled with ND4J)"}: what {@link #choose()} settled on, for reports. */
    public static String describe() {
        if (!choose()) {
            return "OpenBLAS (bundled with ND4J)";
        }
        byte[] version = new byte[256];
        org.bytedeco.mkl.global.mkl_rt.MKL_Get_Version_String(version, version.length);
        String text = new String(version, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "").trim();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Version (\\S+?)-Product Build (\\d+)").matcher(text);
        return m.find() ? "MKL " + m.group(1) + " (build " + m.group(2) + ")" : text.isEmpty() ? "MKL" : text;
    }

    private static boolean mklPresent() {
        try {
            Class.forName(MKL_CLASS, false, BlasLibrary.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
