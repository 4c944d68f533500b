package io.rnnsuite.common.train;

/** Why training ended. */
public enum StopReason {
    /** All requested epochs ran. */
    MAX_EPOCHS,
    /** Validation loss stopped improving for {@code patience} epochs. */
    EARLY_STOPPING,
    /** The next epoch would not have fitted in the time budget. */
    TIME_BUDGET,
    /** A loss became NaN or infinite; the best model so far was kept. */
    DIVERGED,
    /** The validation loss reached the target the caller set ({@link Trainer#until}). */
    TARGET_REACHED
}
