// SPDX-License-Identifier: MIT
#include "common/Avatar.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>

namespace attune::gui {

QStringList avatarPalette()
{
    return {QStringLiteral("#6a8caf"), QStringLiteral("#c9846b"), QStringLiteral("#7fa37a"),
            QStringLiteral("#a98bc2"), QStringLiteral("#d0a441"), QStringLiteral("#5fa3a0"),
            QStringLiteral("#c46f8e"), QStringLiteral("#8a8f98")};
}

QPixmap avatarPixmap(const QString& name, const QString& color, const QByteArray& photo, int size,
                     qreal devicePixelRatio)
{
    const int pixels = qRound(size * devicePixelRatio);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(QRectF(0, 0, pixels, pixels));

    QImage image;
    if (!photo.isEmpty())
        image.loadFromData(photo);
    if (!image.isNull()) {
        painter.setClipPath(circle);
        const QImage scaled = image.scaled(pixels, pixels, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        painter.drawImage(QPointF((pixels - scaled.width()) / 2.0, (pixels - scaled.height()) / 2.0), scaled);
    } else {
        const QColor fill(color.isEmpty() ? avatarPalette().constFirst() : color);
        painter.fillPath(circle, fill.isValid() ? fill : QColor(avatarPalette().constFirst()));
        QFont font = painter.font();
        font.setPixelSize(qMax(8, pixels * 2 / 5));
        font.setWeight(QFont::DemiBold);
        painter.setFont(font);
        painter.setPen(Qt::white);
        const QString trimmedName = name.trimmed();
        // The first grapheme-ish character: a surrogate pair stays whole.
        QString initial = trimmedName.left(trimmedName.size() > 1 && trimmedName.at(0).isHighSurrogate() ? 2 : 1);
        painter.drawText(QRectF(0, 0, pixels, pixels), Qt::AlignCenter, initial.toUpper());
    }
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

QByteArray preparePhoto(const QString& imageFile)
{
    QImageReader reader(imageFile);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull())
        return {};
    constexpr int kLongestSide = 512;
    if (image.width() > kLongestSide || image.height() > kLongestSide)
        image = image.scaled(kLongestSide, kLongestSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.convertToFormat(QImage::Format_RGB888).save(&buffer, "JPEG", 85);
    return bytes;
}

} // namespace attune::gui
