package io.rnnsuite.seq2seq.model;

import io.rnnsuite.common.RecurrentLayerFactory;
import io.rnnsuite.common.RecurrentSpec;
import io.rnnsuite.seq2seq.TranslationConfig;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.DuplicateToTimeSeriesVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The two graphs of a translation model.
 *
 * <p><b>Training graph</b> (inputs {@value #SOURCE}, {@value #DECODER_INPUT}): the encoder stack
 * from {@link RecurrentLayerFactory} reads the one-hot source; its last unmasked step
 * ({@link LastTimeStepVertex}) is copied to every decoder step ({@link DuplicateToTimeSeriesVertex})
 * and concatenated with the decoder's one-hot input; a decoder layer of the same cell follows; with
 * attention, an {@link AttentionVertex} (queries: decoder outputs; keys and values: all encoder
 * outputs, source mask respected) adds a context vector per step; a softmax {@link RnnOutputLayer}
 * predicts the next target token. Teacher forcing: the decoder input is the reference shifted by BOS.
 *
 * <p><b>Step graph</b> (inputs {@value #DECODER_INPUT}, {@value #ENCODER_LAST} and, with attention,
 * {@value #ENCODER_OUTPUTS}): the decoder half only, with the same vertex names, so its parameters
 * are copied from the training graph by name. Decoding runs the encoder once, then feeds one token
 * per {@code rnnTimeStep} call; the decoder's recurrent state carries the history.
 */
public final class Seq2SeqGraphs {

    static final String SOURCE = "source";
    static final String DECODER_INPUT = "decoderInput";
    static final String ENCODER_LAST = "encoderLast";
    static final String ENCODER_OUTPUTS = "encoderOutputs";
    static final String CONTEXT = "context";
    static final String DECODER_MERGE = "decoderMerge";
    static final String DECODER = "decoder";
    static final String ATTENTION = "attention";
    static final String OUTPUT_MERGE = "outputMerge";
    static final String OUTPUT = "output";

    private Seq2SeqGraphs() {
    }

    /** Name of encoder layer {@code i} (0-based). */
    static String encoderLayer(int i) {
        return "encoder" + i;
    }

    /** Name of the last encoder layer, whose outputs attention reads. */
    static String lastEncoderLayer(TranslationConfig config) {
        return encoderLayer(config.encoder().layers() - 1);
    }

    /** The initialised training graph. */
    public static ComputationGraph training(TranslationConfig config, int sourceVocabulary, int targetVocabulary) {
        ComputationGraphConfiguration.GraphBuilder g = base(config).addInputs(SOURCE, DECODER_INPUT);
        List<Layer> encoder = RecurrentLayerFactory.sequenceLayers(config.encoder(), sourceVocabulary);
        String previous = SOURCE;
        for (int i = 0; i < encoder.size(); i++) {
            g.addLayer(encoderLayer(i), encoder.get(i), previous);
            previous = encoderLayer(i);
        }
        g.addVertex(ENCODER_LAST, new LastTimeStepVertex(SOURCE), previous);
        addDecoder(g, config, targetVocabulary, previous);
        g.setInputTypes(InputType.recurrent(sourceVocabulary), InputType.recurrent(targetVocabulary));
        return init(g);
    }

    /** The initialised step graph (decoder half), parameters still to be copied. */
    public static ComputationGraph step(TranslationConfig config, int targetVocabulary) {
        ComputationGraphConfiguration.GraphBuilder g = base(config);
        if (config.attention()) {
            g.addInputs(DECODER_INPUT, ENCODER_LAST, ENCODER_OUTPUTS);
            g.setInputTypes(InputType.recurrent(targetVocabulary), InputType.feedForward(config.decoderSize()),
                    InputType.recurrent(config.decoderSize()));
        } else {
            g.addInputs(DECODER_INPUT, ENCODER_LAST);
            g.setInputTypes(InputType.recurrent(targetVocabulary), InputType.feedForward(config.decoderSize()));
        }
        addDecoder(g, config, targetVocabulary, ENCODER_OUTPUTS);
        return init(g);
    }

    /** Copies every parameter the step graph has from the training graph (vertex and key names match). */
    public static void copyDecoderParameters(ComputationGraph from, ComputationGraph to) {
        for (GraphVertex vertex : to.getVertices()) {
            Map<String, INDArray> target = vertex.paramTable(false);
            if (target == null || target.isEmpty()) {
                continue;
            }
            Map<String, INDArray> source = from.getVertex(vertex.getVertexName()).paramTable(false);
            target.forEach((key, array) -> array.assign(source.get(key)));
        }
    }

    private static void addDecoder(ComputationGraphConfiguration.GraphBuilder g, TranslationConfig config,
                                   int targetVocabulary, String encoderOutputs) {
        int width = config.decoderSize();
        g.addVertex(CONTEXT, new DuplicateToTimeSeriesVertex(DECODER_INPUT), ENCODER_LAST);
        g.addVertex(DECODER_MERGE, new MergeVertex(), DECODER_INPUT, CONTEXT);
        RecurrentSpec decoderSpec = new RecurrentSpec(config.encoder().cell(), width, 1, false, 0.0, config.encoder().impl());
        g.addLayer(DECODER, RecurrentLayerFactory.sequenceLayers(decoderSpec, targetVocabulary + width).get(0), DECODER_MERGE);
        String outputInput = DECODER;
        if (config.attention()) {
            g.addVertex(ATTENTION, new AttentionVertex.Builder().nInQueries(width).nInKeys(width).nInValues(width)
                    .nOut(width).nHeads(1).headSize(width).projectInput(true).build(), DECODER, encoderOutputs, encoderOutputs);
            g.addVertex(OUTPUT_MERGE, new MergeVertex(), DECODER, ATTENTION);
            outputInput = OUTPUT_MERGE;
        }
        g.addLayer(OUTPUT, RecurrentLayerFactory.sequenceOutput(config.encoder().impl(), LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX)
                .nIn(config.attention() ? 2 * width : width).nOut(targetVocabulary).build(), outputInput);
        g.setOutputs(OUTPUT);
    }

    private static ComputationGraphConfiguration.GraphBuilder base(TranslationConfig config) {
        return RecurrentLayerFactory.baseConfiguration(config.training().seed(), config.training().learningRate(),
                config.training().clipNorm()).graphBuilder();
    }

    private static ComputationGraph init(ComputationGraphConfiguration.GraphBuilder g) {
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }
}
