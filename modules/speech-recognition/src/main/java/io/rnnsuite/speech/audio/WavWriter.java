package io.rnnsuite.speech.audio;

import io.rnnsuite.common.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono 16-bit PCM WAV files (atomically), e.g. noisy copies for listening or test fixtures. */
public final class WavWriter {

    private WavWriter() {
    }

    /** The bytes of a WAV file holding {@code audio} as 16-bit PCM, mono. */
    public static byte[] pcm16(Audio audio) {
        float[] s = audio.samples();
        ByteBuffer out = ByteBuffer.allocate(44 + 2 * s.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(36 + 2 * s.length)
                .put("WAVE".getBytes(StandardCharsets.ISO_8859_1))
                .put("fmt ".getBytes(StandardCharsets.ISO_8859_1)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(audio.sampleRate()).putInt(2 * audio.sampleRate())
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.ISO_8859_1)).putInt(2 * s.length);
        for (float v : s) {
            out.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        }
        return out.array();
    }

    /** Writes {@code audio} to {@code file} as 16-bit PCM. */
    public static void write(Path file, Audio audio) throws IOException {
        byte[] bytes = pcm16(audio);
        AtomicFiles.write(file, tmp -> Files.write(tmp, bytes));
    }
}
