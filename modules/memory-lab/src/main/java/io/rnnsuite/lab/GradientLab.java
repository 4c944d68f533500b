package io.rnnsuite.lab;

import io.rnnsuite.common.CellType;
import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.common.train.ParallelRuns;
import io.rnnsuite.common.train.ProgressReporter;
import io.rnnsuite.common.train.StopReason;
import io.rnnsuite.common.train.Trainer;
import io.rnnsuite.common.train.TrainingConfig;
import io.rnnsuite.common.train.TrainingResult;
import io.rnnsuite.common.train.TrainableNetwork;
import io.rnnsuite.lab.data.AddingProblem;
import io.rnnsuite.lab.model.GeneratedBatches;
import io.rnnsuite.lab.model.GradientProbe;
import io.rnnsuite.lab.model.RecurrentWeights;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The gradient experiments of {@code lab gradients}, both on the adding problem.
 *
 * <ol>
 *   <li>Vanishing: for SimpleRnn and LSTM, {@code ‖∂L/∂x_t‖} for every step t of one fixed batch,
 *       at initialisation and again after a short training. The loss is taken at the last step, so
 *       the curve shows how much of the error signal survives the trip back to step t.</li>
 *   <li>Exploding: a SimpleRnn whose recurrent matrix has spectral radius well above 1, trained
 *       with plain SGD once without and once with per-layer gradient clipping; the loss curves and
 *       whether the trainer's NaN guard stopped the run.</li>
 * </ol>
 */
public final class GradientLab {

    private static final int TRAIN_BATCH = 32;
    private static final int UPDATES_PER_VALIDATION = 25;

    /**
     * {@code ‖∂L/∂x_t‖} of one cell at one moment of training.
     *
     * @param cell    cell name
     * @param phase   {@code init} or {@code trained}
     * @param updates minibatch updates done before the measurement
     * @param norms   one norm per time step, t = 1..T
     */
    public record NormProfile(String cell, String phase, long updates, double[] norms) {
        /** {@code ‖∂L/∂x_1‖ / ‖∂L/∂x_T‖}. */
        public double firstToLastRatio() {
            return GradientProbe.firstToLastRatio(norms);
        }
    }

    /**
     * One exploding-gradient run.
     *
     * @param label               {@code no clipping} or {@code clip 1.0}
     * @param clipNorm            per-layer clipping threshold, 0 = off
     * @param initialGradientNorm L2 norm of the parameter gradient on the probe batch before training
     * @param initialParameterNorm L2 norm of all parameters before training
     * @param finalParameterNorm  L2 norm of all parameters the trainer kept (its best validation point)
     * @param diverged            whether the NaN guard stopped training
     * @param message             the trainer's closing line (the divergence message when it fired)
     * @param updates             x of the loss curve: updates done
     * @param trainLoss           mean training MSE over the last {@value GradientLabConfig#UPDATES_PER_POINT} updates
     */
    public record ExplodingRun(String label, double clipNorm, double initialGradientNorm, double initialParameterNorm,
                               double finalParameterNorm, boolean diverged,
                               String message, double[] updates, double[] trainLoss) {
    }

    /** Everything {@code lab gradients} measured. */
    public record Result(GradientLabConfig config, List<NormProfile> profiles, List<ExplodingRun> exploding) {
    }

    private GradientLab() {
    }

    public static Result run(GradientLabConfig config, PrintStream log) {
        return run(config, log, 1);
    }

    /** The profiles of every cell and the two exploding runs, {@code parallel} of these runs at a time. */
    public static Result run(GradientLabConfig config, PrintStream log, int parallel) {
        List<java.util.concurrent.Callable<List<NormProfile>>> vanishing = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            vanishing.add(() -> vanishing(cell, config, log));
        }
        List<java.util.concurrent.Callable<ExplodingRun>> explodingRuns = List.of(() -> exploding(0, config, log),
                () -> exploding(config.clipNorm(), config, log));
        List<NormProfile> profiles = new ArrayList<>();
        ParallelRuns.run(parallel, "gradient-lab", vanishing).forEach(profiles::addAll);
        List<ExplodingRun> exploding = ParallelRuns.run(parallel, "gradient-lab", explodingRuns);
        return new Result(config, profiles, exploding);
    }

    /** Gradient profiles of one cell at initialisation and after the short training. */
    public static List<NormProfile> vanishing(CellType cell, GradientLabConfig config, PrintStream log) {
        AddingProblem adding = new AddingProblem();
        RecurrentSpec spec = new RecurrentSpec(cell, config.hiddenSize(), 1, false, 0.0);
        MultiLayerNetwork net = adding.network(spec, config.seed(), config.learningRate(), config.clipNorm());
        MultiDataSet probe = adding.batch(config.probeBatchSize(), config.length(), new Random(config.seed() + 7));
        NormProfile init = new NormProfile(cell.cliName(), "init", 0, GradientProbe.inputGradientNorms(net, probe));

        MultiDataSet validation = adding.batch(256, config.length(), new Random(config.seed() + 11));
        int perCheck = Math.min(UPDATES_PER_VALIDATION, config.trainUpdates());
        int checks = Math.max(1, (config.trainUpdates() + perCheck - 1) / perCheck);
        TrainingConfig training = new TrainingConfig(checks, TRAIN_BATCH, config.learningRate(), checks,
                config.clipNorm(), config.seed(), 0, config.trainBudgetSeconds());
        TrainingResult result = new Trainer(training, ProgressReporter.SILENT).train(TrainableNetwork.of(net),
                new GeneratedBatches(adding, config.length(), TRAIN_BATCH, perCheck),
                network -> adding.loss(net, validation), null, false);
        long updates = result.sequencesSeen() / TRAIN_BATCH;
        NormProfile trained = new NormProfile(cell.cliName(), "trained", updates, GradientProbe.inputGradientNorms(net, probe));
        if (log != null) {
            log.printf(Locale.ROOT, "gradients %s T=%d: first/last ratio %.3g at init, %.3g after %d updates "
                    + "(validation MSE %.4g)%n", cell.cliName(), config.length(), init.firstToLastRatio(),
                    trained.firstToLastRatio(), updates, result.bestValidationLoss());
        }
        return List.of(init, trained);
    }

    /** A SimpleRnn with spectral radius {@code config.recurrentRadius()}, plain SGD, clipped or not. */
    public static ExplodingRun exploding(double clipNorm, GradientLabConfig config, PrintStream log) {
        AddingProblem adding = new AddingProblem();
        RecurrentSpec spec = new RecurrentSpec(CellType.SIMPLE_RNN, config.hiddenSize(), 1, false, 0.0);
        MultiLayerNetwork net = adding.network(RecurrentLayerFactory
                .baseConfiguration(config.seed(), config.explodingLearningRate(), clipNorm)
                .updater(new Sgd(config.explodingLearningRate())), spec);
        RecurrentWeights.setSpectralRadius(net, 0, config.recurrentRadius(), config.seed());
        MultiDataSet probe = adding.batch(config.probeBatchSize(), config.explodingLength(), new Random(config.seed() + 13));
        double initialNorm = GradientProbe.parameterGradientNorm(net, probe);
        double initialParams = net.params().norm2Number().doubleValue();

        int points = config.explodingUpdates() / GradientLabConfig.UPDATES_PER_POINT;
        TrainingConfig training = new TrainingConfig(points, TRAIN_BATCH, config.explodingLearningRate(), points,
                clipNorm, config.seed(), 0, config.trainBudgetSeconds());
        TrainingResult result = new Trainer(training, ProgressReporter.SILENT).train(TrainableNetwork.of(net),
                new GeneratedBatches(adding, config.explodingLength(), TRAIN_BATCH, GradientLabConfig.UPDATES_PER_POINT),
                network -> adding.loss(net, probe), null, false);
        double[] x = result.history().stream().mapToDouble(e -> e.epoch() * GradientLabConfig.UPDATES_PER_POINT).toArray();
        double[] loss = result.history().stream().mapToDouble(e -> e.trainLoss()).toArray();
        String label = clipNorm > 0 ? "clip " + clipNorm : "no clipping";
        boolean diverged = result.stopReason() == StopReason.DIVERGED;
        if (log != null) {
            log.printf(Locale.ROOT, "exploding (radius %.1f, SGD %.3g, %s): initial gradient norm %.3g; %s%n",
                    config.recurrentRadius(), config.explodingLearningRate(), label, initialNorm, result.message());
        }
        return new ExplodingRun(label, clipNorm, initialNorm, initialParams, net.params().norm2Number().doubleValue(),
                diverged, result.message(), x, loss);
    }
}
