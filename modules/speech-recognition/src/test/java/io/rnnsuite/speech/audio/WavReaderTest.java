package io.rnnsuite.speech.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rnnsuite.common.UserInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every encoding the reader accepts decodes to the same mono signal; every bad file is one clear message. */
class WavReaderTest {

    private static final float[] TONE = TestWavs.tone(440, 16000, 0.1);

    @Test
    void pcm16Pcm8AndFloat32DecodeToTheSameSignal() {
        Audio pcm16 = WavReader.parse(TestWavs.wav(1, 1, 16000, 16, TestWavs.encode(new float[][] {TONE}, 16, false)), "a", 0);
        Audio pcm8 = WavReader.parse(TestWavs.wav(1, 1, 16000, 8, TestWavs.encode(new float[][] {TONE}, 8, false)), "b", 0);
        Audio float32 = WavReader.parse(TestWavs.wav(3, 1, 16000, 32, TestWavs.encode(new float[][] {TONE}, 32, true)), "c", 0);
        assertEquals(16000, pcm16.sampleRate());
        assertEquals(TONE.length, pcm16.samples().length);
        for (int i = 0; i < TONE.length; i++) {
            assertEquals(TONE[i], float32.samples()[i], 1e-7);
            assertEquals(TONE[i], pcm16.samples()[i], 1e-4);
            assertEquals(TONE[i], pcm8.samples()[i], 1.5e-2);
        }
    }

    @Test
    void stereoIsAveragedToMono() {
        float[] silent = new float[TONE.length];
        Audio stereo = WavReader.parse(TestWavs.wav(1, 2, 22050, 16, TestWavs.encode(new float[][] {TONE, silent}, 16, false)),
                "s", 0);
        assertEquals(22050, stereo.sampleRate());
        assertEquals(TONE.length, stereo.samples().length);
        assertEquals(TONE[5] / 2, stereo.samples()[5], 1e-4);
    }

    @Test
    void writerOutputReadsBack() {
        Audio tone = new Audio(TONE, 16000);
        Audio back = WavReader.parse(WavWriter.pcm16(tone), "w", 0);
        assertEquals(tone.samples().length, back.samples().length);
        assertEquals(tone.samples()[17], back.samples()[17], 1e-4);
    }

    @Test
    void notAWavFile() {
        assertMessage("x.wav: not a WAV file (expected a RIFF/WAVE header)", "hello, I am text".getBytes());
        assertMessage("x.wav: not a WAV file", new byte[0]);
    }

    @Test
    void truncatedOrCorruptHeaders() {
        byte[] good = TestWavs.wav(1, 1, 16000, 16, TestWavs.encode(new float[][] {TONE}, 16, false));
        assertMessage("x.wav: truncated WAV header: no 'fmt ' chunk", Arrays.copyOf(good, 14));
        assertMessage("x.wav: corrupt 'fmt ' chunk", Arrays.copyOf(good, 30));
        assertMessage("x.wav: truncated WAV header: no 'data' chunk", Arrays.copyOf(good, 38));
        assertMessage("x.wav: truncated WAV file: the 'data' chunk declares 3200 bytes but only 100 follow",
                Arrays.copyOf(good, 144));
        byte[] noChannels = good.clone();
        noChannels[22] = 0;
        assertMessage("x.wav: corrupt 'fmt ' chunk (0 channels", noChannels);
    }

    @Test
    void unsupportedEncodingsAreNamed() {
        assertMessage("x.wav: unsupported encoding µ-law; expected PCM", TestWavs.wav(7, 1, 8000, 8, new byte[100]));
        assertMessage("x.wav: unsupported encoding Microsoft ADPCM", TestWavs.wav(2, 1, 8000, 4, new byte[100]));
        assertMessage("x.wav: unsupported encoding 12-bit PCM", TestWavs.wav(1, 1, 8000, 12, new byte[100]));
        assertMessage("x.wav: unsupported encoding 64-bit IEEE float", TestWavs.wav(3, 1, 8000, 64, new byte[160]));
    }

    @Test
    void emptySilentAndTooLongAudio() {
        assertMessage("x.wav: no audio samples (the 'data' chunk is empty)", TestWavs.wav(1, 1, 16000, 16, new byte[0]));
        assertMessage("x.wav: the audio is silent", TestWavs.wav(1, 1, 16000, 16, new byte[3200]));
        byte[] twoSeconds = TestWavs.wav(1, 1, 16000, 16,
                TestWavs.encode(new float[][] {TestWavs.tone(300, 16000, 2)}, 16, false));
        UserInputException e = assertThrows(UserInputException.class, () -> WavReader.parse(twoSeconds, "x.wav", 1.5));
        assertEquals("x.wav: 2.00 s of audio is longer than the maximum 1.50 s (--max-seconds)", e.getMessage());
    }

    private static void assertMessage(String start, byte[] bytes) {
        UserInputException e = assertThrows(UserInputException.class, () -> WavReader.parse(bytes, "x.wav", 0));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
