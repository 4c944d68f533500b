package io.rnnsuite.seq2seq.model;

import io.rnnsuite.seq2seq.data.SequenceCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reference beam search: one sentence at a time, its live beams the rows of each decoder step
 * (how {@link StepDecoder} decoded before it batched whole groups of sentences). Tests check the
 * batched search against it.
 */
final class PerSentenceBeamSearch {

    private PerSentenceBeamSearch() {
    }

    /**
     * Beam search for one sentence (row {@code row} of {@code encoded}): keeps the {@code width} best
     * prefixes, finishes when {@code width} hypotheses have produced EOS (or at the length limit),
     * and returns the finished one with the best {@code logP / length^lengthPenalty}.
     */
    static Translation beam(StepDecoder decoder, SequenceCodec codec, EncodedSource encoded, int row, int width,
                            double lengthPenalty) {
        decoder.clearState();
        List<Hypothesis> live = List.of(new Hypothesis(List.of(), 0));
        List<Hypothesis> finished = new ArrayList<>();
        for (int t = 0; t <= codec.maxTargetLength() && !live.isEmpty() && finished.size() < width; t++) {
            boolean noRoomLeft = t == codec.maxTargetLength();
            int[] previous = live.stream().mapToInt(h -> h.tokens.isEmpty() ? codec.bosIndex() : h.last()).toArray();
            int[] copies = new int[live.size()];
            Arrays.fill(copies, row);
            INDArray probabilities = decoder.next(previous, encoded.rows(copies));
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
                decoder.reorderState(parents.stream().mapToInt(Integer::intValue).toArray());
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
