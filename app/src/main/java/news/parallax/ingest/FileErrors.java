package news.parallax.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Turns filesystem errors into the operating system's reason and a {@link Problem}. */
public final class FileErrors {
    private FileErrors() {}

    /** The OS reason, e.g. "permission denied"; a bare {@code AccessDeniedException} carries only the path. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof FileSystemLoopException) return "symlink loop (a link leads back to a folder above it)";
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String r = fse.getReason();
            return r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public static Problem problem(IOException e) {
        if (e instanceof NoSuchFileException) return Problem.MISSING;
        if (e instanceof FileSystemLoopException || isLoop(e)) return Problem.SYMLINK_LOOP;
        return Problem.UNREADABLE;
    }

    private static boolean isLoop(IOException e) {
        return e instanceof FileSystemException fse && fse.getReason() != null
                && fse.getReason().toLowerCase(java.util.Locale.ROOT).contains("too many levels of symbolic links");
    }

    /** "FIFO", "socket", "character device" or "block device" for a special file; "special file" when unknown. */
    public static String specialKind(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                // st_mode file-type bits (POSIX <sys/stat.h>).
                switch (m & 0170000) {
                    case 0010000: return "FIFO";
                    case 0020000: return "character device";
                    case 0060000: return "block device";
                    case 0140000: return "socket";
                    default: break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view on this platform: the generic name below
        }
        return "special file";
    }
}
