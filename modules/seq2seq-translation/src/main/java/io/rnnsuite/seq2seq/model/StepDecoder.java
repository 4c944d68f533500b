package io.rnnsuite.seq2seq.model;

import io.rnnsuite.layers.ConditionedStepper;
import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Greedy and beam-search decoding through the step graph: one {@code rnnTimeStep} call per output
 * token for the whole batch (greedy: one row per sentence; beam search: one row per live hypothesis
 * of every sentence), the decoder's recurrent state carrying the prefix, so a sentence of n tokens
 * costs n decoder steps, never a re-run of the whole graph. At most {@code maxTargetLength + 1}
 * steps are taken (room for EOS); a hypothesis still open then is cut and marked
 * {@link Translation#reachedLimit()}.
 *
 * <p>Without attention and with the fast layers, greedy decoding, beam search and teacher-forced
 * steps run the decoder through a {@link ConditionedStepper} (no DL4J call per step: each
 * sentence's encoding is projected once, each row of each step reads one weight column for its
 * token); otherwise through the step graph's {@code rnnTimeStep}. Both give the same translations
 * (to float rounding in the probabilities). {@link #next}, {@link #reorderState} and
 * {@link #clearState} always use the step graph.
 */
final class StepDecoder {

    private final ComputationGraph step;
    private final SequenceCodec codec;
    private final boolean attention;
    /** Null where decoding needs the step graph's {@code rnnTimeStep}. */
    private final ConditionedStepper stepper;

    StepDecoder(ComputationGraph step, SequenceCodec codec, boolean attention) {
        this(step, codec, attention, true);
    }

    /**
     * @param useStepper decode through a {@link ConditionedStepper} where the step graph allows one;
     *                   false: always through {@code rnnTimeStep} (the reference path)
     */
    StepDecoder(ComputationGraph step, SequenceCodec codec, boolean attention, boolean useStepper) {
        this.step = step;
        this.codec = codec;
        this.attention = attention;
        this.stepper = useStepper && !attention ? ConditionedStepper.of(step.getLayer(Seq2SeqGraphs.DECODER),
                step.getLayer(Seq2SeqGraphs.OUTPUT), codec.targetVocabulary().size())
                .filter(s -> s.outputSize() == codec.targetVocabulary().size()).orElse(null) : null;
    }

    /** Whether decoding runs through a {@link ConditionedStepper} rather than the step graph. */
    boolean stepsWithoutDl4j() {
        return stepper != null;
    }

    /** The decoding steps: through the stepper or through the step graph. */
    private interface Steps {
        /** Next-token probabilities, {@code [rows, vocabulary]} row after row, for one token per row. */
        float[] next(int[] tokens, int[] sentenceOfRow, EncodedSource rows);

        /** Keeps, in order, the states of the rows that survived. */
        void keep(int[] parents);
    }

    /** Starts decoding {@code encoded} (zero state) with room for {@code maxRows} rows per step. */
    private Steps start(EncodedSource encoded, int maxRows) {
        if (stepper != null) {
            stepper.start(encoded.last(), maxRows);
            float[] buffer = new float[maxRows * codec.targetVocabulary().size()];
            return new Steps() {
                @Override
                public float[] next(int[] tokens, int[] sentenceOfRow, EncodedSource rows) {
                    stepper.step(tokens, sentenceOfRow, tokens.length, buffer);
                    return buffer;
                }

                @Override
                public void keep(int[] parents) {
                    stepper.keepRows(parents);
                }
            };
        }
        step.rnnClearPreviousState();
        return new Steps() {
            @Override
            public float[] next(int[] tokens, int[] sentenceOfRow, EncodedSource rows) {
                return values(StepDecoder.this.next(tokens, rows));
            }

            @Override
            public void keep(int[] parents) {
                reorderState(parents);
            }
        };
    }

    /** Most-probable token at every step, for every sentence of the batch at once. */
    List<Translation> greedy(EncodedSource encoded) {
        int batch = encoded.batchSize();
        int vocabulary = codec.targetVocabulary().size();
        Steps steps = start(encoded, batch);
        int[] ownRow = java.util.stream.IntStream.range(0, batch).toArray();
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
            float[] probabilities = steps.next(previous, ownRow, encoded);
            for (int b = 0; b < batch; b++) {
                if (done[b]) {
                    continue;
                }
                int best = argmax(probabilities, b * vocabulary, vocabulary);
                if (t == codec.maxTargetLength() && best != codec.eosIndex()) {
                    continue; // no room left: the sentence is cut here, marked as reaching the limit
                }
                tokens.get(b).add(best);
                logProbabilities[b] += Math.log(probabilities[b * vocabulary + best]);
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
     * Beam search for every sentence of {@code encoded} at once. Per sentence it keeps the
     * {@code width} best prefixes, finishes when {@code width} hypotheses have produced EOS (or at
     * the length limit), and returns the finished one with the best {@code logP / length^lengthPenalty}
     * (the cut prefixes if none finished). Each step feeds the live hypotheses of all open sentences
     * as the rows of one {@code rnnTimeStep} call (sentence by sentence, each against a copy of its
     * sentence's encoding); candidates are chosen per sentence, and the decoder state is then
     * reordered to the surviving hypotheses of the sentences still open.
     */
    List<Translation> beam(EncodedSource encoded, int width, double lengthPenalty) {
        int sentences = encoded.batchSize();
        int vocabulary = codec.targetVocabulary().size();
        int eos = codec.eosIndex();
        Steps steps = start(encoded, sentences * width);
        List<List<Hypothesis>> live = new ArrayList<>(sentences);
        List<List<Hypothesis>> finished = new ArrayList<>(sentences);
        boolean[] open = new boolean[sentences];
        for (int s = 0; s < sentences; s++) {
            live.add(List.of(Hypothesis.EMPTY));
            finished.add(new ArrayList<>());
            open[s] = true;
        }
        TopCandidates top = new TopCandidates(width);
        int[] rowSentences = null;
        EncodedSource rows = null;
        for (int t = 0; t <= codec.maxTargetLength(); t++) {
            boolean noRoomLeft = t == codec.maxTargetLength();
            int rowCount = 0;
            for (int s = 0; s < sentences; s++) {
                rowCount += open[s] ? live.get(s).size() : 0;
            }
            if (rowCount == 0) {
                break;
            }
            int[] sentenceOfRow = new int[rowCount];
            int[] previous = new int[rowCount];
            for (int s = 0, r = 0; s < sentences; s++) {
                if (open[s]) {
                    for (Hypothesis h : live.get(s)) {
                        sentenceOfRow[r] = s;
                        previous[r++] = h.tokens.length == 0 ? codec.bosIndex() : h.last();
                    }
                }
            }
            if (stepper == null && !Arrays.equals(sentenceOfRow, rowSentences)) {
                rowSentences = sentenceOfRow;
                rows = encoded.rows(sentenceOfRow);
            }
            float[] probabilities = steps.next(previous, sentenceOfRow, rows);
            int[] parents = new int[sentences * width];
            int survivors = 0;
            int firstRow = 0;
            for (int s = 0; s < sentences; s++) {
                if (!open[s]) {
                    continue;
                }
                List<Hypothesis> hypotheses = live.get(s);
                List<Hypothesis> done = finished.get(s);
                top.select(probabilities, firstRow, hypotheses, vocabulary, width - done.size());
                List<Hypothesis> nextLive = new ArrayList<>(top.count);
                int parentsBefore = survivors;
                for (int i = 0; i < top.count; i++) {
                    Hypothesis extended = hypotheses.get(top.parent[i]).extend(top.token[i], top.logProbability[i]);
                    if (top.token[i] == eos) {
                        done.add(extended);
                    } else if (!noRoomLeft) {
                        nextLive.add(extended);
                        parents[survivors++] = firstRow + top.parent[i];
                    }
                }
                firstRow += hypotheses.size();
                if (noRoomLeft) {
                    open[s] = false; // the open prefixes in 'live' are cut at the limit
                } else {
                    live.set(s, nextLive);
                    if (nextLive.isEmpty() || done.size() >= width) {
                        open[s] = false;
                        survivors = parentsBefore;
                    }
                }
            }
            if (noRoomLeft) {
                break;
            }
            if (survivors > 0) {
                steps.keep(Arrays.copyOf(parents, survivors));
            }
        }
        List<Translation> out = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
            boolean cut = finished.get(s).isEmpty();
            List<Hypothesis> pool = cut ? live.get(s) : finished.get(s);
            Hypothesis best = pool.stream()
                    .max(Comparator.comparingDouble(h -> h.logProbability / Math.pow(h.tokens.length, lengthPenalty)))
                    .orElseThrow();
            List<Integer> tokens = Arrays.stream(best.tokens).boxed().toList();
            out.add(new Translation(codec.decode(tokens), tokens, best.logProbability, cut));
        }
        return out;
    }

    /** Output distributions {@code [steps, vocabulary]} for the given decoder inputs, fed one per step. */
    INDArray teacherForced(EncodedSource encoded, List<Integer> inputs) {
        int vocabulary = codec.targetVocabulary().size();
        Steps steps = start(encoded, 1);
        float[] all = new float[inputs.size() * vocabulary];
        int[] firstRow = {0};
        for (int t = 0; t < inputs.size(); t++) {
            System.arraycopy(steps.next(new int[] {inputs.get(t)}, firstRow, encoded), 0, all, t * vocabulary, vocabulary);
        }
        return Nd4j.create(all, new long[] {inputs.size(), vocabulary}, 'c');
    }

    /** Next-token probabilities {@code [batch, vocabulary]} after feeding {@code tokens}. */
    INDArray next(int[] tokens, EncodedSource encoded) {
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

    /** Keeps, in order, the decoder states of the rows that survived (a row may be copied). */
    void reorderState(int[] parents) {
        Map<String, INDArray> state = step.rnnGetPreviousState(Seq2SeqGraphs.DECODER);
        state.replaceAll((key, array) -> array.getRows(parents));
        step.rnnSetPreviousState(Seq2SeqGraphs.DECODER, state);
    }

    /** Forgets the decoder state: the next {@link #next} call starts every row afresh. */
    void clearState() {
        step.rnnClearPreviousState();
    }

    /** A {@code [rows, vocabulary]} probability array read once, row after row. */
    private static float[] values(INDArray probabilities) {
        float[] values = Nd4j.toFlattened('c', probabilities).toFloatVector();
        if (values.length != probabilities.length()) {
            throw new IllegalStateException("read " + values.length + " probabilities, expected " + probabilities.length());
        }
        return values;
    }

    private static int argmax(float[] probabilities, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (probabilities[offset + i] > probabilities[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The best candidates (parent hypothesis, next token) of one sentence, as a stable descending
     * sort of all candidates with a positive probability would list them first: by log-probability,
     * ties in (parent, token) order.
     */
    private static final class TopCandidates {
        final int[] parent;
        final int[] token;
        final double[] logProbability;
        int count;

        TopCandidates(int width) {
            parent = new int[width];
            token = new int[width];
            logProbability = new double[width];
        }

        /** Keeps the {@code slots} best extensions of {@code hypotheses}, whose rows start at {@code firstRow}. */
        void select(float[] probabilities, int firstRow, List<Hypothesis> hypotheses, int vocabulary, int slots) {
            count = 0;
            for (int h = 0; h < hypotheses.size(); h++) {
                double base = hypotheses.get(h).logProbability;
                int offset = (firstRow + h) * vocabulary;
                for (int k = 0; k < vocabulary; k++) {
                    double p = probabilities[offset + k];
                    if (p > 0) {
                        insert(h, k, base + Math.log(p), slots);
                    }
                }
            }
        }

        private void insert(int h, int k, double score, int slots) {
            int at = count;
            while (at > 0 && Double.compare(score, logProbability[at - 1]) > 0) {
                at--; // strictly better than an earlier candidate: ties keep the earlier one first
            }
            if (at >= slots) {
                return;
            }
            int last = Math.min(count, slots - 1);
            for (int i = last; i > at; i--) {
                parent[i] = parent[i - 1];
                token[i] = token[i - 1];
                logProbability[i] = logProbability[i - 1];
            }
            parent[at] = h;
            token[at] = k;
            logProbability[at] = score;
            count = Math.min(count + 1, slots);
        }
    }

    private record Hypothesis(int[] tokens, double logProbability) {
        static final Hypothesis EMPTY = new Hypothesis(new int[0], 0);

        int last() {
            return tokens[tokens.length - 1];
        }

        Hypothesis extend(int token, double newLogProbability) {
            int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
            longer[tokens.length] = token;
            return new Hypothesis(longer, newLogProbability);
        }
    }
}
