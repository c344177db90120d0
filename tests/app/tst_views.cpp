// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Qt Quick Test of the app's views over the real controllers and models, connected
// to a real talker-server (QT_QPA_PLATFORM=offscreen). The QML side is qml/tst_*.qml.
#include "viewsetup.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(TalkerPlugin)

QUICK_TEST_MAIN_WITH_SETUP(tst_views, ViewSetup)
