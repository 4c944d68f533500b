package io.rnnsuite.seq2seq.model;

import org.nd4j.linalg.api.ndarray.INDArray;

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

    /**
     * The given rows, in the given order, a row repeated as often as it is named (beam search
     * decodes every live hypothesis of a sentence against a copy of that sentence's encoding).
     */
    EncodedSource rows(int[] rows) {
        long width = outputs.size(1);
        long time = outputs.size(2);
        INDArray flatOutputs = outputs.reshape('c', outputs.size(0), width * time);
        INDArray picked = flatOutputs.getRows(rows).reshape('c', rows.length, width, time);
        return new EncodedSource(last.getRows(rows), picked, mask.getRows(rows));
    }
}
