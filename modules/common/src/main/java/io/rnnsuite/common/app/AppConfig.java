package io.rnnsuite.common.app;

import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.TrainingConfig;

/**
 * What every app's configuration record has: a recurrent part and training settings, and a copy
 * with other ones (a compare run varies the first, a seed sweep the second). An app whose config
 * implements this gets {@link RnnApp#spec}, {@link RnnApp#training} and {@link RnnApp#with} for free.
 *
 * @param <C> the configuration type itself
 */
public interface AppConfig<C> {

    /** Cell, width, depth, direction, dropout, implementation. */
    RecurrentSpec recurrent();

    /** Epochs, batch size, learning rate, patience, clipping, seed, budget. */
    TrainingConfig training();

    /** The same configuration with another recurrent part and training settings. */
    C with(RecurrentSpec spec, TrainingConfig training);
}
