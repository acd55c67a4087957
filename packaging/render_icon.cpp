// SPDX-License-Identifier: GPL-3.0-or-later
// starlocus-render-icon: renders the app icon (SVG) to a square PNG of the given size, so the
// package ships the hicolor PNG sizes without committing generated images.
// Build-time tool only; never installed.
//
// usage: starlocus-render-icon IN.svg SIZE OUT.png
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>
#include <cstdlib>

int main(int argc, char* argv[]) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: starlocus-render-icon IN.svg SIZE OUT.png\n");
        return 2;
    }
    // No QGuiApplication: painting shapes and gradients into a QImage needs no platform
    // plugin (only text would, and the icon has none), and a build machine has no display.
    const QString in = QString::fromLocal8Bit(argv[1]);
    bool sizeOk = false;
    const int size = QByteArray(argv[2]).toInt(&sizeOk);
    const QString out = QString::fromLocal8Bit(argv[3]);
    if (!sizeOk || size < 1 || size > 4096) {
        std::fprintf(stderr, "starlocus-render-icon: SIZE must be 1 to 4096, got '%s'\n", argv[2]);
        return 2;
    }
    QSvgRenderer renderer(in);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "starlocus-render-icon: %s: not a valid SVG\n", argv[1]);
        return 2;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    if (!image.save(out, "PNG")) {
        std::fprintf(stderr, "starlocus-render-icon: could not write %s\n", argv[3]);
        return 1;
    }
    return EXIT_SUCCESS;
}
