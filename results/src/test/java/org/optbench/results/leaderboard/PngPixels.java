package org.optbench.results.leaderboard;

import java.awt.image.BufferedImage;

/** Pixel counts for checking that a rendered image shows something. */
final class PngPixels {
    private PngPixels() {
    }

    /** The fraction of pixels that are not (near) white. */
    static double nonWhiteFraction(BufferedImage image) {
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 235 || g < 235 || b < 235) {
                    coloured++;
                }
            }
        }
        return (double) coloured / ((long) image.getWidth() * image.getHeight());
    }
}
