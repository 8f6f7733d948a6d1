// SPDX-License-Identifier: MIT
// A child's avatar: their photo in a circle, or their initial on their colour.
#pragma once

#include <QPixmap>
#include <QString>

class QByteArray;

namespace attune::gui {

// `photo` holds encoded image bytes (may be empty). Rendered at `size` logical pixels for
// the given device pixel ratio, so it stays sharp on high-DPI screens.
QPixmap avatarPixmap(const QString& name, const QString& color, const QByteArray& photo, int size,
                     qreal devicePixelRatio = 1.0);

// Scales a picture down to at most 512 px on its longest side and re-encodes it as JPEG,
// so a phone photo is stored in tens of kilobytes. Empty when `imageFile` is not a picture.
QByteArray preparePhoto(const QString& imageFile);

// Calm colours offered for avatars.
QStringList avatarPalette();

} // namespace attune::gui
