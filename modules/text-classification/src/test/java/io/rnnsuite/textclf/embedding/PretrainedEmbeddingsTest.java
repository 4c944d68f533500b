package io.rnnsuite.textclf.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.textclf.SyntheticTexts;
import io.rnnsuite.textclf.TextClassificationConfig;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.TextSource;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.textclf.model.TextClassifierNetwork;
import io.rnnsuite.textclf.model.TextClassifierTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** --embeddings FILE and word2vec: the layer starts from the vectors, missing words are counted, bad files fail in one line. */
class PretrainedEmbeddingsTest {

    private static final int DIM = 8;

    @TempDir
    Path dir;

    private DataSplit split() throws IOException {
        Path csv = SyntheticTexts.writeCsv(dir.resolve("texts.csv"), 30, 1);
        return TextSource.csv(csv, "text", "label").split(0.2, 0.2, 3L);
    }

    private static TextClassificationConfig config(EmbeddingSource embeddings) {
        TrainingConfig training = new TrainingConfig(2, 16, 0.01, 2, 1.0, 3L, 4, 0);
        return new TextClassificationConfig(TextSource.bundled("wordnet-topics", false), 6, 1, 100, DIM, new RecurrentSpec(CellType.LSTM, 6, 1, false, 0.0),
                SequencePooling.LAST, 0.2, 0.2, training, embeddings);
    }

    private static float[] vectorOf(String word) {
        float[] v = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (word.hashCode() % 97 + d) / 100f;
        }
        return v;
    }

    private Path vectorsFile(List<String> words) throws IOException {
        StringBuilder sb = new StringBuilder(words.size() + " " + DIM + "\n");
        for (String w : words) {
            sb.append(w.toUpperCase(Locale.ROOT));
            for (float x : vectorOf(w)) {
                sb.append(' ').append(x);
            }
            sb.append('\n');
        }
        return Files.writeString(dir.resolve("vectors.txt"), sb.toString());
    }

    @Test
    void frozenFileVectorsAreTheLayersRowsAfterTrainingAndMissesAreCounted() throws IOException {
        List<String> inFile = List.of("fur", "sweet", "leaf", "not-in-the-data");
        EmbeddingSource source = EmbeddingSource.parse(vectorsFile(inFile).toString(), true);
        TextClassifierTrainer.Trained trained = TextClassifierTrainer.train(config(source), split(), null, false, null);
        Vocabulary vocabulary = trained.classifier().vocabulary();
        INDArray weights = trained.classifier().network().getLayer(0).getParam(TextClassifierNetwork.EMBEDDING_WEIGHTS);
        for (String w : List.of("fur", "sweet", "leaf")) {
            assertTrue(vocabulary.contains(w), w);
            assertArrayEquals(vectorOf(w), weights.getRow(vocabulary.indexOf(w)).toFloatVector(), 1e-6f, w);
        }
        assertArrayEquals(new float[DIM], weights.getRow(Vocabulary.PAD_INDEX).toFloatVector());
        assertEquals(3, trained.embeddings().found());
        assertEquals(vocabulary.size() - 2 - 3, trained.embeddings().missing());
        assertTrue(trained.embeddings().report().contains("3 of " + (vocabulary.size() - 2) + " vocabulary words found in "),
                trained.embeddings().report());
        assertEquals(3, trained.embeddings().asMap().get("words_found"));
    }

    @Test
    void fineTunedVectorsMoveDuringTraining() throws IOException {
        EmbeddingSource source = EmbeddingSource.parse(vectorsFile(List.of("fur", "tail")).toString(), false);
        TextClassifierTrainer.Trained trained = TextClassifierTrainer.train(config(source), split(), null, false, null);
        INDArray weights = trained.classifier().network().getLayer(0).getParam(TextClassifierNetwork.EMBEDDING_WEIGHTS);
        float[] fur = weights.getRow(trained.classifier().vocabulary().indexOf("fur")).toFloatVector();
        assertTrue(!java.util.Arrays.equals(vectorOf("fur"), fur), "fine-tuning changes the vector");
    }

    @Test
    void malformedOrMismatchedFilesFailInOneLineWithTheLineNumber() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "fur 1 2 3 4 5 6 7 8\ntail 1 2 3 4 5 6 7 eight\n");
        UserInputException e = assertThrows(UserInputException.class, () -> TextClassifierTrainer.train(
                config(EmbeddingSource.parse(bad.toString(), false)), split(), null, false, null));
        assertTrue(e.getMessage().contains("bad.txt line 2: value 8 'eight' is not a number"), e.getMessage());
        Path wide = Files.writeString(dir.resolve("wide.txt"), "fur 1 2 3\n");
        e = assertThrows(UserInputException.class, () -> TextClassifierTrainer.train(
                config(EmbeddingSource.parse(wide.toString(), false)), split(), null, false, null));
        assertTrue(e.getMessage().contains("wide.txt line 1: vectors have 3 values but --embedding-size is 8"),
                e.getMessage());
        assertThrows(UserInputException.class, () -> EmbeddingSource.parse(dir.resolve("absent.txt").toString(), false));
        assertThrows(UserInputException.class, () -> EmbeddingSource.parse("learned", true));
    }

    @Test
    void word2VecGivesOneRowPerVocabularyEntryAndIsDeterministicForASeed() throws IOException {
        WordTokenizer tokenizer = new WordTokenizer();
        List<List<String>> texts = split().train().stream().map(e -> tokenizer.tokenize(e.text())).toList();
        Vocabulary vocabulary = Vocabulary.build(texts, 1, 0);
        EmbeddingSource source = EmbeddingSource.parse("word2vec", false);
        InitialEmbeddings first = InitialEmbeddings.prepare(source, vocabulary, texts, DIM, 5L, Word2VecSettings.defaults());
        InitialEmbeddings second = InitialEmbeddings.prepare(source, vocabulary, texts, DIM, 5L, Word2VecSettings.defaults());
        assertArrayEquals(new long[] {vocabulary.size(), DIM}, first.matrix().weights().shape());
        assertEquals(vocabulary.size() - 2, first.found(), "every training word gets a Word2Vec vector");
        assertEquals(0, first.missing());
        assertArrayEquals(new float[DIM], first.matrix().weights().getRow(Vocabulary.PAD_INDEX).toFloatVector());
        assertEquals(first.matrix().weights(), second.matrix().weights(), "one worker + seed: same vectors");
        Map<String, Object> recorded = first.asMap();
        assertEquals("word2vec", recorded.get("source"));
    }
}
