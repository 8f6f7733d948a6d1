// SPDX-License-Identifier: MIT
// The one place where Qt strings meet the core's UTF-8 std::string. Length-aware both ways,
// so an embedded NUL survives (QString::fromUtf8(const char*) would stop at it).
#pragma once

#include <QByteArray>
#include <QString>

#include <string>

namespace attune::gui {

inline QString toQString(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string toStd(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

inline std::string toStd(const QByteArray& bytes)
{
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

inline QByteArray toBytes(const std::string& bytes)
{
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

} // namespace attune::gui
