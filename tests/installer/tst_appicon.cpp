// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The icon compiled into talker_resources: every committed size is in qrc, decodes
// to a square image of that size, and applicationIcon() offers all of them.
#include "appicon.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using talker::app::applicationIcon;
using talker::app::applicationIconPath;

class TestAppIcon : public QObject
{
    Q_OBJECT

private slots:
    void id() { QCOMPARE(talker::app::applicationId(), QStringLiteral("org.talker.Talker")); }

    void pngEachSize_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            QTest::addRow("%dpx", size) << size;
    }
    void pngEachSize()
    {
        QFETCH(int, size);
        const QString path = applicationIconPath(size);
        QCOMPARE(path,
                 QStringLiteral(":/icons/hicolor/%1x%1/apps/org.talker.Talker.png").arg(size));
        const QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), QSize(size, size));
        QVERIFY(image.hasAlphaChannel());
        // The tile's corners are transparent, its centre is opaque.
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
    }

    void unknownSizeHasNoPath() { QVERIFY(applicationIconPath(100).isEmpty()); }

    void iconOffersEverySize()
    {
        const QIcon icon = applicationIcon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        QCOMPARE(sizes.size(), 9);
        QVERIFY(sizes.contains(QSize(16, 16)));
        QVERIFY(sizes.contains(QSize(512, 512)));
        QCOMPARE(icon.pixmap(QSize(48, 48)).size(), QSize(48, 48));
    }

    // The icon reads its files when asked: each size is that file's image, a size in
    // between is the next bigger file shrunk, and nothing is bigger than 512 px.
    void pixmapsComeFromTheFiles()
    {
        const QIcon icon = applicationIcon();
        const QImage shipped(applicationIconPath(48));
        QCOMPARE(icon.pixmap(QSize(48, 48)).toImage().convertToFormat(shipped.format()), shipped);
        const QImage between = icon.pixmap(QSize(40, 40)).toImage();
        QCOMPARE(between.size(), QSize(40, 40));
        QCOMPARE(qAlpha(between.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(between.pixel(20, 20)), 255);
        QCOMPARE(icon.actualSize(QSize(1000, 1000)), QSize(512, 512));
        QCOMPARE(icon.pixmap(QSize(1000, 1000)).size(), QSize(512, 512));
        QCOMPARE(icon.actualSize(QSize(64, 32)), QSize(32, 32));
        QVERIFY(icon.pixmap(QSize(0, 0)).isNull());
    }

    void paintsCentred()
    {
        QImage canvas(100, 60, QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Qt::transparent);
        QPainter painter(&canvas);
        applicationIcon().paint(&painter, canvas.rect());
        painter.end();
        // A 60 px square in the middle: the corners of the canvas stay empty.
        QCOMPARE(qAlpha(canvas.pixel(5, 30)), 0);
        QCOMPARE(qAlpha(canvas.pixel(50, 30)), 255);
    }
};

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
