import io.rnnsuite.charlm.CharLmConfig;
import io.rnnsuite.charlm.data.OneHot;
import io.rnnsuite.charlm.model.CharLmNetworks;
import io.rnnsuite.charlm.model.CharSampler;
import io.rnnsuite.charlm.model.SamplingOptions;
import io.rnnsuite.common.text.CharVocabulary;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Characters per second of the char-LM default model (2-layer LSTM(128), 108 symbols, untrained)
 * through CharSampler (what `charlm sample` runs) and through a plain rnnTimeStep loop (what the
 * playground's requests run), against any build of rnn-suite, so one build can be compared with
 * another (for instance main's jar before a change and this branch's after it):
 *
 *   java --add-modules jdk.incubator.vector -cp 'examples/target/rnn-suite.jar:examples/target/lib/*' \
 *       scripts/bench/SampleRate.java [CHARACTERS] [REPEATS]
 *
 * Prints the median of REPEATS (default 7) calls drawing CHARACTERS (default 500) each after a prime
 * of 16 characters, per second of wall time and per second of the main thread's CPU time (steadier
 * when other processes share the cores; run with OPENBLAS_NUM_THREADS=1 so that thread does all the work). `rnn-suite bench` measures the same (its sampling case) side by side with PyTorch.
 */
public final class SampleRate {
    public static void main(String[] args) {
        int characters = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int size = 108;
        CharVocabulary vocabulary = new CharVocabulary(IntStream.range(0, size - 1).map(i -> 0x100 + i).boxed().toList());
        String prime = vocabulary.decode(IntStream.range(0, 16).map(i -> 1 + (i * 7) % (size - 1)).toArray());
        CharLmConfig config = CharLmConfig.defaults();
        MultiLayerNetwork net = CharLmNetworks.create(config, size, config.training());
        CharSampler sampler = new CharSampler(net, vocabulary);
        double[] viaSampler = new double[repeats];
        double[] viaTimeStep = new double[repeats];
        double[] viaSamplerCpu = new double[repeats];
        double[] viaTimeStepCpu = new double[repeats];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = -1; r < repeats; r++) { // r = -1: warm-up
            SamplingOptions options = new SamplingOptions(characters, 1.0, 0, 100 + r);
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sampler.sample(prime, options, s -> { });
            double a = characters / ((System.nanoTime() - start) / 1e9);
            double aCpu = characters / ((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            cpuStart = cpu.getCurrentThreadCpuTime();
            start = System.nanoTime();
            net.rnnClearPreviousState();
            int symbol = 1;
            for (int i = 0; i < characters; i++) {
                double[] p = CharSampler.lastStep(net.rnnTimeStep(OneHot.sequence(new int[] {symbol}, size)));
                symbol = 1 + (int) (Math.abs(p[1] * 1e6) % (size - 1)); // a cheap data-dependent next symbol
            }
            net.rnnClearPreviousState();
            double b = characters / ((System.nanoTime() - start) / 1e9);
            double bCpu = characters / ((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            if (r >= 0) {
                viaSampler[r] = a;
                viaTimeStep[r] = b;
                viaSamplerCpu[r] = aCpu;
                viaTimeStepCpu[r] = bCpu;
            }
        }
        System.out.printf("CharSampler.sample: %.0f chars/s (%.0f per CPU-s); rnnTimeStep loop: %.0f chars/s (%.0f per CPU-s)"
                        + " (medians of %d x %d characters; CPU-s = the main thread's CPU time)%n",
                median(viaSampler), median(viaSamplerCpu), median(viaTimeStep), median(viaTimeStepCpu), repeats, characters);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
