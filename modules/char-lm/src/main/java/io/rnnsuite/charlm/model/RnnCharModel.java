package io.rnnsuite.charlm.model;

import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.layers.OffHeap;
import java.nio.FloatBuffer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Scores text with a trained network. The text is cut into {@link #STREAMS} contiguous streams
 * read side by side as one minibatch, in chunks whose recurrent state carries over through
 * {@code rnnTimeStep}: every character is predicted from everything before it in its stream, at
 * the cost of one forward pass over the text.
 */
public final class RnnCharModel implements NextCharModel {

    static final int STREAMS = 32;
    static final int CHUNK = 250;
    /** Floor for a probability before its logarithm (float softmax can round to 0). */
    private static final double MIN_PROBABILITY = 1e-30;

    private final MultiLayerNetwork net;
    private final int vocabularySize;
    private final String name;

    public RnnCharModel(MultiLayerNetwork net, int vocabularySize, String name) {
        this.net = net;
        this.vocabularySize = vocabularySize;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized double totalNats(int[] text) {
        int predictions = text.length - 1;
        int streams = Math.min(STREAMS, predictions);
        int streamLength = (predictions + streams - 1) / streams;
        int[] starts = new int[streams];
        for (int s = 0; s < streams; s++) {
            starts[s] = s * streamLength;
        }
        double nats = 0;
        net.rnnClearPreviousState();
        try {
            for (int offset = 0; offset < streamLength; offset += CHUNK) {
                int length = Math.min(CHUNK, streamLength - offset);
                INDArray input = OneHot.sequences(text, starts, offset, length, vocabularySize);
                INDArray probabilities = net.rnnTimeStep(input);
                FloatBuffer out = standardFloats(probabilities);
                for (int s = 0; s < streams; s++) {
                    for (int t = 0; t < length; t++) {
                        int position = starts[s] + offset + t; // input position; predicts position + 1
                        if (position < predictions && (s + 1 == streams || position < starts[s + 1])) {
                            int target = text[position + 1];
                            double p = out.get((s * vocabularySize + target) * length + t);
                            nats -= Math.log(Math.max(p, MIN_PROBABILITY));
                        }
                    }
                }
                // the buffer may be the array's own memory: read above, freed only now (so the next
                // chunk's arrays reuse it rather than fresh pages)
                OffHeap.free(input, probabilities);
            }
        } finally {
            net.rnnClearPreviousState();
        }
        return nats;
    }

    /**
     * The elements of {@code array} in c order as floats: the array's own memory when it is a
     * float array in standard c layout (no copy), else a copy.
     */
    private static FloatBuffer standardFloats(INDArray array) {
        if (array.dataType() == DataType.FLOAT && array.ordering() == 'c' && !array.isView()
                && array.offset() == 0 && Shape.hasDefaultStridesForShape(array)) {
            return array.data().asNioFloat();
        }
        return FloatBuffer.wrap(array.dup('c').castTo(DataType.FLOAT).data().asFloat());
    }
}
