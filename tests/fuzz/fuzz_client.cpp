// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer harness: the client core's handling of server input. The bytes are what a
// (hostile or broken) server sends to one room of an account: they go through
// Session::processIncoming into Room, Timeline, members, conversations, the cache and
// the outbox, exactly as bytes from the socket do.
//
// Input: 0x01 splits reads; 0x02 makes the user send a message, 0x03 edit their last
// one, 0x04 retract it, 0x05 send a private message to the first member (so that the
// fuzzer can answer the user's own messages). Checks beyond sanitizers: a timeline never
// holds two rows with the same message id.
#include "client/account.h"
#include "client/conversation.h"
#include "client/room.h"
#include "client/timeline.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace talker;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_client: invariant broken: %s\n", what);
        std::abort();
    }
}

void checkTimeline(const client::Timeline *t)
{
    QSet<QString> ids;
    for (int i = 0; i < t->count(); ++i) {
        const QString &id = t->at(i).id;
        check(!ids.contains(id), "two rows with the same id in a timeline");
        ids.insert(id);
        check(t->indexOf(id) == i, "indexOf disagrees with the rows");
    }
}

QCoreApplication *app = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QCoreApplication keeps a reference to argc: give it one that outlives main(), and
    // never destroy the app (exit handlers would run after libFuzzer's main returned).
    static int appArgc = 1;
    static char *appArgv[] = {(*argv)[0], nullptr};
    (void)argc;
    app = new QCoreApplication(appArgc, appArgv);
    QLoggingCategory::setFilterRules(QStringLiteral("talker.*=false\n*.debug=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    client::AccountConfig config;
    config.id = QStringLiteral("fuzz");
    config.userName = QStringLiteral("alice");
    config.userId = QStringLiteral("1");
    auto account = std::make_unique<client::Account>(config, QStringLiteral(":memory:"));
    client::Room *room = account->joinRoom(QStringLiteral("Main"));
    client::Session *session = room->session();

    QByteArray chunk;
    QString lastOwn;
    auto flush = [&] {
        if (!chunk.isEmpty())
            session->processIncoming(chunk);
        chunk.clear();
    };
    for (size_t i = 0; i < size; ++i) {
        const char c = char(data[i]);
        switch (c) {
        case '\x01':
            flush();
            QCoreApplication::sendPostedEvents();
            break;
        case '\x02':
            flush();
            lastOwn = room->sendMessage(QStringLiteral("hello @bob"));
            break;
        case '\x03':
            flush();
            if (!lastOwn.isEmpty())
                room->editMessage(lastOwn, QStringLiteral("edited"));
            break;
        case '\x04':
            flush();
            if (!lastOwn.isEmpty())
                room->retractMessage(lastOwn);
            break;
        case '\x05':
            flush();
            if (!room->members().isEmpty())
                room->sendPrivate(room->members().first().user.id, QStringLiteral("psst"));
            break;
        default:
            chunk += c;
        }
    }
    flush();
    QCoreApplication::sendPostedEvents();
    checkTimeline(room->timeline());
    for (client::Conversation *conversation : account->conversations())
        checkTimeline(conversation->timeline());
    account.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
