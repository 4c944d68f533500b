/**
 * Character language models: {@link io.rnnsuite.charlm.CharLmApp} implements common's app
 * contract; a corpus is split contiguously ({@code data}), learned by a stacked recurrent network
 * with truncated BPTT ({@code model}), scored in bits per character and perplexity beside
 * unigram and Witten–Bell n-gram baselines ({@code baseline}), and sampled one character at a
 * time ({@code cli}'s {@code sample}).
 */
package io.rnnsuite.charlm;
