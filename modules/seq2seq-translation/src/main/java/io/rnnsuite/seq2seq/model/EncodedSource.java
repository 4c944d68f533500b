package io.rnnsuite.seq2seq.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The encoder's reading of a batch of equally long sources, computed once per sentence batch.
 *
 * @param last    the last encoder step, {@code [batch, width]}
 * @param outputs every encoder step, {@code [batch, width, time]} (attention's keys and values)
 * @param mask    {@code [batch, time]}: 1 for real source steps, 0 for padding
 */
record EncodedSource(INDArray last, INDArray outputs, INDArray mask) {

    int batchSize() {
        return (int) last.size(0);
    }

    /** Row {@code row} repeated {@code copies} times (one per beam). */
    EncodedSource repeatRow(int row, int copies) {
        int[] rows = new int[copies];
        java.util.Arrays.fill(rows, row);
        INDArray repeatedOutputs = Nd4j.concat(0, java.util.stream.IntStream.of(rows)
                .mapToObj(r -> outputs.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(r, r + 1),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all()))
                .toArray(INDArray[]::new));
        return new EncodedSource(last.getRows(rows), repeatedOutputs, mask.getRows(rows));
    }
}
