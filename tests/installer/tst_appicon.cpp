// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The icon compiled into talker_resources: every committed size is in qrc, decodes
// to a square image of that size, and applicationIcon() offers all of them.
#include "appicon.h"

#include <QGuiApplication>
#include <QImage>
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
};

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
