package io.rnnsuite.seq2seq.model;

import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Greedy and beam-search decoding through the step graph: one {@code rnnTimeStep} call per output
 * token for the whole batch (or all live beams), the decoder's recurrent state carrying the prefix,
 * so a sentence of n tokens costs n decoder steps, never a re-run of the whole graph. At most
 * {@code maxTargetLength + 1} steps are taken (room for EOS); a hypothesis still open then is cut
 * and marked {@link Translation#reachedLimit()}.
 */
final class StepDecoder {

    private final ComputationGraph step;
    private final SequenceCodec codec;
    private final boolean attention;

    StepDecoder(ComputationGraph step, SequenceCodec codec, boolean attention) {
        this.step = step;
        this.codec = codec;
        this.attention = attention;
    }

    /** Most-probable token at every step, for every sentence of the batch at once. */
    List<Translation> greedy(EncodedSource encoded) {
        int batch = encoded.batchSize();
        step.rnnClearPreviousState();
        List<List<Integer>> tokens = new ArrayList<>();
        double[] logProbabilities = new double[batch];
        boolean[] done = new boolean[batch];
        int[] previous = new int[batch];
        for (int b = 0; b < batch; b++) {
            tokens.add(new ArrayList<>());
            previous[b] = codec.bosIndex();
        }
        int open = batch;
        for (int t = 0; t <= codec.maxTargetLength() && open > 0; t++) {
            INDArray probabilities = next(previous, encoded);
            for (int b = 0; b < batch; b++) {
                if (done[b]) {
                    continue;
                }
                int best = argmax(probabilities, b);
                if (t == codec.maxTargetLength() && best != codec.eosIndex()) {
                    continue; // no room left: the sentence is cut here, marked as reaching the limit
                }
                tokens.get(b).add(best);
                logProbabilities[b] += Math.log(probabilities.getDouble(b, best));
                previous[b] = best;
                if (best == codec.eosIndex()) {
                    done[b] = true;
                    open--;
                }
            }
        }
        List<Translation> out = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            out.add(new Translation(codec.decode(tokens.get(b)), List.copyOf(tokens.get(b)), logProbabilities[b], !done[b]));
        }
        return out;
    }

    /**
     * Beam search for one sentence (row {@code row} of {@code encoded}): keeps the {@code width} best
     * prefixes, finishes when {@code width} hypotheses have produced EOS (or at the length limit),
     * and returns the finished one with the best {@code logP / length^lengthPenalty}.
     */
    Translation beam(EncodedSource encoded, int row, int width, double lengthPenalty) {
        step.rnnClearPreviousState();
        List<Hypothesis> live = List.of(new Hypothesis(List.of(), 0));
        List<Hypothesis> finished = new ArrayList<>();
        for (int t = 0; t <= codec.maxTargetLength() && !live.isEmpty() && finished.size() < width; t++) {
            boolean noRoomLeft = t == codec.maxTargetLength();
            int[] previous = live.stream().mapToInt(h -> h.tokens.isEmpty() ? codec.bosIndex() : h.last()).toArray();
            INDArray probabilities = next(previous, encoded.repeatRow(row, live.size()));
            List<Candidate> candidates = new ArrayList<>();
            for (int h = 0; h < live.size(); h++) {
                for (int token = 0; token < probabilities.size(1); token++) {
                    double p = probabilities.getDouble(h, token);
                    if (p > 0) {
                        candidates.add(new Candidate(h, token, live.get(h).logProbability + Math.log(p)));
                    }
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::logProbability).reversed());
            List<Hypothesis> nextLive = new ArrayList<>();
            List<Integer> parents = new ArrayList<>();
            int taken = finished.size();
            for (Candidate c : candidates) {
                if (taken++ >= width) {
                    break;
                }
                Hypothesis extended = live.get(c.parent).extend(c.token, c.logProbability);
                if (c.token == codec.eosIndex()) {
                    finished.add(extended);
                } else if (!noRoomLeft) {
                    nextLive.add(extended);
                    parents.add(c.parent);
                }
            }
            if (!nextLive.isEmpty()) {
                reorderState(parents.stream().mapToInt(Integer::intValue).toArray());
            }
            if (noRoomLeft) {
                break; // the open prefixes in 'live' are cut at the limit
            }
            live = nextLive;
        }
        boolean cut = finished.isEmpty();
        List<Hypothesis> pool = cut ? live : finished;
        Hypothesis best = pool.stream()
                .max(Comparator.comparingDouble(h -> h.logProbability / Math.pow(h.tokens.size(), lengthPenalty)))
                .orElseThrow();
        return new Translation(codec.decode(best.tokens), best.tokens, best.logProbability, cut);
    }

    /** Output distributions {@code [steps, vocabulary]} for the given decoder inputs, fed one per step. */
    INDArray teacherForced(EncodedSource encoded, List<Integer> inputs) {
        step.rnnClearPreviousState();
        INDArray out = Nd4j.create(DataType.FLOAT, inputs.size(), codec.targetVocabulary().size());
        for (int t = 0; t < inputs.size(); t++) {
            out.putRow(t, next(new int[]{inputs.get(t)}, encoded).getRow(0));
        }
        return out;
    }

    /** Next-token probabilities {@code [batch, vocabulary]} after feeding {@code tokens}. */
    private INDArray next(int[] tokens, EncodedSource encoded) {
        List<int[]> steps = new ArrayList<>(tokens.length);
        for (int token : tokens) {
            steps.add(new int[]{token});
        }
        INDArray input = SequenceCodec.oneHot(steps, codec.targetVocabulary().size());
        INDArray output;
        if (attention) {
            // attention must skip the padded source steps, as it did in training
            step.setLayerMaskArrays(new INDArray[]{Nd4j.ones(DataType.FLOAT, tokens.length, 1), null, encoded.mask()}, null);
            output = step.rnnTimeStep(input, encoded.last(), encoded.outputs())[0];
        } else {
            output = step.rnnTimeStep(input, encoded.last())[0];
        }
        return output.reshape(tokens.length, output.size(1));
    }

    /** Keeps, in order, the decoder states of the beams that survived (a beam may be copied). */
    private void reorderState(int[] parents) {
        Map<String, INDArray> state = step.rnnGetPreviousState(Seq2SeqGraphs.DECODER);
        state.replaceAll((key, array) -> array.getRows(parents));
        step.rnnSetPreviousState(Seq2SeqGraphs.DECODER, state);
    }

    private static int argmax(INDArray probabilities, int row) {
        int best = 0;
        for (int i = 1; i < probabilities.size(1); i++) {
            if (probabilities.getDouble(row, i) > probabilities.getDouble(row, best)) {
                best = i;
            }
        }
        return best;
    }

    private record Candidate(int parent, int token, double logProbability) {
    }

    private record Hypothesis(List<Integer> tokens, double logProbability) {
        int last() {
            return tokens.get(tokens.size() - 1);
        }

        Hypothesis extend(int token, double newLogProbability) {
            List<Integer> longer = new ArrayList<>(tokens);
            longer.add(token);
            return new Hypothesis(List.copyOf(longer), newLogProbability);
        }
    }
}
