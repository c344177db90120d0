// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The core types QML sees, registered from the app (NeoChat's foreigntypes.h
// pattern): core/ stays free of QML, while QML tooling (qmllint, qmlcachegen) and
// the engine know their properties, so the views bind to typed properties.
// All are made by C++ and handed to QML, never created in it.

#include "client/account.h"
#include "client/accountregistry.h"
#include "client/conversation.h"
#include "client/room.h"
#include "client/timeline.h"
#include "models/conversationmodel.h"
#include "models/membermodel.h"
#include "models/messagemodel.h"
#include "models/registrylistmodel.h"
#include "models/roomlistmodel.h"
#include "models/switchermodel.h"

#include <QQmlEngine>

namespace talker::app {

struct ForeignRoom
{
    Q_GADGET
    QML_FOREIGN(talker::client::Room)
    QML_NAMED_ELEMENT(Room)
    QML_UNCREATABLE("Rooms come from an account")
};

struct ForeignConversation
{
    Q_GADGET
    QML_FOREIGN(talker::client::Conversation)
    QML_NAMED_ELEMENT(Conversation)
    QML_UNCREATABLE("Conversations come from an account")
};

struct ForeignAccount
{
    Q_GADGET
    QML_FOREIGN(talker::client::Account)
    QML_NAMED_ELEMENT(Account)
    QML_UNCREATABLE("Accounts come from the registry")
};

struct ForeignAccountRegistry
{
    Q_GADGET
    QML_FOREIGN(talker::client::AccountRegistry)
    QML_NAMED_ELEMENT(AccountRegistry)
    QML_UNCREATABLE("The registry is the application's")
};

struct ForeignTimeline
{
    Q_GADGET
    QML_FOREIGN(talker::client::Timeline)
    QML_NAMED_ELEMENT(Timeline)
    QML_UNCREATABLE("Timelines belong to rooms and conversations")
};

struct ForeignRegistryListModel
{
    Q_GADGET
    QML_FOREIGN(talker::models::RegistryListModel)
    QML_ANONYMOUS
};

struct ForeignRoomListModel
{
    Q_GADGET
    QML_FOREIGN(talker::models::RoomListModel)
    QML_NAMED_ELEMENT(RoomListModel)
    QML_UNCREATABLE("Provided by the application")
};

struct ForeignConversationModel
{
    Q_GADGET
    QML_FOREIGN(talker::models::ConversationModel)
    QML_NAMED_ELEMENT(ConversationModel)
    QML_UNCREATABLE("Provided by the application")
};

struct ForeignMemberModel
{
    Q_GADGET
    QML_FOREIGN(talker::models::MemberModel)
    QML_NAMED_ELEMENT(MemberModel)
    QML_UNCREATABLE("Provided by the application")
};

struct ForeignSwitcherModel
{
    Q_GADGET
    QML_FOREIGN(talker::models::SwitcherModel)
    QML_NAMED_ELEMENT(SwitcherModel)
    QML_UNCREATABLE("Provided by the application")
};

struct ForeignMessageModel
{
    Q_GADGET
    QML_FOREIGN(talker::models::MessageModel)
    QML_NAMED_ELEMENT(MessageModel)
    QML_UNCREATABLE("Provided by the application")
};

} // namespace talker::app
