package io.rnnsuite.common.train;

import java.util.HashMap;
import java.util.Map;
import io.rnnsuite.layers.ArrayNorms;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Watches every gradient as DL4J computes it, before the updater clips it: the largest norm seen
 * (the whole gradient's L2 norm) and how many gradient steps had a layer whose gradient exceeded
 * the clipping threshold (the steps that per-layer clipping changed). A minibatch is one step, or
 * several with truncated BPTT. Training stability in figures.
 */
final class GradientMonitor extends BaseTrainingListener {

    private final double clipThreshold;
    private double maxNorm;
    private long clippedUpdates;
    private long updates;

    GradientMonitor(double clipThreshold) {
        this.clipThreshold = clipThreshold;
    }

    @Override
    public void onGradientCalculation(Model model) {
        Gradient gradient = model.gradient();
        if (gradient == null) {
            return;
        }
        Map<String, Double> squaredByLayer = new HashMap<>();
        double total = 0;
        for (Map.Entry<String, INDArray> entry : gradient.gradientForVariable().entrySet()) {
            double squared = ArrayNorms.squaredL2(entry.getValue());
            total += squared;
            String key = entry.getKey();
            int cut = key.lastIndexOf('_');
            squaredByLayer.merge(cut > 0 ? key.substring(0, cut) : key, squared, Double::sum);
        }
        updates++;
        double norm = Math.sqrt(total);
        if (Double.isFinite(norm) ? norm > maxNorm : true) {
            maxNorm = norm;
        }
        if (clipThreshold > 0) {
            double limit = clipThreshold * clipThreshold;
            if (squaredByLayer.values().stream().anyMatch(s -> s > limit)) {
                clippedUpdates++;
            }
        }
    }

    /** The largest gradient L2 norm seen (infinite or NaN if one was). */
    double maxNorm() {
        return maxNorm;
    }

    /** Updates in which at least one layer's gradient exceeded the clipping threshold. */
    long clippedUpdates() {
        return clippedUpdates;
    }

    /** Gradients computed (one per minibatch, or one per truncated-BPTT window). */
    long steps() {
        return updates;
    }
}
