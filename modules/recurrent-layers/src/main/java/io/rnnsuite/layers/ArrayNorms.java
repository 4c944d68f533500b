package io.rnnsuite.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Norms of whole arrays in one Java pass (vectorised for float) rather than an ND4J reduction op
 * each: what a listener that watches every gradient of every step needs (eight small arrays a
 * step on the char-LM's model, where ND4J's ops took about 0.7 ms together).
 */
public final class ArrayNorms {

    private ArrayNorms() {
    }

    /** The squared L2 norm of {@code a}: ND4J's {@code norm2} squared, to float rounding. */
    public static double squaredL2(INDArray a) {
        DataType type = a.dataType();
        if (a.length() == 0) {
            return 0;
        }
        if (a.length() > Integer.MAX_VALUE || (type != DataType.FLOAT && type != DataType.DOUBLE)
                || !Mem.isContiguous(a)) {
            double norm = a.norm2Number().doubleValue();
            return norm * norm;
        }
        return Pointwise.forType(type == DataType.DOUBLE).sumOfSquares((int) a.length(), Mem.of(a), 0);
    }
}
