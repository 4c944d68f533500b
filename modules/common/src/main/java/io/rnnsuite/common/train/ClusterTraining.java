package io.rnnsuite.common.train;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A cluster that the train command's {@code --spark MASTER} fits minibatches on, found with
 * {@link ServiceLoader} (the rnn-suite-spark module registers one), so that common itself does not
 * depend on the cluster's libraries.
 */
public interface ClusterTraining {

    /**
     * Connects to the cluster: a master that is malformed or cannot be reached is a one-line
     * {@link io.rnnsuite.common.UserInputException}, within a bounded time.
     */
    Session connect(ClusterSettings settings);

    /** A connected cluster; closing it disconnects. */
    interface Session extends FitStrategy, AutoCloseable {
        @Override
        void close();
    }

    /** The registered implementation, if one is on the class path. */
    static Optional<ClusterTraining> find() {
        return ServiceLoader.load(ClusterTraining.class).findFirst();
    }

    /**
     * How to train on the cluster.
     *
     * @param master             {@code local[N]} or {@code spark://host:port}
     * @param workers            data partitions fitted in parallel each round; 0 = N of {@code local[N]}
     * @param averagingFrequency minibatches each worker fits between two averagings (at least 1)
     * @param applicationName    how the cluster lists the run
     */
    record ClusterSettings(String master, int workers, int averagingFrequency, String applicationName) {
    }
}
