package io.rnnsuite.common.io;

import io.rnnsuite.common.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reading one byte range of a file that several processes share (a cluster worker's part of the data). */
public final class FileRanges {

    private FileRanges() {
    }

    /**
     * The bytes {@code [start, end)} of {@code file}, ready to read (position 0, limit the length).
     *
     * @param where how an error names the range ({@code "--text corpus.txt (part 2 of 3)"})
     * @throws UserInputException the file is missing here, shorter than {@code end}, or unreadable
     */
    public static ByteBuffer read(Path file, long start, long end, String where) {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(end - start));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, start + bytes.position()) < 0) {
                    throw new UserInputException(where + ": the file ends at byte " + (start + bytes.position())
                            + " (did it change since the driver read it?)");
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException(where + ": no such file on this worker (every worker must see the file "
                    + "at the same path)");
        } catch (IOException e) {
            throw new UserInputException(where + ": cannot read it (" + e.getMessage() + ")");
        }
        return bytes.flip();
    }
}
