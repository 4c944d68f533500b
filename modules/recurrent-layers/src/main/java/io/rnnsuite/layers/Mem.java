package io.rnnsuite.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A window on the native memory of an ND4J array: float or double elements addressed by index
 * from the array's first element. What the kernels read and write, through BLAS (pointers) and
 * through Java (a direct byte buffer, which the Vector API can load from).
 */
final class Mem {
    final boolean isDouble;
    /** Native byte order; element {@code i} starts at byte {@code i * bytesPerElement}. */
    final ByteBuffer bytes;
    /** The same memory as floats (null for double storage): the fastest scalar access. */
    final FloatBuffer floats;
    /** The same memory as doubles (null for float storage). */
    final DoubleBuffer doubles;
    private final Pointer base;
    final long length;

    private Mem(boolean isDouble, Pointer base, long length) {
        this.isDouble = isDouble;
        this.base = base;
        this.length = length;
        long bytesLength = length * (isDouble ? 8 : 4);
        this.bytes = new Pointer(base).capacity(bytesLength).limit(bytesLength).asByteBuffer()
                .order(ByteOrder.nativeOrder());
        this.floats = isDouble ? null : bytes.asFloatBuffer();
        this.doubles = isDouble ? bytes.asDoubleBuffer() : null;
    }

    /**
     * The memory of {@code array}, from its first element to its last: the whole array for a
     * contiguous one, the enclosing range for a strided view (address elements by its strides).
     */
    static Mem of(INDArray array) {
        DataType type = array.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("fast recurrent layers work in FLOAT or DOUBLE, not " + type);
        }
        long length = span(array);
        Pointer address = array.data().addressPointer();
        boolean isDouble = type == DataType.DOUBLE;
        Pointer first = isDouble ? new DoublePointer(address) : new FloatPointer(address);
        return new Mem(isDouble, first, length);
    }

    /** Whether {@code array}'s elements fill one unbroken range (no gaps, no negative strides): index i is element i. */
    static boolean isContiguous(INDArray array) {
        for (long stride : array.stride()) {
            if (stride < 0) {
                return false;
            }
        }
        return array.length() == 0 || span(array) == array.length();
    }

    /** Elements from the first to the last of an array with non-negative strides. */
    static long span(INDArray array) {
        if (array.length() == 0) {
            return 0;
        }
        long last = 0;
        long[] shape = array.shape();
        long[] stride = array.stride();
        for (int d = 0; d < shape.length; d++) {
            if (stride[d] < 0) {
                throw new IllegalArgumentException("negative strides are not supported");
            }
            last += (shape[d] - 1) * stride[d];
        }
        return last + 1;
    }

    /** A typed pointer to element {@code offset}, for one BLAS argument. */
    FloatPointer floatPointer(long offset) {
        return new FloatPointer(base).position(offset);
    }

    DoublePointer doublePointer(long offset) {
        return new DoublePointer(base).position(offset);
    }

    double get(long i) {
        return isDouble ? doubles.get((int) i) : floats.get((int) i);
    }

    void set(long i, double v) {
        if (isDouble) {
            doubles.put((int) i, v);
        } else {
            floats.put((int) i, (float) v);
        }
    }

    void add(long i, double v) {
        set(i, get(i) + v);
    }

    /** {@code length} elements of {@code from} at {@code fromOffset} into {@code to} at {@code toOffset} (either type). */
    static void copy(Mem from, long fromOffset, Mem to, long toOffset, int length) {
        if (from.floats != null && to.floats != null) {
            to.floats.put((int) toOffset, from.floats, (int) fromOffset, length);
        } else if (from.doubles != null && to.doubles != null) {
            to.doubles.put((int) toOffset, from.doubles, (int) fromOffset, length);
        } else {
            for (int i = 0; i < length; i++) {
                to.set(toOffset + i, from.get(fromOffset + i));
            }
        }
    }
}
