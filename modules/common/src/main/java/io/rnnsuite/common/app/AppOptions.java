package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.TrainingConfig;

/**
 * An app's own flags (data source, sizes of its non-recurrent parts): a picocli-annotated object
 * that the shared {@code train} and {@code compare} commands add beside common's recurrent,
 * training and run flags, and that turns them all into the app's configuration.
 */
public interface AppOptions<C> {

    /** The app's configuration from these flags and the shared ones. */
    C toConfig(RecurrentSpec spec, TrainingConfig training);
}
