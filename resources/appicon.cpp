// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "appicon.h"

#include <QIconEngine>
#include <QPainter>
#include <QPixmap>

#include <array>

namespace talker::app {

namespace {
constexpr std::array iconSizes{TALKER_ICON_SIZES};

/// Reads the PNG for a size when that size is asked for, and keeps nothing. A QIcon
/// built with addFile() decodes every file at once and keeps them all: 1.4 MB per
/// copy, most of it the 512 px image, and some 7 ms of the start for each
/// (bench/app-start.sh). The window and the tray ask for their sizes once.
class AppIconEngine final : public QIconEngine
{
public:
    QPixmap pixmap(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        const QSize want = actualSize(size, QIcon::Normal, QIcon::Off);
        if (want.isEmpty())
            return {};
        QPixmap pixmap(applicationIconPath(fileSide(want)));
        if (pixmap.size() != want)
            pixmap = pixmap.scaled(want, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        return pixmap;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const QPixmap shown = pixmap(rect.size(), mode, state);
        painter->drawPixmap(rect.topLeft() + QPoint((rect.width() - shown.width()) / 2,
                                                    (rect.height() - shown.height()) / 2),
                            shown);
    }

    /// Square, and never bigger than the biggest file: like a QIcon of the files.
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        const int side = qMin(qMin(size.width(), size.height()), iconSizes.back());
        return side > 0 ? QSize(side, side) : QSize();
    }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        QList<QSize> sizes;
        for (const int side : iconSizes)
            sizes << QSize(side, side);
        return sizes;
    }

    bool isNull() override { return false; }
    QString key() const override { return QStringLiteral("talker-app-icon"); }
    QIconEngine *clone() const override { return new AppIconEngine; }

private:
    /// The smallest file at least `want` big, so that scaling only ever shrinks.
    static int fileSide(const QSize &want)
    {
        for (const int side : iconSizes) {
            if (side >= want.width())
                return side;
        }
        return iconSizes.back();
    }
};
} // namespace

QString applicationId()
{
    return QStringLiteral(TALKER_APP_ID);
}

QString applicationIconPath(int size)
{
    for (const int shipped : iconSizes) {
        if (shipped == size) {
            return QStringLiteral(":/icons/hicolor/%1x%1/apps/%2.png")
                .arg(size)
                .arg(applicationId());
        }
    }
    return {};
}

QIcon applicationIcon()
{
    return QIcon(new AppIconEngine);
}

} // namespace talker::app
