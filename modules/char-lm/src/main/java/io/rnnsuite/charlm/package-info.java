/**
 * Character language models: a corpus is split contiguously, mapped to characters of a
 * training-split vocabulary, learned by a stacked SimpleRnn or LSTM with truncated BPTT, scored in
 * nats / perplexity / bits per character beside unigram and Witten–Bell n-gram baselines, and
 * sampled one character at a time through {@code rnnTimeStep}.
 */
package io.rnnsuite.charlm;
