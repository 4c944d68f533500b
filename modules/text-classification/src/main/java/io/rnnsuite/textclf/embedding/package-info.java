/**
 * Where the classifier's word embeddings start from: learned from scratch, trained by DL4J
 * Word2Vec on the training texts, or read from the user's GloVe / word2vec text file.
 */
package io.rnnsuite.textclf.embedding;
