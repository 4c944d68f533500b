package io.rnnsuite.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ArrayNormsTest {

    private static double nd4jSquared(INDArray a) {
        double norm = a.castTo(DataType.DOUBLE).norm2Number().doubleValue();
        return norm * norm;
    }

    @Test
    void equalsNd4jsNormSquaredForFloatDoubleViewsAndStridedArrays() {
        Nd4j.getRandom().setSeed(4);
        // 1,000 and 70,001 elements: a vector tail, and several float blocks summed in double
        for (int n : new int[] {1, 1000, 70_001}) {
            INDArray f = Nd4j.randn(DataType.FLOAT, 1, n);
            assertEquals(nd4jSquared(f), ArrayNorms.squaredL2(f), 1e-6 * nd4jSquared(f), "float, " + n);
            INDArray d = f.castTo(DataType.DOUBLE);
            assertEquals(nd4jSquared(d), ArrayNorms.squaredL2(d), 1e-12 * nd4jSquared(d), "double, " + n);
        }
        INDArray matrix = Nd4j.randn(DataType.FLOAT, 40, 30);
        INDArray rows = matrix.get(NDArrayIndex.interval(5, 12), NDArrayIndex.all()); // a contiguous view
        assertEquals(nd4jSquared(rows), ArrayNorms.squaredL2(rows), 1e-6 * nd4jSquared(rows), "rows view");
        INDArray column = matrix.getColumn(7); // strided: left to ND4J
        assertEquals(nd4jSquared(column), ArrayNorms.squaredL2(column), 1e-6 * nd4jSquared(column), "column");
        assertEquals(0.0, ArrayNorms.squaredL2(Nd4j.zeros(DataType.FLOAT, 0)), "empty");
        assertEquals(25.0, ArrayNorms.squaredL2(Nd4j.createFromArray(3f, 4f)), 0.0, "3, 4");
    }
}
