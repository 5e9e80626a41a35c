package io.dsr4j.train.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes XChart charts as PNG files without ever leaving a half-written image (rendered in memory, written to a
 * temporary file in the same folder, renamed into place). Rendering draws into an off-screen image: no display is
 * needed ({@code ./dsr} and the tests run with {@code -Djava.awt.headless=true}).
 */
public final class PngFiles {

    private PngFiles() { }

    public static void write(Chart<?, ?> chart, Path png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
        move(bytes.toByteArray(), png);
    }

    /** Several charts side by side in one image ({@code columns} per row). */
    public static <T extends Chart<?, ?>> void write(List<T> charts, int columns, Path png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rows = (charts.size() + columns - 1) / columns;
        BitmapEncoder.saveBitmap(charts, rows, columns, bytes, BitmapEncoder.BitmapFormat.PNG);
        move(bytes.toByteArray(), png);
    }

    private static void move(byte[] data, Path png) throws IOException {
        if (!png.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("not a .png file: " + png);
        }
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + png.getFileName(), ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
