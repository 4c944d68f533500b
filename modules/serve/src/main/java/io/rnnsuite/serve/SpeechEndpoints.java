package io.rnnsuite.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rnnsuite.common.UserInputException;
import io.rnnsuite.speech.SpeechApp;
import io.rnnsuite.speech.SpeechConfig;
import io.rnnsuite.speech.audio.Audio;
import io.rnnsuite.speech.audio.WavReader;
import io.rnnsuite.speech.ctc.CtcDecoder;
import io.rnnsuite.speech.data.DigitWords;
import io.rnnsuite.speech.features.FeatureExtractor;
import io.rnnsuite.speech.model.SpeechModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The speech recogniser's playground: {@code recognise} takes one WAV file as the request body
 * (what the page uploads, or what it recorded in the browser and encoded as WAV) and answers the
 * recognised words, as the app's own {@code predict} decodes them: the likeliest word with every
 * word's probability for isolated words, the CTC-decoded digits with each one's confidence for
 * digit strings. The file is read from the body only, never from the server's disk.
 */
final class SpeechEndpoints implements AppEndpoints {

    /** The body's accepted content types: a WAV file. */
    static final Set<String> WAV_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave");
    /** Where messages about the upload say the problem is. */
    static final String UPLOAD = "the uploaded audio";

    @Override
    public boolean serves(ServedModel<?, ?> model) {
        return model.app() instanceof SpeechApp;
    }

    @Override
    public List<String> actions() {
        return List.of("recognise");
    }

    @SuppressWarnings("unchecked")
    private static ServedModel<SpeechConfig, SpeechModel> typed(ServedModel<?, ?> model) {
        return (ServedModel<SpeechConfig, SpeechModel>) model;
    }

    /** The longest recording this model is given: the server's limit or the model's own, whichever is shorter. */
    static double maxSeconds(ServedModel<?, ?> model, ServeLimits limits) {
        return Math.min(limits.maxAudioSeconds(), typed(model).config().maxSeconds());
    }

    @Override
    public ObjectNode describe(ServedModel<?, ?> model) {
        ServedModel<SpeechConfig, SpeechModel> speech = typed(model);
        ObjectNode out = Responses.object();
        out.put("ctc", speech.config().ctc());
        out.put("model_max_seconds", speech.config().maxSeconds());
        ArrayNode words = out.putArray("vocabulary");
        (speech.config().ctc() ? DigitWords.WORDS : speech.read(SpeechModel::vocabulary)).forEach(words::add);
        return out;
    }

    @Override
    public List<BenchRequest> benchRequests(ServedModel<?, ?> model) {
        return List.of(new BenchRequest("recognise", "audio/wav", benchRecording()));
    }

    @Override
    public void handle(String action, Request request, ServedModel<?, ?> served) throws Exception {
        if (!action.equals("recognise")) {
            throw HttpError.notFound("no action '" + action + "' for a speech model");
        }
        ServedModel<SpeechConfig, SpeechModel> model = typed(served);
        String type = request.exchange().getRequestHeaders().getFirst("Content-Type");
        String bare = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!WAV_TYPES.contains(bare)) {
            throw HttpError.badRequest("expected Content-Type audio/wav with the WAV file's bytes as the body, got "
                    + (type == null ? "none" : "'" + type + "'"));
        }
        byte[] bytes = request.body(request.limits().maxAudioBytes());
        Audio audio = decode(bytes);
        double limit = maxSeconds(model, request.limits());
        if (audio.seconds() > limit) {
            throw HttpError.tooLarge(String.format(Locale.ROOT, "%s is %.2f s long; at most %.2f s are recognised",
                    UPLOAD, audio.seconds(), limit));
        }
        float[][] features = new FeatureExtractor(model.config().features()).features(audio);
        ObjectNode out = model.use(request.limits().modelWait(), m -> recognise(m, features));
        out.put("seconds", Math.round(audio.seconds() * 1000) / 1000.0);
        out.put("sample_rate", audio.sampleRate());
        Responses.json(request.exchange(), 200, out);
    }

    /** One second of a 440 Hz tone with its first harmonic, 16 kHz: what the load benchmark uploads (made here, not a recording). */
    static byte[] benchRecording() {
        int rate = 16_000;
        float[] samples = new float[rate];
        for (int t = 0; t < rate; t++) {
            double phase = 2 * Math.PI * 440 * t / rate;
            samples[t] = (float) (0.3 * Math.sin(phase) + 0.1 * Math.sin(2 * phase));
        }
        return io.rnnsuite.speech.audio.WavWriter.pcm16(new Audio(samples, rate));
    }

    /** The WAV file's audio, or a 400 with the reader's one line (not a WAV file, truncated, silent, ...). */
    static Audio decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw HttpError.badRequest("empty body: expected the bytes of a WAV file");
        }
        try {
            return WavReader.parse(bytes, UPLOAD, 0);
        } catch (UserInputException e) {
            throw HttpError.badRequest(e.getMessage());
        } catch (RuntimeException e) {
            throw HttpError.badRequest(UPLOAD + ": corrupt WAV file (its header does not match its contents)");
        }
    }

    private static ObjectNode recognise(SpeechModel model, float[][] features) {
        ObjectNode out = Responses.object();
        ArrayNode words = out.putArray("words");
        if (model.config().ctc()) {
            CtcDecoder.Decoded d = model.decode(model.framePosteriors(java.util.Collections.singletonList(features)).get(0));
            for (int k = 0; k < d.labels().length; k++) {
                words.addObject().put("word", DigitWords.WORDS.get(d.labels()[k] - 1)).put("confidence", round(d.confidence()[k]));
            }
            out.put("text", DigitWords.text(d.labels()));
            out.put("ctc", true);
            out.putArray("alternatives");
            return out;
        }
        double[] p = model.probabilities(java.util.Collections.singletonList(features))[0];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -p[i]));
        String best = model.vocabulary().get(order.get(0));
        words.addObject().put("word", best).put("confidence", round(p[order.get(0)]));
        out.put("text", best);
        out.put("ctc", false);
        ArrayNode alternatives = out.putArray("alternatives");
        for (int i : order) {
            alternatives.addObject().put("word", model.vocabulary().get(i)).put("probability", round(p[i]));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
