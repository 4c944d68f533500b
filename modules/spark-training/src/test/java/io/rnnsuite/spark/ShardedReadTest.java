package io.rnnsuite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rnnsuite.charlm.CharLmApp;
import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.data.CharSequenceBatches;
import io.rnnsuite.charlm.data.CharTextShards;
import io.rnnsuite.charlm.data.CorpusText;
import io.rnnsuite.charlm.data.PreparedCorpus;
import io.rnnsuite.common.app.AppModels;
import io.rnnsuite.common.app.RunRecordSchema;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.text.Vocabulary;
import io.rnnsuite.common.text.WordTokenizer;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.ShardedBatchSource;
import io.rnnsuite.textclf.data.CsvRowShards;
import io.rnnsuite.textclf.data.DataSplit;
import io.rnnsuite.textclf.data.TextEncoder;
import io.rnnsuite.textclf.data.TextSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import picocli.CommandLine;

/**
 * Workers reading their own ranges of the training file: a char-LM text cut by bytes and a CSV cut
 * by rows give, read as one range, exactly the minibatches the driver builds, and as several ranges
 * the same data; one worker reading its range trains the same char-LM as one process; a range no
 * worker can read is one line and exit code 2.
 */
class ShardedReadTest {

    @TempDir
    Path dir;

    /** Text with what a byte cut must respect: a byte-order mark, CRLF line ends, 2-, 3- and 4-byte characters. */
    private Path awkwardText() throws IOException {
        Random random = new Random(3);
        String[] words = {"über", "naïve", "café", "日本", "😀ok", "cat", "sat", "mat", "the"};
        StringBuilder sb = new StringBuilder("\uFEFF");
        while (sb.length() < 5000) {
            sb.append(words[random.nextInt(words.length)]).append(random.nextInt(7) == 0 ? ".\r\n" : " ");
        }
        return Files.writeString(dir.resolve("awkward.txt"), sb.toString(), StandardCharsets.UTF_8);
    }

    private static void assertSameMinibatches(Iterator<MultiDataSet> expected, Iterator<MultiDataSet> actual, int count) {
        for (int b = 0; b < count; b++) {
            assertTrue(expected.hasNext() && actual.hasNext(), "minibatch " + b);
            MultiDataSet e = expected.next();
            MultiDataSet a = actual.next();
            assertEquals(e.getFeatures(0), a.getFeatures(0), "features of minibatch " + b);
            assertEquals(e.getLabels(0), a.getLabels(0), "labels of minibatch " + b);
            INDArray mask = e.getFeaturesMaskArray(0);
            assertEquals(mask, a.getFeaturesMaskArray(0), "mask of minibatch " + b);
        }
        assertEquals(expected.hasNext(), actual.hasNext());
    }

    @Test
    void charLmRangesReadByByteGiveTheDriversMinibatchesAndTogetherTheWholeTrainingPart() throws IOException {
        Path file = awkwardText();
        CharLmConfig config = CharLmConfig.defaults().withSizes(16, 20, 20).withTextFile(file.toString());
        PreparedCorpus data = PreparedCorpus.prepare(CorpusText.file(file), config);
        CharTextShards shards = new CharTextShards(file, data.train(), data.vocabulary(), 20, 4);

        BatchSource one = shards.shards(1).get(0).read();
        CharSequenceBatches driver = new CharSequenceBatches(data.train(), data.vocabulary().size(), 20, 4);
        assertEquals(driver.batchesPerEpoch(), one.batchesPerEpoch());
        assertSameMinibatches(driver.epoch(new Random(9)), one.epoch(new Random(9)), driver.batchesPerEpoch());

        List<CharTextShards.CharTextShard> three = shards.shards(3);
        assertEquals(3, three.size());
        byte[] bytes = Files.readAllBytes(file);
        StringBuilder joined = new StringBuilder();
        for (CharTextShards.CharTextShard shard : three) {
            joined.append(new String(Arrays.copyOfRange(bytes, (int) shard.byteStart(), (int) shard.byteEnd()),
                    StandardCharsets.UTF_8).replace("\r\n", "\n"));
            assertEquals(shard.batchesPerEpoch(), shard.read().batchesPerEpoch(), shard.where());
        }
        assertArrayEquals(data.train(), data.vocabulary().encode(joined.toString()), "the ranges are the training part, in order");
        assertEquals(3, three.get(0).byteStart(), "after the byte-order mark");
    }

    @Test
    void classifierRowRangesGiveTheDriversMinibatchesAndTogetherEveryTrainingRow() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFtext,label\n");
        Random random = new Random(5);
        String[] texts = {"the river boat", "flour, butter\nand crust", "engine wheel brake", "café crème 😀", "a \"quoted\" road"};
        for (int i = 0; i < 90; i++) {
            int topic = random.nextInt(texts.length);
            String text = texts[topic] + " " + i;
            csv.append(text.matches("(?s).*[,\"\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text)
                    .append(",topic").append(topic % 3).append('\n');
            if (i % 17 == 0) {
                csv.append('\n'); // empty lines are skipped
            }
        }
        Path file = Files.writeString(dir.resolve("rows.csv"), csv.toString(), StandardCharsets.UTF_8);
        TextSource source = TextSource.csv(file, "text", "label");
        DataSplit split = source.split(0.1, 0.1, 42);
        WordTokenizer tokenizer = new WordTokenizer();
        Vocabulary vocabulary = Vocabulary.build(split.train().stream().map(e -> tokenizer.tokenize(e.text())).toList(), 1, 0);
        List<org.nd4j.linalg.dataset.MultiDataSet> examples = new TextEncoder(vocabulary, 40).examples(split.train(),
                split.labelIndices(split.train()), split.labels().size());
        BatchSource driver = BatchSource.shuffled(examples, 8);
        CsvRowShards shards = new CsvRowShards(source, split.train(), split.labels(), vocabulary, 40, 8, driver);

        BatchSource one = shards.shards(1).get(0).read();
        assertEquals(driver.batchesPerEpoch(), one.batchesPerEpoch());
        assertSameMinibatches(driver.epoch(new Random(4)), one.epoch(new Random(4)), driver.batchesPerEpoch());

        List<CsvRowShards.CsvRowShard> three = shards.shards(3);
        int rows = 0;
        for (CsvRowShards.CsvRowShard shard : three) {
            BatchSource part = shard.read();
            int examplesRead = 0;
            for (Iterator<MultiDataSet> it = part.epoch(new Random(1)); it.hasNext(); ) {
                examplesRead += (int) it.next().getFeatures(0).size(0);
            }
            assertEquals(shard.order().length, examplesRead, shard.where());
            assertTrue(Math.abs(shard.order().length - split.train().size() / 3) <= 1, "nearly equal ranges: " + shard.where());
            rows += shard.rows();
        }
        assertEquals(90, rows, "the ranges cover every row");
    }

    @Test
    void oneWorkerReadingItsOwnRangeTrainsTheCharLmThatOneProcessTrains() throws IOException {
        Path text = TestData.text(dir, 4000, 8);
        List<String> common = List.of("train", "--text", text.toString(), "--cell", "lstm", "--hidden", "16", "--layers", "1",
                "--sequence-length", "16", "--tbptt", "16", "--batch-size", "8", "--max-batches", "6", "--epochs", "1");
        Path alone = dir.resolve("alone");
        Path worker = dir.resolve("worker");
        List<String> local = new ArrayList<>(common);
        local.addAll(List.of("--output-dir", alone.toString()));
        List<String> spark = new ArrayList<>(common);
        spark.addAll(List.of("--spark", "local[2]", "--workers", "1", "--averaging-frequency", "1", "--output-dir", worker.toString()));
        assertEquals(0, TestData.run(new CharLmApp().command(), local.toArray(String[]::new)).exitCode());
        TestData.Run run = TestData.run(new CharLmApp().command(), spark.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());

        JsonNode cluster = RunRecordSchema.assertValid(worker.resolve(ModelDirectory.RUN_FILE)).path("training").path("cluster");
        assertEquals("read by the workers", cluster.path("data").asText(), cluster.toString());
        assertTrue(cluster.path("data_bytes_per_round").asLong() < 2_000, "only the read requests travel: " + cluster);
        INDArray expected = AppModels.open(new CharLmApp(), alone).model().network().params();
        INDArray actual = AppModels.open(new CharLmApp(), worker).model().network().params();
        assertTrue(expected.equalsWithEps(actual, 1e-5), "max difference " + expected.sub(actual).amaxNumber());
    }

    /** What a command line sees of {@link ParameterAveraging#batches} on a source with one range nobody can read. */
    @CommandLine.Command(name = "open-ranges")
    static final class OpenRanges implements Callable<Integer> {
        private final ParameterAveraging averaging;
        private final ShardedBatchSource source;

        OpenRanges(ParameterAveraging averaging, ShardedBatchSource source) {
            this.averaging = averaging;
            this.source = source;
        }

        @Override
        public Integer call() {
            averaging.batches(source);
            return 0;
        }
    }

    @Test
    void aRangeNoWorkerCanReadIsOneLineAndExitCodeTwo() throws IOException {
        Path file = TestData.text(dir, 4000, 2);
        CharLmConfig config = CharLmConfig.defaults().withSizes(16, 20, 20).withTextFile(file.toString());
        PreparedCorpus data = PreparedCorpus.prepare(CorpusText.file(file), config);
        CharTextShards real = new CharTextShards(file, data.train(), data.vocabulary(), 20, 4);
        ShardedBatchSource oneGone = new ShardedBatchSource() {
            @Override
            public List<CharTextShards.CharTextShard> shards(int parts) {
                List<CharTextShards.CharTextShard> shards = new ArrayList<>(real.shards(parts));
                CharTextShards.CharTextShard s = shards.get(1);
                shards.set(1, new CharTextShards.CharTextShard(dir.resolve("gone.txt").toString(), s.part(), s.parts(),
                        s.byteStart(), s.byteEnd(), s.codePoints(), s.vocabulary(), s.sequenceLength(), s.batchSize()));
                return shards;
            }

            @Override
            public Iterator<MultiDataSet> epoch(Random random) {
                return real.epoch(random);
            }

            @Override
            public int batchesPerEpoch() {
                return real.batchesPerEpoch();
            }
        };
        JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("unreadable range")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
        try {
            ParameterAveraging averaging = new ParameterAveraging(spark, SparkMaster.parse("local[2]"), 2, 1);
            TestData.Run run = TestData.run(new CommandLine(new OpenRanges(averaging, oneGone)));
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("error: --text " + dir.resolve("gone.txt") + " bytes ")
                    && run.err().contains("(part 2 of 2): no such file on this worker"), run.err());
        } finally {
            spark.stop();
        }
    }
}
