// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "client/historypager.h"
#include "models/searchmodel.h"

#include <QtQml/qqml.h>

/// QML names for the core's history types: `SearchModel { registry: App.registry }` in
/// SearchView.qml, and the `pager` of a room (HistoryPager) that MessageList uses.
namespace talker::app {

/// The core's SearchModel as a QML element. A subclass rather than QML_FOREIGN: with
/// Qt 6.4 a foreign-registered model assigned to ListView.model came out undefined.
class SearchModel : public talker::models::SearchModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(SearchModel)

public:
    using models::SearchModel::SearchModel;

    /// A result row was clicked. Delegates report through their model, because a
    /// delegate that reached the view's ids directly would depend on where it is created.
    Q_INVOKABLE void activate(int row) { emit activated(row); }

signals:
    void activated(int row);
};

struct HistoryPagerForeign
{
    Q_GADGET
    QML_FOREIGN(talker::client::HistoryPager)
    QML_NAMED_ELEMENT(HistoryPager)
    QML_UNCREATABLE("A room's pager: Room.pager")
};

} // namespace talker::app
