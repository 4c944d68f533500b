package io.rnnsuite.spark;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.ClusterTraining;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code --spark MASTER} for every app's train command: connects to {@code local[N]} or a
 * standalone cluster and returns a {@link ParameterAveraging} session. Spark properties given as
 * JVM system properties ({@code -Dspark.executor.memory=4g}) are honoured.
 *
 * <p>On a standalone cluster each worker is one executor with one core ({@code spark.executor.cores=1},
 * {@code spark.cores.max=workers} unless set), and the executors get the driver's class path
 * ({@code spark.executor.extraClassPath}) unless the application was started by
 * {@code spark-submit} (which ships its jar) or the property is set: on one machine, or with the
 * suite installed at the same path everywhere, that is all the executors need.
 */
public final class SparkClusterTraining implements ClusterTraining {

    /** How long a TCP connection to a standalone master may take before it counts as unreachable. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Property: seconds to wait for the executors to register (default 60). */
    static final String EXECUTOR_WAIT = "spark.rnnsuite.executorWaitSeconds";
    /**
     * Property: {@code false} makes the driver send the minibatches even for a file the workers could
     * read themselves (default {@code true}: they read their own ranges of it).
     */
    static final String WORKERS_READ = "spark.rnnsuite.workersReadData";
    /** What Spark needs opened on Java 17; given to executors unless spark.executor.extraJavaOptions is set. */
    static final String JAVA_17_OPENS = java.util.stream.Stream.of("java.lang", "java.lang.invoke", "java.lang.reflect",
                    "java.io", "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
                    "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar")
            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED")
            .collect(java.util.stream.Collectors.joining(" ")) + " -Dio.netty.tryReflectionSetAccessible=true";

    @Override
    public Session connect(ClusterSettings settings) {
        SparkMaster master = SparkMaster.parse(settings.master());
        int workers = settings.workers();
        if (workers <= 0) {
            workers = master.threads().orElseThrow(() -> new UserInputException("--spark " + master.url()
                    + ": give --workers N, the executors to train on"));
        }
        if (settings.averagingFrequency() < 1) {
            throw new UserInputException("--averaging-frequency must be at least 1, got " + settings.averagingFrequency());
        }
        master.checkReachable(CONNECT_TIMEOUT_MILLIS);
        SparkConf conf = new SparkConf().setMaster(master.url()).setAppName(settings.applicationName())
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.ui.showConsoleProgress", "false")
                .setIfMissing("spark.executorEnv.OMP_NUM_THREADS", System.getenv().getOrDefault("OMP_NUM_THREADS", "1"));
        if (master.loopback()) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!master.local()) {
            conf.setIfMissing("spark.executor.cores", "1").setIfMissing("spark.cores.max", Integer.toString(workers))
                    .setIfMissing("spark.executor.extraJavaOptions", JAVA_17_OPENS);
            if (!conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath")) {
                conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            }
        }
        JavaSparkContext spark;
        try {
            spark = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new UserInputException("--spark " + master.url() + ": Spark could not start (" + firstLine(e) + ")");
        }
        if (!master.local()) {
            try {
                awaitExecutors(spark, master, workers, conf.getInt(EXECUTOR_WAIT, 60));
            } catch (RuntimeException e) {
                spark.stop();
                throw e;
            }
        }
        return new ParameterAveraging(spark, master, workers, settings.averagingFrequency(), conf.getBoolean(WORKERS_READ, true));
    }

    private static void awaitExecutors(JavaSparkContext spark, SparkMaster master, int workers, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int registered = 0;
        while (System.nanoTime() < deadline) {
            if (spark.sc().isStopped()) {
                throw new UserInputException("--spark " + master.url() + ": the master ended the application before "
                        + workers + " executors started (is it a Spark " + spark.version()
                        + " standalone master? did the executors fail to start? see the workers' logs)");
            }
            registered = spark.sc().statusTracker().getExecutorInfos().length - 1; // less the driver
            if (registered >= workers) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new UserInputException(String.format(Locale.ROOT, "--spark %s: %d of %d executors registered within %d s "
                + "(are enough workers up, with a free core and spark.executor.memory each? --workers sets how many)",
                master.url(), Math.max(0, registered), workers, seconds));
    }

    private static String firstLine(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.lines().findFirst().orElse(text);
    }
}
