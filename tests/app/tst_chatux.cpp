// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Qt Quick Test of the chat's behaviour a user meets (issue 14: copy, hints, focus,
// shortcuts, presence, offline and error states) over the real controllers and a
// real talker-server (QT_QPA_PLATFORM=offscreen). The QML side is qml-chatux/.
#include "viewsetup.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(TalkerPlugin)

QUICK_TEST_MAIN_WITH_SETUP(tst_chatux, ViewSetup)
