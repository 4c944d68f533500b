package io.rnnsuite.speech.bench;

import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.ctc.CtcLoss;
import io.rnnsuite.speech.data.Utterance;
import io.rnnsuite.speech.model.Batches;
import io.rnnsuite.speech.model.SpeechNetwork;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What one CTC training batch costs in memory: Java heap allocated per {@code fit} (all threads),
 * the part of it the CTC loss allocates (measured by calling the loss on arrays shaped as the
 * output layer hands them over, as often as one {@code fit} calls it), and ND4J's off-heap bytes
 * (JavaCPP's count, workspaces included) after and at the peak of a batch.
 */
public final class CtcTrainingMemory {

    /** DL4J's output layer evaluates the loss twice per update: once for the score, once for the gradient. */
    public static final int LOSS_CALLS_PER_FIT = 2;

    /**
     * Medians over the timed batches.
     *
     * @param frames              frames of the longest utterance (the others have 2/3 to all of it)
     * @param fitMs               milliseconds per {@code fit}
     * @param heapBytesPerFit     Java heap allocated by one {@code fit}, every thread
     * @param ctcHeapBytesPerFit  of it, allocated by the CTC loss's {@value #LOSS_CALLS_PER_FIT} evaluations
     * @param lossCallsPerFit     loss evaluations per {@code fit}
     * @param offHeapAfterBytes   JavaCPP-tracked off-heap bytes in use after a batch
     * @param offHeapPeakBytes    their peak during a batch (sampled every 2 ms)
     * @param batchBytes          the batch's features, labels and masks as float32
     */
    public record Result(int frames, double fitMs, double heapBytesPerFit, double ctcHeapBytesPerFit, int lossCallsPerFit,
                         double offHeapAfterBytes, double offHeapPeakBytes, double batchBytes) {
    }

    private CtcTrainingMemory() {
    }

    public static Result measure(SpeechConfig config, int batch, int frames, int warmup, int repeats) {
        int dimension = config.features().dimension();
        MultiLayerNetwork network = SpeechNetwork.build(config, dimension, SpeechNetwork.CTC_CLASSES - 1);
        Random random = new Random(3);
        List<MultiDataSet> examples = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            float[][] f = new float[frames - random.nextInt(frames / 3 + 1)][dimension]; // padded and masked like real batches
            for (float[] row : f) {
                for (int j = 0; j < dimension; j++) {
                    row[j] = (float) random.nextGaussian();
                }
            }
            int[] targets = new int[5];
            for (int k = 0; k < targets.length; k++) {
                targets[k] = 1 + random.nextInt(SpeechNetwork.CTC_CLASSES - 1);
            }
            examples.add(Batches.example(new Utterance("u" + i, f, -1, targets, "", "bench", "clean"), true, 0));
        }
        MultiDataSet data = MultiDataSet.merge(examples);
        double batchBytes = 4.0 * (data.getFeatures(0).length() + data.getLabels(0).length()
                + (data.getFeaturesMaskArray(0) == null ? 0 : 2 * data.getFeaturesMaskArray(0).length()));
        double[] fitMs = new double[repeats];
        double[] heap = new double[repeats];
        double[] ctc = new double[repeats];
        double[] after = new double[repeats];
        double[] peak = new double[repeats];
        for (int run = -warmup; run < repeats; run++) {
            AtomicLong highest = new AtomicLong(Pointer.totalBytes());
            Thread sampler = sampler(highest);
            long heap0 = allocatedAllThreads();
            long t0 = System.nanoTime();
            network.fit(data);
            long t1 = System.nanoTime();
            long heap1 = allocatedAllThreads();
            sampler.interrupt();
            long ctcBytes = lossAllocation(data);
            if (run >= 0) {
                fitMs[run] = (t1 - t0) / 1e6;
                heap[run] = heap1 - heap0;
                ctc[run] = ctcBytes;
                after[run] = Pointer.totalBytes();
                peak[run] = Math.max(highest.get(), Pointer.totalBytes());
            }
        }
        return new Result(frames, RecognitionTiming.median(fitMs), RecognitionTiming.median(heap), RecognitionTiming.median(ctc),
                LOSS_CALLS_PER_FIT, RecognitionTiming.median(after), RecognitionTiming.median(peak), batchBytes);
    }

    /** Heap bytes the CTC loss allocates on this thread for one update's evaluations on this batch's shapes. */
    private static long lossAllocation(MultiDataSet data) {
        INDArray labels = TimeSeriesUtils.reshape3dTo2d(data.getLabels(0));
        INDArray mask = data.getLabelsMaskArray(0) == null ? null
                : TimeSeriesUtils.reshapeTimeSeriesMaskToVector(data.getLabelsMaskArray(0));
        INDArray preOutput = Nd4j.randn(DataType.FLOAT, labels.rows(), labels.columns());
        CtcLoss loss = new CtcLoss();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        loss.computeScore(labels, preOutput, new ActivationSoftmax(), mask, true);
        loss.computeGradient(labels, preOutput, new ActivationSoftmax(), mask);
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }

    private static Thread sampler(AtomicLong highest) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                highest.accumulateAndGet(Pointer.totalBytes(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "off-heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Heap bytes allocated so far by every live thread. */
    static long allocatedAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long v : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, v);
        }
        return sum;
    }
}
