// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/delivery.h"

#include "client/message.h"
#include "client/outbox.h"
#include "client/sendfailure.h"
#include "client/session.h"
#include "client/timeline.h"

#include <QLoggingCategory>
#include <QTimer>

namespace talker::client {

Q_DECLARE_LOGGING_CATEGORY(lcClientRoom)

using namespace protocol;

Delivery::Delivery(const QString &room, Session *session, Outbox *outbox, TimelineOf timelineOf,
                   NameOf nameOf, QObject *parent)
    : QObject(parent)
    , m_room(room)
    , m_session(session)
    , m_outbox(outbox)
    , m_timelineOf(std::move(timelineOf))
    , m_nameOf(std::move(nameOf))
{
    connect(m_session, &Session::connected, this, &Delivery::onConnected);
    connect(m_session, &Session::serverError, this, &Delivery::onServerError);
    connect(m_session, &Session::disconnected, this, [this] { m_inFlight.clear(); });
}

void Delivery::onConnected()
{
    m_inFlight.clear();
    m_flushed = false;
    // The room flushes after the replay and `users` (replayed broadcasts confirm
    // entries first); a server that sends no `users` gets it a moment later.
    QTimer::singleShot(2000, this, [this] {
        if (m_session->isConnected() && !m_flushed)
            flush();
    });
}

void Delivery::send(const OutboxEntry &entry)
{
    MessageEvent ev;
    ev.id = entry.id;
    ev.content = entry.content.isNull() ? QStringLiteral("") : entry.content;
    ev.to = entry.to;
    if (entry.action)
        ev.extra.insert(QStringLiteral("action"), true);
    if (!entry.replyTo.isEmpty())
        ev.extra.insert(QStringLiteral("reply_to"), entry.replyTo);
    if (!m_session->send(ev))
        return;
    OutboxEntry e = entry;
    ++e.attempts;
    m_outbox->put(e);
    m_inFlight.removeAll(e.id);
    m_inFlight.append(e.id);
}

void Delivery::flush()
{
    m_flushed = true;
    const QList<OutboxEntry> entries = m_outbox->entries(m_room);
    for (const OutboxEntry &e : entries) {
        if (e.failed)
            continue;
        if (e.attempts >= m_session->settings().maxSendAttempts) {
            OutboxEntry unconfirmed = e;
            unconfirmed.failure = OutboxEntry::Failure::Unconfirmed;
            markFailed(std::move(unconfirmed));
            continue;
        }
        send(e);
    }
}

bool Delivery::confirm(const QString &id, const QString &content, bool deleted)
{
    const std::optional<OutboxEntry> e = m_outbox->entry(m_room, id);
    if (!e || !(deleted ? e->content.isEmpty() : e->content == content))
        return false;
    m_outbox->remove(m_room, id);
    m_inFlight.removeAll(id);
    return true;
}

bool Delivery::retry(const QString &id)
{
    std::optional<OutboxEntry> e = m_outbox->entry(m_room, id);
    if (!e)
        return false;
    e->clearFailure();
    e->attempts = 0;
    m_outbox->put(*e);
    showDelivery(id, e->to, false, QString());
    if (m_session->isConnected())
        send(*e);
    else
        m_session->retryNow();
    return true;
}

void Delivery::onServerError(const ErrorEvent &error)
{
    if (error.code == ErrorCode::NotStored) {
        // the server could not store it and broadcast nothing: send the unconfirmed
        // messages again a little later (the duplicate rule keeps that safe)
        QTimer::singleShot(2000, this, [this] {
            if (m_session->isConnected())
                flush();
        });
        return;
    }
    QString id = error.id;
    if (id.isEmpty() && !m_inFlight.isEmpty() &&
        (error.code == ErrorCode::NoSuchUser || error.code == ErrorCode::NotYourMessage)) {
        // A server of the base protocol names no id: these two answer the newest send.
        id = m_inFlight.constLast();
    }
    if (id.isEmpty())
        return;
    std::optional<OutboxEntry> entry = m_outbox->entry(m_room, id);
    if (!entry)
        return; // not one of ours in this room (another room's session, or already gone)
    entry->failure = OutboxEntry::Failure::Refused;
    entry->failError = error.message;
    entry->failRecipient = entry->to.isEmpty() ? QString() : m_nameOf(entry->to);
    markFailed(std::move(*entry));
}

void Delivery::markFailed(OutboxEntry entry)
{
    entry.failed = true;
    const QString reason = failureText(entry);
    qCInfo(lcClientRoom) << m_room << "message" << entry.id << "failed:" << reason;
    m_outbox->put(entry); // with its reason: a restart shows it again
    m_inFlight.removeAll(entry.id);
    showDelivery(entry.id, entry.to, true, reason);
}

void Delivery::showDelivery(const QString &id, const QString &to, bool failed,
                            const QString &reason)
{
    Message probe;
    probe.id = id;
    probe.isPrivate = !to.isEmpty();
    probe.peerId = to;
    Timeline *t = m_timelineOf(probe);
    if (const int row = t->indexOf(id); row >= 0) {
        Message m = t->at(row);
        m.delivery = failed ? Message::Delivery::Failed : Message::Delivery::Pending;
        m.failReason = reason;
        t->replace(row, m);
    }
}

} // namespace talker::client
