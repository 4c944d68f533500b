package io.rnnsuite.layers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A layer's working memory, kept between calls: named buffers outside every ND4J workspace
 * (they must outlive the forward pass until backpropagation), grown when a longer sequence or a
 * bigger batch arrives and reused otherwise, so a training loop allocates nothing per batch.
 */
final class Scratch {

    private final Map<String, INDArray> buffers = new HashMap<>();
    /** The last shaped view handed out per buffer: asked for again with the same shape, it is reused (no new shape information). */
    private final Map<String, INDArray> views = new HashMap<>();

    /** A c-order array of the given shape on buffer {@code name}; contents undefined. */
    INDArray array(String name, DataType type, long... shape) {
        long length = 1;
        for (long s : shape) {
            length *= s;
        }
        INDArray buffer = buffers.get(name);
        if (buffer == null || buffer.dataType() != type || buffer.length() < length) {
            buffer = Nd4j.createUninitializedDetached(type, Math.max(length, 1));
            buffers.put(name, buffer);
            views.remove(name);
        }
        INDArray view = views.get(name);
        if (view != null && Arrays.equals(view.shape(), shape)) {
            return view;
        }
        INDArray flat = buffer.length() == length ? buffer : buffer.get(NDArrayIndex.interval(0, length));
        view = flat.reshape('c', shape);
        views.put(name, view);
        return view;
    }

    /** Like {@link #array} but filled with {@code value}. */
    INDArray filled(String name, DataType type, double value, long... shape) {
        INDArray array = array(name, type, shape);
        array.assign(value);
        return array;
    }
}
