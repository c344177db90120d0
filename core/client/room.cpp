#include "client/room.h"

#include "client/account.h"
#include "client/conversation.h"
#include "client/historycache.h"
#include "client/historypager.h"
#include "client/outbox.h"
#include "client/timeline.h"
#include "protocol/protocolerror.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <utility>

namespace talker::client {

Q_LOGGING_CATEGORY(lcClientRoom, "talker.client.room")

using namespace protocol;

namespace {
constexpr qint64 TypingExpiryMs = 8000;
const QString kMe = QStringLiteral("/me ");

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}
} // namespace

Room::Room(Account *account, const QString &name, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_name(name)
    , m_session(new Session(account->config(), name, this))
    , m_timeline(new Timeline(QStringLiteral("room:") + name, this))
    , m_pager(new HistoryPager(m_session, m_timeline, account->cache(), this))
{
    m_session->setSettings(account->sessionSettings());
    m_session->setToken(account->token());
    m_session->setSslConfigurator(account->sslConfigurator());
    m_timeline->setCache(account->cache());
    m_timeline->setWindowSize(account->windowSize());
    m_draftTimer.setSingleShot(true);
    m_typingTimer.setInterval(1000);

    connect(m_session, &Session::stateChanged, this, &Room::stateChanged);
    connect(m_session, &Session::statusChanged, this, &Room::statusChanged);
    connect(m_session, &Session::connected, this, &Room::onConnected);
    connect(m_session, &Session::messageReceived, this, &Room::onMessage);
    connect(m_session, &Session::usersReceived, this, &Room::onUsers);
    connect(m_session, &Session::presenceReceived, this, &Room::onPresence);
    connect(m_session, &Session::serverError, this, &Room::onServerError);
    connect(m_session, &Session::incomingStarted, this, [this] { m_receiving = true; });
    connect(m_session, &Session::incomingFinished, this, &Room::endAppendBatches);
    connect(m_session, &Session::disconnected, this, [this] {
        m_inFlight.clear();
        if (!m_typing.isEmpty()) {
            m_typing.clear();
            emit typingChanged();
        }
    });
    connect(&m_draftTimer, &QTimer::timeout, this, &Room::sendDraftNow);
    connect(&m_typingTimer, &QTimer::timeout, this, &Room::expireTyping);
    connect(m_timeline, &Timeline::rowsInserted, this, [this](int, int last) {
        if (last == m_timeline->count() - 1)
            emit lastMessageChanged();
    });
    connect(m_timeline, &Timeline::rowChanged, this, [this](int row) {
        if (row == m_timeline->count() - 1)
            emit lastMessageChanged();
    });
    connect(m_timeline, &Timeline::rowsRemoved, this, &Room::lastMessageChanged);
    loadInitial();
}

Room::~Room() = default;

void Room::batchAppends(Timeline *timeline)
{
    if (!m_receiving || m_batched.contains(timeline))
        return;
    timeline->beginBatch();
    m_batched.append(timeline);
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
    HistoryCache *cache = m_account->cache();
    m_session->setLastEventId(cache->lastEventId(m_name));
    m_timeline->reset(cache->latest(m_timeline->key(), qMin(m_account->windowSize(), 200)));
    // unconfirmed messages from the last run go back on screen, pending
    const QList<OutboxEntry> entries = m_account->outbox()->entries(m_name);
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
            t->replace(row, old);
        } else {
            t->append(m);
        }
    }
}

void Room::open()
{
    m_session->setToken(m_account->token());
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

QString Room::lastMessagePreview() const
{
    const Message m = m_timeline->last();
    if (m.id.isEmpty())
        return QString();
    QString text = m.isAction ? QStringLiteral("* %1 %2").arg(m.authorName, m.text)
                              : QStringLiteral("%1: %2").arg(m.authorName, m.text);
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > 100 ? text.left(99) + QChar(0x2026) : text;
}

QDateTime Room::lastMessageTime() const
{
    const Message m = m_timeline->last();
    return m.id.isEmpty() ? QDateTime() : QDateTime::fromSecsSinceEpoch(m.time);
}

int Room::memberIndex(const QString &userId) const
{
    return m_memberIndex.value(userId, -1);
}

QStringList Room::typingUsers() const
{
    QStringList names;
    for (const Typing &t : m_typing)
        names.append(t.name);
    names.sort(Qt::CaseInsensitive);
    return names;
}

QString Room::typingText() const
{
    const QStringList names = typingUsers();
    if (names.isEmpty())
        return QString();
    if (names.size() == 1) {
        const Typing &t = *m_typing.cbegin();
        QString draft = t.text.simplified();
        if (draft.size() > 60)
            draft = draft.left(59) + QChar(0x2026);
        return tr("%1 is typing: %2").arg(t.name, draft);
    }
    if (names.size() == 2)
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    return tr("Several people are typing…");
}

QString Room::typingDraft(const QString &userId) const
{
    return m_typing.value(userId).text;
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
    return sendInto(m_timeline, text, QString());
}

QString Room::sendPrivate(const QString &toUserId, const QString &text)
{
    if (toUserId.isEmpty())
        return QString();
    QString peerName = toUserId;
    if (const int i = memberIndex(toUserId); i >= 0)
        peerName = m_members.at(i).user.name;
    Conversation *c = m_account->openConversation(toUserId, peerName, this);
    return sendInto(c->timeline(), text, toUserId);
}

Message Room::ownMessage(const OutboxEntry &e) const
{
    Message m;
    m.id = e.id;
    m.authorId = m_account->userId();
    m.authorName = m_account->userName();
    m.text = e.content;
    m.time = e.created;
    m.isOwn = true;
    m.isAction = e.action;
    m.isPrivate = !e.to.isEmpty();
    m.peerId = e.to;
    m.delivery = e.failed ? Message::Delivery::Failed : Message::Delivery::Pending;
    return m;
}

QString Room::sendInto(Timeline *timeline, const QString &text, const QString &to)
{
    if (text.trimmed().isEmpty() || !timeline)
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
    m_account->outbox()->put(e);

    timeline->append(ownMessage(e));
    if (m_session->isConnected())
        sendEntry(e);
    return e.id;
}

bool Room::editMessage(const QString &id, const QString &text)
{
    if (m_timeline->indexOf(id) >= 0)
        return editIn(m_timeline, id, text);
    for (Conversation *c : m_account->conversations()) {
        if (c->timeline()->indexOf(id) >= 0)
            return editIn(c->timeline(), id, text);
    }
    return false;
}

bool Room::retractMessage(const QString &id)
{
    return editMessage(id, QStringLiteral(""));
}

bool Room::editIn(Timeline *timeline, const QString &id, const QString &text)
{
    const int row = timeline->indexOf(id);
    if (row < 0)
        return false;
    Message m = timeline->at(row);
    if (!m.isOwn || m.deleted)
        return false;
    const bool retract = text.isEmpty();
    std::optional<OutboxEntry> pending = m_account->outbox()->entry(m_name, id);
    if (retract && pending && pending->attempts == 0) {
        // never left this machine: just forget it
        m_account->outbox()->remove(m_name, id);
        timeline->removeAt(row);
        return true;
    }
    OutboxEntry e = pending.value_or(OutboxEntry());
    e.room = m_name;
    e.id = id;
    e.to = m.isPrivate ? m.peerId : QString();
    e.action = m.isAction;
    e.content = retract ? QStringLiteral("") : text;
    e.failed = false;
    e.attempts = 0;
    if (!e.created)
        e.created = nowSecs();
    m_account->outbox()->put(e);
    if (retract) {
        m_account->cache()->removeMessage(timeline->key(), id);
        if (m_keepRetracted) {
            m.deleted = true;
            m.text.clear();
            timeline->replace(row, m);
        } else {
            timeline->removeAt(row);
        }
    } else {
        if (m.delivery == Message::Delivery::Sent)
            m.edited = nowSecs();
        m.text = text;
        m.delivery = Message::Delivery::Pending;
        timeline->replace(row, m);
    }
    if (m_session->isConnected())
        sendEntry(e);
    return true;
}

bool Room::retry(const QString &id)
{
    std::optional<OutboxEntry> e = m_account->outbox()->entry(m_name, id);
    if (!e)
        return false;
    e->failed = false;
    e->attempts = 0;
    m_account->outbox()->put(*e);
    Message probe;
    probe.id = id;
    probe.isPrivate = !e->to.isEmpty();
    probe.peerId = e->to;
    Timeline *t = timelineOf(probe);
    if (const int row = t->indexOf(id); row >= 0) {
        Message m = t->at(row);
        m.delivery = Message::Delivery::Pending;
        t->replace(row, m);
    }
    if (m_session->isConnected())
        sendEntry(*e);
    else
        m_session->retryNow();
    return true;
}

QString Room::lastOwnMessageId() const
{
    return lastOwnIn(m_timeline);
}

QString Room::lastOwnIn(Timeline *timeline) const
{
    for (int row = timeline->count() - 1; row >= 0; --row) {
        const Message &m = timeline->at(row);
        if (m.isOwn && !m.deleted)
            return m.id;
    }
    return QString();
}

void Room::sendEntry(const OutboxEntry &entry)
{
    MessageEvent ev;
    ev.id = entry.id;
    ev.content = entry.content.isNull() ? QStringLiteral("") : entry.content;
    ev.to = entry.to;
    if (entry.action)
        ev.extra.insert(QStringLiteral("action"), true);
    if (!m_session->send(ev))
        return;
    OutboxEntry e = entry;
    ++e.attempts;
    m_account->outbox()->put(e);
    m_inFlight.removeAll(e.id);
    m_inFlight.append(e.id);
}

void Room::flushOutbox()
{
    m_outboxFlushed = true;
    const QList<OutboxEntry> entries = m_account->outbox()->entries(m_name);
    for (const OutboxEntry &e : entries) {
        if (e.failed)
            continue;
        if (e.attempts >= m_session->settings().maxSendAttempts) {
            markFailed(e.id);
            continue;
        }
        sendEntry(e);
    }
}

void Room::markFailed(const QString &id)
{
    std::optional<OutboxEntry> e = m_account->outbox()->entry(m_name, id);
    if (!e)
        return;
    qCInfo(lcClientRoom) << m_name << "message" << id << "failed";
    e->failed = true;
    m_account->outbox()->put(*e);
    m_inFlight.removeAll(id);
    Message probe;
    probe.isPrivate = !e->to.isEmpty();
    probe.peerId = e->to;
    Timeline *t = timelineOf(probe);
    if (const int row = t->indexOf(id); row >= 0) {
        Message m = t->at(row);
        m.delivery = Message::Delivery::Failed;
        t->replace(row, m);
    }
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

void Room::expireTyping()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool changed = false;
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        if (now - it->lastSeenMs > TypingExpiryMs) {
            it = m_typing.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (m_typing.isEmpty())
        m_typingTimer.stop();
    if (changed)
        emit typingChanged();
}

void Room::markRead()
{
    const Message last = m_timeline->last();
    if (!last.id.isEmpty() && last.delivery == Message::Delivery::Sent)
        m_timeline->setLastReadId(last.id);
    if (m_unread || m_mentions) {
        m_unread = 0;
        m_mentions = 0;
        emit countersChanged();
    }
    emit persistentStateChanged();
}

} // namespace talker::client
