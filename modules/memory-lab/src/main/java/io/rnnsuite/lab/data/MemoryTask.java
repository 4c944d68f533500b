package io.rnnsuite.lab.data;

import io.rnnsuite.common.RecurrentSpec;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A synthetic task whose difficulty is one number, the sequence length {@code T}: the answer
 * depends on inputs that lie about {@code T} steps before the network must give it.
 */
public interface MemoryTask {

    /** Short name used on the command line and in file names ({@code adding}, {@code copy}). */
    String name();

    /** What {@link #loss} measures, for table headers ("MSE", "cross-entropy per step"). */
    String lossName();

    /** Loss of the best input-blind predictor at length {@code T}: the bar a network must clear. */
    double baselineLoss(int length);

    /** The baseline as a formula, for reports. */
    String baselineFormula();

    /** {@code count} fresh examples of length {@code T} as one minibatch (features NCW, labels). */
    MultiDataSet batch(int count, int length, Random random);

    /** A fresh, initialised network for this task with the given recurrent part. */
    MultiLayerNetwork network(RecurrentSpec spec, long seed, double learningRate, double clipNorm);

    /** The baseline predictor's loss measured on {@code data}, to check {@link #baselineLoss} numerically. */
    double measuredBaseline(MultiDataSet data);

    /** The task's loss of {@code network} on {@code data} (inference mode), computed here, not by DL4J's score. */
    double loss(MultiLayerNetwork network, MultiDataSet data);
}
