// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "client/room.h"

#include "client/account.h"
#include "client/conversation.h"
#include "client/delivery.h"
#include "client/historycache.h"
#include "client/historypager.h"
#include "client/outbox.h"
#include "client/sendfailure.h"
#include "client/timeline.h"
#include "client/typingcache.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <utility>

namespace talker::client {

Q_LOGGING_CATEGORY(lcClientRoom, "talker.client.room")

using namespace protocol;

namespace {
const QString kMe = QStringLiteral("/me ");

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

Room::Room(Account *account, const QString &name, QObject *parent)
    : Chat(account, QStringLiteral("room:") + name, parent)
    , m_name(name)
    , m_session(new Session(account->config(), name, this))
    , m_pager(new HistoryPager(m_session, timeline(), account->cache(), this))
    , m_typing(new TypingCache(this))
    , m_delivery(new Delivery(
          name, m_session, account->outbox(), [this](const Message &m) { return timelineOf(m); },
          [this](const QString &userId) { return recipientName(userId); }, this))
    , m_members(new MemberList(this))
{
    m_session->setSettings(account->sessionSettings());
    m_session->setToken(account->token());
    m_session->setSslConfigurator(account->sslConfigurator());
    m_draftTimer.setSingleShot(true);

    connect(m_session, &Session::stateChanged, this, &Room::stateChanged);
    connect(m_session, &Session::statusChanged, this, &Room::statusChanged);
    connect(m_session, &Session::connected, this, &Room::onConnected);
    connect(m_session, &Session::messageReceived, this, &Room::onMessage);
    connect(m_session, &Session::usersReceived, this, &Room::onUsers);
    connect(m_session, &Session::presenceReceived, this, &Room::onPresence);
    connect(m_session, &Session::incomingStarted, this, [this] { m_receiving = true; });
    connect(m_session, &Session::incomingFinished, this, &Room::endAppendBatches);
    connect(m_session, &Session::disconnected, this, [this] { m_typing->clear(); });
    connect(&m_draftTimer, &QTimer::timeout, this, &Room::sendDraftNow);
    connect(m_typing, &TypingCache::changed, this, &Room::typingChanged);
    loadInitial();
}

Room::~Room() = default;

void Room::batchAppends(Timeline *target)
{
    if (!m_receiving || m_batched.contains(target))
        return;
    target->beginBatch();
    m_batched.append(target);
}

void Room::endAppendBatches()
{
    m_receiving = false;
    const QList<QPointer<Timeline>> batched = std::exchange(m_batched, {});
    for (Timeline *t : batched) {
        if (t)
            t->endBatch();
    }
}

void Room::loadInitial()
{
    m_session->setLastEventId(account()->cache()->lastEventId(m_name));
    // unconfirmed messages from the last run go back on screen, pending
    const QList<OutboxEntry> entries = account()->outbox()->entries(m_name);
    for (const OutboxEntry &e : entries) {
        const Message m = ownMessage(e);
        Timeline *t = timelineOf(m);
        const int row = t->indexOf(m.id);
        if (e.content.isEmpty()) {
            continue; // a retraction waiting to be sent: the row is already gone
        } else if (row >= 0) {
            Message old = t->at(row);
            old.text = e.content;
            old.delivery = m.delivery;
            old.failReason = m.failReason;
            t->replace(row, old);
        } else {
            t->append(m);
        }
    }
}

void Room::open()
{
    m_session->setToken(account()->token());
    m_session->setIncludePartial(true);
    m_session->open();
}

void Room::close()
{
    m_session->close();
}

void Room::setCounters(int unread, int mentions)
{
    m_unread = qMax(0, unread);
    m_mentions = qMax(0, mentions);
    emit countersChanged();
}

QString Room::key() const
{
    return account()->id() + QLatin1Char('/') + m_name;
}

QString Room::previewOf(const Message &m) const
{
    return m.isAction ? QStringLiteral("* %1 %2").arg(m.authorName, m.text)
                      : QStringLiteral("%1: %2").arg(m.authorName, m.text);
}

QStringList Room::typingUsers() const
{
    QStringList names;
    for (const TypingCache::Draft &d : m_typing->drafts())
        names.append(d.name);
    return names;
}

QString Room::typingText() const
{
    const QList<TypingCache::Draft> drafts = m_typing->drafts();
    if (drafts.isEmpty())
        return QString();
    if (drafts.size() == 1) {
        QString draft = drafts.at(0).text.simplified();
        if (draft.size() > 60)
            draft = draft.left(59) + QChar(0x2026);
        return tr("%1 is typing: %2").arg(drafts.at(0).name, draft);
    }
    if (drafts.size() == 2)
        return tr("%1 and %2 are typing…").arg(drafts.at(0).name, drafts.at(1).name);
    return tr("Several people are typing…");
}

QString Room::typingDraft(const QString &userId) const
{
    return m_typing->draft(userId);
}

void Room::setSendDrafts(bool on)
{
    if (m_sendDrafts == on)
        return;
    m_sendDrafts = on;
    emit sendDraftsChanged();
}

// ---- sending --------------------------------------------------------------------------

QString Room::sendMessage(const QString &text)
{
    return sendInto(timeline(), text, QString());
}

QString Room::reply(const QString &replyTo, const QString &text)
{
    return sendInto(timeline(), text, QString(), replyTo);
}

QString Room::sendPrivate(const QString &toUserId, const QString &text)
{
    if (toUserId.isEmpty())
        return QString();
    QString peerName = toUserId;
    if (const int i = memberIndex(toUserId); i >= 0)
        peerName = members().at(i).user.name;
    Conversation *c = account()->openConversation(toUserId, peerName, this);
    return sendInto(c->timeline(), text, toUserId);
}

Message Room::ownMessage(const OutboxEntry &e) const
{
    Message m;
    m.id = e.id;
    m.authorId = account()->userId();
    m.authorName = account()->userName();
    m.text = e.content;
    m.time = e.created;
    m.isOwn = true;
    m.isAction = e.action;
    m.replyTo = e.replyTo;
    m.isPrivate = !e.to.isEmpty();
    m.peerId = e.to;
    m.delivery = e.failed ? Message::Delivery::Failed : Message::Delivery::Pending;
    m.failReason = failureText(e);
    return m;
}

QString Room::sendInto(Timeline *target, const QString &text, const QString &to,
                       const QString &replyTo)
{
    if (text.trimmed().isEmpty() || !target)
        return QString();
    OutboxEntry e;
    e.room = m_name;
    e.to = to;
    e.content = text;
    if (text.startsWith(kMe)) {
        e.action = true;
        e.content = text.mid(kMe.size());
    }
    // the draft's id commits the partial the others already see
    e.id = (to.isEmpty() && !m_draftId.isEmpty()) ? m_draftId : Outbox::newMessageId();
    m_draftId.clear();
    m_draft.clear();
    m_draftSent.clear();
    m_draftTimer.stop();
    e.created = nowSecs();
    e.replyTo = replyTo;
    account()->outbox()->put(e);

    target->append(ownMessage(e));
    if (m_session->isConnected())
        m_delivery->send(e);
    return e.id;
}

bool Room::editMessage(const QString &id, const QString &text)
{
    if (timeline()->indexOf(id) >= 0)
        return editIn(timeline(), id, text);
    for (Conversation *c : account()->conversations()) {
        if (c->timeline()->indexOf(id) >= 0)
            return editIn(c->timeline(), id, text);
    }
    return false;
}

bool Room::editIn(Timeline *target, const QString &id, const QString &text)
{
    const int row = target->indexOf(id);
    if (row < 0)
        return false;
    Message m = target->at(row);
    if (!m.isOwn || m.deleted)
        return false;
    const bool retract = text.isEmpty();
    std::optional<OutboxEntry> pending = account()->outbox()->entry(m_name, id);
    if (retract && pending && pending->attempts == 0) {
        // never left this machine: just forget it
        account()->outbox()->remove(m_name, id);
        target->removeAt(row);
        return true;
    }
    OutboxEntry e = pending.value_or(OutboxEntry());
    e.room = m_name;
    e.id = id;
    e.to = m.isPrivate ? m.peerId : QString();
    e.action = m.isAction;
    e.replyTo = m.replyTo; // an edit is a new line: it says again what it answers
    e.content = retract ? QStringLiteral("") : text;
    e.clearFailure();
    e.attempts = 0;
    if (!e.created)
        e.created = nowSecs();
    account()->outbox()->put(e);
    if (retract) {
        if (m_keepRetracted) {
            m.deleted = true;
            m.text.clear();
            account()->cache()->storeMessage(target->key(), m);
            target->replace(row, m);
        } else {
            account()->cache()->removeMessage(target->key(), id);
            target->removeAt(row);
        }
    } else {
        if (m.delivery == Message::Delivery::Sent)
            m.edited = nowSecs();
        m.text = text;
        m.delivery = Message::Delivery::Pending;
        target->replace(row, m);
    }
    if (m_session->isConnected())
        m_delivery->send(e);
    return true;
}

bool Room::retry(const QString &id)
{
    return m_delivery->retry(id);
}

// ---- drafts -----------------------------------------------------------------------------

void Room::setDraft(const QString &text)
{
    m_draft = text;
    if (!m_sendDrafts || !m_session->isConnected())
        return;
    if (m_draftId.isEmpty()) {
        if (text.isEmpty())
            return;
        m_draftId = Outbox::newMessageId();
    }
    if (!m_draftTimer.isActive())
        m_draftTimer.start(m_draftSent.isEmpty() ? 0 : m_session->settings().draftIntervalMs);
}

void Room::sendDraftNow()
{
    if (m_draftId.isEmpty() || m_draft == m_draftSent)
        return;
    MessageEvent ev;
    ev.id = m_draftId;
    ev.content = m_draft.isNull() ? QStringLiteral("") : m_draft;
    ev.partial = true;
    m_session->send(ev);
    m_draftSent = m_draft;
    if (m_draft.isEmpty()) {
        m_draftId.clear(); // nothing committed: the next draft starts a new message
        m_draftSent.clear();
    }
}

void Room::markRead()
{
    Chat::markRead();
    emit persistentStateChanged();
}

} // namespace talker::client
