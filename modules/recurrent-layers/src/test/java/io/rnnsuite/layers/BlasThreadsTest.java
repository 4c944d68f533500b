package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code --blas-threads} and reproducibility: with a given thread count the fast layers give the
 * same bits run after run; between one and two threads OpenBLAS's split products differ in the
 * last bits (3e-7 here), so a seeded run repeats exactly only at the same {@code --blas-threads}.
 * (Surefire sizes OpenBLAS's pool at two threads; products of this size are split.)
 */
class BlasThreadsTest {

    @AfterEach
    void restoreDefault() {
        BlasThreads.applyBlas(1);
    }

    @Test
    void repeatsExactlyAtOneThreadCountAndAgreesAcrossThem() {
        String pool = System.getenv("OPENBLAS_NUM_THREADS");
        assumeTrue(pool != null && Integer.parseInt(pool.trim()) >= 2,
                "OpenBLAS's pool has one thread here (OPENBLAS_NUM_THREADS unset or 1): nothing to compare");
        MultiLayerNetwork net = FastLayerContract.network(
                new FastLstm.Builder().nIn(64).nOut(128).build(),
                DataType.FLOAT, RNNFormat.NCW, 128);
        Nd4j.getRandom().setSeed(5);
        INDArray features = Nd4j.randn(DataType.FLOAT, 64, 64, 20);
        INDArray labels = Nd4j.randn(DataType.FLOAT, 64, FastLayerContract.OUT, 20);

        double[] one = outputAndGradient(net, features, labels, 1);
        double[] two = outputAndGradient(net, features, labels, 2);

        assertArrayEquals(one, outputAndGradient(net, features, labels, 1), 0.0, "1 thread, run again");
        assertArrayEquals(two, outputAndGradient(net, features, labels, 2), 0.0, "2 threads, run again");
        for (int i = 0; i < one.length; i++) {
            assertEquals(one[i], two[i], 1e-5 * Math.max(1, Math.abs(one[i])), "1 vs 2 threads at " + i);
        }
    }

    @Test
    void restoresItsCountAfterSomethingElseChangedIt() {
        String pool = System.getenv("OPENBLAS_NUM_THREADS");
        assumeTrue(pool != null && Integer.parseInt(pool.trim()) >= 2,
                "OpenBLAS's pool has one thread here (OPENBLAS_NUM_THREADS unset or 1): nothing to change");
        BlasThreads.applyBlas(1);
        BlasThreads.useBlasThreads();
        assertEquals(1, org.bytedeco.openblas.global.openblas.blas_get_num_threads());
        // what ND4J's start-up or another library may do between two passes
        org.bytedeco.openblas.global.openblas.blas_set_num_threads(2);
        BlasThreads.useBlasThreads();
        assertEquals(1, org.bytedeco.openblas.global.openblas.blas_get_num_threads(), "set back to 1");
        RowSplit.setEnabled(false);
        try {
            BlasThreads.applyBlas(2);
            BlasThreads.useBlasThreads();
            assertEquals(2, org.bytedeco.openblas.global.openblas.blas_get_num_threads(), "a new setting is applied");
        } finally {
            RowSplit.setEnabled(true);
        }
        if (RowSplit.active()) {
            // two cores through the layers' own split: BLAS itself on one thread
            BlasThreads.useBlasThreads();
            assertEquals(1, org.bytedeco.openblas.global.openblas.blas_get_num_threads(), "one BLAS thread under the split");
        }
    }

    /** The network's output followed by its gradient, with OpenBLAS on {@code threads} threads. */
    private static double[] outputAndGradient(MultiLayerNetwork net, INDArray features, INDArray labels, int threads) {
        BlasThreads.applyBlas(threads);
        INDArray output = net.output(features).dup();
        INDArray gradient = gradient(net, features, labels);
        return Nd4j.concat(0, output.reshape(-1), gradient.reshape(-1)).toDoubleVector();
    }

    private static INDArray gradient(MultiLayerNetwork net, INDArray features, INDArray labels) {
        net.setInput(features);
        net.setLabels(labels);
        net.computeGradientAndScore();
        Gradient gradient = net.gradient();
        return gradient.gradient().dup();
    }
}
