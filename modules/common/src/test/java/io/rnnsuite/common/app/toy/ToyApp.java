package io.rnnsuite.common.app.toy;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.Checksums;
import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.SequencePooling;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.common.app.AppConfig;
import io.rnnsuite.common.app.AppInfo;
import io.rnnsuite.common.app.AppOptions;
import io.rnnsuite.common.app.DataSummary;
import io.rnnsuite.common.app.Evaluation;
import io.rnnsuite.common.app.Metric;
import io.rnnsuite.common.app.RnnApp;
import io.rnnsuite.common.app.TrainContext;
import io.rnnsuite.common.app.Trained;
import io.rnnsuite.common.io.ModelDirectory;
import io.rnnsuite.common.train.BatchSource;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import picocli.CommandLine.Option;

/**
 * The smallest complete app, proof that an app is one class and one registration: is the sum of
 * a sequence of numbers in [-1, 1] positive? Data generated from the seed; majority-class baseline.
 */
public final class ToyApp implements RnnApp<ToyApp.Config, ToyApp.Data, MultiLayerNetwork> {

    /** @param examples sequences generated; @param length steps each; the rest as everywhere. */
    public record Config(int examples, int length, RecurrentSpec recurrent, TrainingConfig training) implements AppConfig<Config> {
        @Override public Config with(RecurrentSpec spec, TrainingConfig newTraining) {
            return new Config(examples, length, spec, newTraining);
        }
    }

    /** Train / validation / test examples, the canonical text they were made from. */
    public record Data(List<MultiDataSet> train, List<MultiDataSet> validation, List<MultiDataSet> test, String text) {
    }

    /** The toy's own flags. */
    public static final class Options implements AppOptions<Config> {
        @Option(names = "--examples", description = "Sequences to generate (default: ${DEFAULT-VALUE}).")
        int examples = 300;
        @Option(names = "--length", description = "Steps per sequence (default: ${DEFAULT-VALUE}).")
        int length = 8;

        @Override
        public Config toConfig(RecurrentSpec spec, TrainingConfig training) {
            if (examples < 10 || length < 1) {
                throw new UserInputException("--examples must be at least 10 and --length at least 1");
            }
            return new Config(examples, length, spec, training);
        }
    }

    @Override public AppInfo info() {
        return new AppInfo("toy", "toy-sum-sign", "Toy: sign of a sum", "Is the sum of a sequence positive? (a test app)");
    }

    @Override public AppOptions<Config> newOptions() {
        return new Options();
    }

    @Override public Config defaults(boolean quick) {
        return new Config(quick ? 200 : 300, 8, new RecurrentSpec(CellType.LSTM, 8, 1, false, 0),
                new TrainingConfig(3, 32, 0.01, 3, 1.0, 42, 0, 0));
    }

    @Override public Class<Config> configType() {
        return Config.class;
    }

    @Override public Data load(Config c) {
        Random random = new Random(c.training().seed());
        List<MultiDataSet> all = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < c.examples(); i++) {
            float[] x = new float[c.length()];
            float sum = 0;
            for (int t = 0; t < x.length; t++) {
                x[t] = 2 * random.nextFloat() - 1;
                sum += x[t];
                text.append(x[t]).append(t + 1 < x.length ? ',' : '\n');
            }
            float[] label = sum > 0 ? new float[] {0, 1} : new float[] {1, 0};
            all.add(new MultiDataSet(Nd4j.create(x, new long[] {1, 1, x.length}, 'c'), Nd4j.create(label, new long[] {1, 2}, 'c')));
        }
        int a = all.size() * 8 / 10;
        int b = all.size() * 9 / 10;
        return new Data(all.subList(0, a), all.subList(a, b), all.subList(b, all.size()), text.toString());
    }

    @Override public DataSummary describe(Config c, Data d) {
        return new DataSummary("toy-" + c.examples() + "x" + c.length(), "generated",
                Checksums.sha256(d.text().getBytes(StandardCharsets.UTF_8)),
                Map.of("train", d.train().size(), "validation", d.validation().size(), "test", d.test().size()));
    }

    @Override public Trained<MultiLayerNetwork> train(Config c, Data d, TrainContext context) {
        TrainingConfig t = c.training();
        NeuralNetConfiguration.ListBuilder list = RecurrentLayerFactory.baseConfiguration(t.seed(), t.learningRate(), t.clipNorm()).list();
        RecurrentLayerFactory.sequenceToVectorLayers(c.recurrent(), 1, SequencePooling.LAST).forEach(list::layer);
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                .nIn(c.recurrent().outputSize()).nOut(2).build());
        list.setInputType(InputType.recurrent(1));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        MultiDataSet validation = MultiDataSet.merge(d.validation());
        TrainingResult result = new Trainer(t, context.progress()).train(TrainableNetwork.of(net),
                BatchSource.shuffled(d.train(), t.batchSize()), n -> n.loss(validation), context.outputDir(), context.resume());
        return new Trained<>(net, result, net.numParams(), 0);
    }

    @Override public Evaluation evaluate(MultiLayerNetwork net, Data d) {
        int right = 0;
        for (MultiDataSet example : d.test()) {
            right += net.output(example.getFeatures(0)).argMax(1).getInt(0) == example.getLabels(0).argMax(1).getInt(0) ? 1 : 0;
        }
        return new Evaluation("network", false, Map.of("accuracy", right / (double) d.test().size()));
    }

    @Override public List<Evaluation> baselines(Config c, Data d) {
        long positives = d.train().stream().filter(e -> e.getLabels(0).getDouble(1) > 0.5).count();
        int majority = positives * 2 >= d.train().size() ? 1 : 0;
        long right = d.test().stream().filter(e -> e.getLabels(0).argMax(1).getInt(0) == majority).count();
        return List.of(new Evaluation("majority", true, Map.of("accuracy", right / (double) d.test().size())));
    }

    @Override public Metric primaryMetric() {
        return new Metric("accuracy", "test accuracy", false);
    }

    @Override public void save(MultiLayerNetwork net, ModelDirectory dir) {
        // model.zip, written by the trainer, is all it needs
    }

    @Override public MultiLayerNetwork load(Config c, ModelDirectory dir) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(dir.modelFile().toFile());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + dir.modelFile() + ": " + e.getMessage());
        }
    }

    @Override public List<String> predict(MultiLayerNetwork net, List<String> inputs) {
        List<String> answers = new ArrayList<>();
        for (String input : inputs) {
            String[] parts = input.split(",");
            float[] x = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    x[i] = Float.parseFloat(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new UserInputException("input '" + input + "': item " + (i + 1) + " is not a number");
                }
            }
            double p = net.output(Nd4j.create(x, new long[] {1, 1, x.length}, 'c')).getDouble(0, 1);
            answers.add(input + " -> " + (p > 0.5 ? "positive" : "not positive") + String.format(" (p = %.2f)", p));
        }
        return answers;
    }

    @Override public String setup(Config c, DataSummary data) {
        return c.examples() + " generated sequences of " + c.length() + " numbers; 80/10/10 split; is the sum positive?";
    }
}
