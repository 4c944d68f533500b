package io.rnnsuite.common.cli;

import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.train.ClusterTraining;
import io.rnnsuite.common.train.FitScope;
import picocli.CommandLine.Option;

/**
 * The train command's data-parallel flags: {@code --spark MASTER} fits the minibatches on an Apache
 * Spark cluster by synchronous parameter averaging ({@code --workers} partitions, averaged every
 * {@code --averaging-frequency} minibatches), through the {@link ClusterTraining} on the class
 * path (module rnn-suite-spark). Without {@code --spark} the other two are refused.
 */
public class ClusterOptions {

    /** Minibatches each worker fits between two averagings when {@code --averaging-frequency} is not given. */
    public static final int DEFAULT_AVERAGING_FREQUENCY = 5;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Train on Apache Spark: local[N] (N worker threads here) or spark://host:port (a standalone cluster) "
                    + "(default: none, train in this process).")
    public String spark;

    @Option(names = "--workers", converter = Ranges.AtLeastOne.class, paramLabel = "N",
            description = "With --spark: data partitions fitted in parallel (default: N of local[N]; required for spark://).")
    public Integer workers;

    @Option(names = "--averaging-frequency", converter = Ranges.AtLeastOne.class, paramLabel = "K",
            description = "With --spark: minibatches each worker fits between two parameter averagings (default: "
                    + DEFAULT_AVERAGING_FREQUENCY + ").")
    public Integer averagingFrequency;

    /**
     * Connects to the cluster and makes it the current thread's fitting until the returned scope is
     * closed; without {@code --spark}, a scope that changes nothing.
     */
    public Scope open(String applicationName) {
        if (spark == null) {
            if (workers != null || averagingFrequency != null) {
                throw new UserInputException((workers != null ? "--workers" : "--averaging-frequency")
                        + " needs --spark MASTER (local[N] or spark://host:port)");
            }
            return new Scope(null, null);
        }
        ClusterTraining cluster = ClusterTraining.find().orElseThrow(() -> new UserInputException(
                "--spark: this build has no Spark support (the rnn-suite-spark module is not on the class path)"));
        ClusterTraining.Session session = cluster.connect(new ClusterTraining.ClusterSettings(spark.trim(),
                workers == null ? 0 : workers,
                averagingFrequency == null ? DEFAULT_AVERAGING_FREQUENCY : averagingFrequency, applicationName));
        return new Scope(session, FitScope.install(session));
    }

    /** The connected cluster (if any) installed as this thread's fitting; closing disconnects. */
    public static final class Scope implements AutoCloseable {
        private final ClusterTraining.Session session;
        private final FitScope fitScope;

        Scope(ClusterTraining.Session session, FitScope fitScope) {
            this.session = session;
            this.fitScope = fitScope;
        }

        @Override
        public void close() {
            if (fitScope != null) {
                fitScope.close();
            }
            if (session != null) {
                session.close();
            }
        }
    }
}
