package io.rnnsuite.layers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.api.layers.LayerConstraint;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gated recurrent unit (Cho et al. 2014) layer configuration, in the "reset after" form of
 * cuDNN and PyTorch's {@code torch.nn.GRU}; DL4J 1.0.0-M2.1 has no GRU layer outside SameDiff.
 * With gate blocks ordered {@code [r | z | n]} (reset, update, candidate):
 * <pre>
 * r  = sigmoid(x W_r + b_r + h W_hr + b_hr)
 * z  = sigmoid(x W_z + b_z + h W_hz + b_hz)
 * n  = tanh(x W_n + b_n + r * (h W_hn + b_hn))
 * h' = (1 - z) * n + z * h
 * </pre>
 * Parameters ({@link GruParamInitializer}): {@code W [nIn, 3H]}, {@code RW [H, 3H]},
 * {@code b [1, 3H]}, {@code rb [1, 3H]}. They are PyTorch's, transposed:
 * {@code W = weight_ih_l0^T}, {@code RW = weight_hh_l0^T}, {@code b = bias_ih_l0},
 * {@code rb = bias_hh_l0}; since {@code W} and {@code RW} are stored in 'f' order, their flat
 * memory is exactly PyTorch's row-major {@code weight_ih_l0} and {@code weight_hh_l0}. (Keras'
 * {@code reset_after=True} GRU orders its blocks {@code [z | r | n]} instead.)
 *
 * <p>Masks act as in DL4J's {@code LSTM} and {@code SimpleRnn}: a padded step outputs 0 and the
 * next step starts from a zero state. Computed by {@link GruLayer}; usable in
 * {@code MultiLayerNetwork}, {@code ComputationGraph}, {@code Bidirectional} and
 * {@code LastTimeStep}, saved and loaded like any layer. The activations are fixed (sigmoid gates,
 * tanh candidate); the layer's activation must stay tanh, which the builder sets.
 */
public class Gru extends BaseRecurrentLayer implements InputGradients.Switch {

    /** See {@link InputGradients}; true unless switched off for a network's first layer. */
    private boolean inputGradient = true;

    /** For JSON deserialisation; use {@link Builder}. */
    public Gru() {
        super();
    }

    private Gru(Builder builder) {
        super(builder);
        initializeConstraints(builder);
    }

    @Override
    protected void initializeConstraints(org.deeplearning4j.nn.conf.layers.Layer.Builder<?> builder) {
        super.initializeConstraints(builder);
        Builder gruBuilder = (Builder) builder;
        List<LayerConstraint> all = constraints == null ? new ArrayList<>() : new ArrayList<>(constraints);
        addConstraints(all, gruBuilder.getInputWeightConstraints(), GruParamInitializer.WEIGHT_KEY);
        addConstraints(all, gruBuilder.getRecurrentConstraints(), GruParamInitializer.RECURRENT_WEIGHT_KEY);
        constraints = all.isEmpty() ? null : all;
    }

    private static void addConstraints(List<LayerConstraint> all, List<LayerConstraint> constraints, String key) {
        if (constraints != null) {
            for (LayerConstraint constraint : constraints) {
                LayerConstraint copy = constraint.clone();
                copy.setParams(Set.of(key));
                all.add(copy);
            }
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> trainingListeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        LayerValidation.assertNInNOutSet("Gru", getLayerName(), layerIndex, getNIn(), getNOut());
        LayerConfigs.requireTanh(getActivationFn(), "the GRU activation");
        return LayerConfigs.wire(new GruLayer(conf, networkDataType), initializer(), conf, trainingListeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return GruParamInitializer.getInstance();
    }

    /**
     * What {@link GruLayer} holds, in elements: per example and time step, the gate activations
     * (3H), the recurrent candidate part (H), the output (H) and the time-major input copy; training
     * adds the output and input gradients.
     */
    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType.InputTypeRecurrent recurrent = (InputType.InputTypeRecurrent) inputType;
        long steps = recurrent.getTimeSeriesLength();
        long hidden = getNOut();
        long numParams = initializer().numParams(this);
        long inferencePerExample = steps * (getNIn() + 5 * hidden);
        long trainPerExample = steps * (2 * getNIn() + 6 * hidden);
        return new LayerMemoryReport.Builder(getLayerName(), Gru.class, inputType, getOutputType(-1, inputType))
                .standardMemory(numParams, getIUpdater() == null ? 0 : getIUpdater().stateSize(numParams))
                .workingMemory(0, inferencePerExample, 0, trainPerExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** Builds a {@link Gru}; the activation is tanh (the only one the layer computes). */
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {

        public Builder() {
            activation(Activation.TANH);
        }

        /** @throws IllegalArgumentException if the activation was changed from tanh */
        @Override
        public Gru build() {
            LayerConfigs.requireTanh(activationFn, "the GRU activation");
            return new Gru(this);
        }
    }

    @Override
    public boolean isInputGradient() {
        return inputGradient;
    }

    @Override
    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }
}
