// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/clusterstore.h"

#include "cluster/natslink.h"
#include "protocol/codec.h"
#include "protocol/username.h"
#include "store/token.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <deque>

namespace talker::cluster {

namespace {

constexpr int64_t kReadTimeoutMs = 2000;

QByteArray nameKey(const QString &name)
{
    // One account per name ignoring case (and Unicode forms), as in a single server.
    return "name." + names::token(protocol::userNameKey(name));
}

QByteArray idKey(const QString &id)
{
    return "id." + id.toUtf8();
}

QByteArray tokenKey(const QByteArray &hash)
{
    return "token." + hash;
}

QString header(natsMsg *msg, const char *key)
{
    const char *value = nullptr;
    if (natsMsgHeader_Get(msg, key, &value) != NATS_OK || !value)
        return QString();
    return QString::fromUtf8(value);
}

bool visibleTo(const store::StoredEvent &e, const QString &userId)
{
    return e.recipientId.isEmpty() || e.senderId == userId || e.recipientId == userId;
}

} // namespace

ClusterStore::ClusterStore(NatsLink *link)
    : m_link(link)
    , m_invites(link)
{}

bool ClusterStore::fail(natsStatus status, const char *what, jsErrCode code)
{
    m_link->fail(status, what, code);
    m_error = m_link->lastError();
    return false;
}

std::optional<QByteArray> ClusterStore::get(const QByteArray &key)
{
    kvEntry *entry = nullptr;
    const natsStatus s = kvStore_Get(&entry, m_link->users(), key.constData());
    if (s != NATS_OK) {
        if (s != NATS_NOT_FOUND)
            fail(s, "users");
        return std::nullopt;
    }
    QByteArray value(static_cast<const char *>(kvEntry_Value(entry)), kvEntry_ValueLen(entry));
    kvEntry_Destroy(entry);
    return value;
}

std::optional<QString> ClusterStore::nextUserId()
{
    const std::optional<quint64> id =
        ClusterInvites::nextCounter(m_link->users(), "counter", &m_error);
    return id ? std::optional<QString>(QString::number(*id)) : std::nullopt;
}

std::optional<store::UserRecord> ClusterStore::addUser(const QString &name, QString *token)
{
    m_error.clear();
    m_nameTaken = false;
    if (name.trimmed().isEmpty()) {
        m_error = QStringLiteral("empty user name");
        return std::nullopt;
    }
    if (get(nameKey(name))) {
        m_error = QStringLiteral("user %1 exists").arg(name);
        m_nameTaken = true;
        return std::nullopt;
    }
    const std::optional<QString> id = nextUserId();
    if (!id)
        return std::nullopt;
    // The name is reserved by create (compare-and-set): of two racing adds one wins.
    uint64_t rev = 0;
    const QByteArray idBytes = id->toUtf8();
    natsStatus s = kvStore_Create(&rev, m_link->users(), nameKey(name).constData(),
                                  idBytes.constData(), int(idBytes.size()));
    if (s != NATS_OK) {
        m_error = QStringLiteral("user %1 exists").arg(name);
        m_nameTaken = true;
        return std::nullopt;
    }
    const QString secret = store::generateToken();
    const QByteArray hash = store::hashToken(secret);
    const QByteArray record =
        QJsonDocument(QJsonObject{{QStringLiteral("name"), name},
                                  {QStringLiteral("hash"), QString::fromLatin1(hash)}})
            .toJson(QJsonDocument::Compact);
    s = kvStore_Put(&rev, m_link->users(), idKey(*id).constData(), record.constData(),
                    int(record.size()));
    if (s == NATS_OK)
        s = kvStore_Put(&rev, m_link->users(), tokenKey(hash).constData(), idBytes.constData(),
                        int(idBytes.size()));
    if (s != NATS_OK) {
        fail(s, "add user");
        return std::nullopt;
    }
    if (token)
        *token = secret;
    return store::UserRecord{*id, name};
}

std::optional<store::UserRecord> ClusterStore::userById(const QString &id)
{
    const std::optional<QByteArray> record = get(idKey(id));
    if (!record)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(*record).object();
    return store::UserRecord{id, o.value(QLatin1String("name")).toString()};
}

bool ClusterStore::removeUser(const QString &name)
{
    m_error.clear();
    const std::optional<QByteArray> id = get(nameKey(name));
    if (!id)
        return false;
    if (const auto record = get(idKey(QString::fromUtf8(*id)))) {
        const QByteArray hash = QJsonDocument::fromJson(*record)
                                    .object()
                                    .value(QLatin1String("hash"))
                                    .toString()
                                    .toLatin1();
        kvStore_Delete(m_link->users(), tokenKey(hash).constData());
    }
    kvStore_Delete(m_link->users(), idKey(QString::fromUtf8(*id)).constData());
    const natsStatus s = kvStore_Delete(m_link->users(), nameKey(name).constData());
    return s == NATS_OK || fail(s, "remove user");
}

std::optional<QString> ClusterStore::resetToken(const QString &name)
{
    m_error.clear();
    const std::optional<QByteArray> id = get(nameKey(name));
    if (!id)
        return std::nullopt;
    const auto record = get(idKey(QString::fromUtf8(*id)));
    const QByteArray oldHash = record ? QJsonDocument::fromJson(*record)
                                            .object()
                                            .value(QLatin1String("hash"))
                                            .toString()
                                            .toLatin1()
                                      : QByteArray();
    const QString secret = store::generateToken();
    const QByteArray hash = store::hashToken(secret);
    const QByteArray updated =
        QJsonDocument(QJsonObject{{QStringLiteral("name"), name},
                                  {QStringLiteral("hash"), QString::fromLatin1(hash)}})
            .toJson(QJsonDocument::Compact);
    uint64_t rev = 0;
    natsStatus s = kvStore_Put(&rev, m_link->users(), idKey(QString::fromUtf8(*id)).constData(),
                               updated.constData(), int(updated.size()));
    if (s == NATS_OK)
        s = kvStore_Put(&rev, m_link->users(), tokenKey(hash).constData(), id->constData(),
                        int(id->size()));
    if (s == NATS_OK && !oldHash.isEmpty())
        s = kvStore_Delete(m_link->users(), tokenKey(oldHash).constData());
    if (s != NATS_OK) {
        fail(s, "reset token");
        return std::nullopt;
    }
    return secret;
}

QList<store::UserRecord> ClusterStore::users()
{
    QList<store::UserRecord> out;
    kvKeysList keys;
    if (kvStore_Keys(&keys, m_link->users(), nullptr) != NATS_OK)
        return out;
    for (int i = 0; i < keys.Count; ++i) {
        const QByteArray key(keys.Keys[i]);
        if (key.startsWith("id.")) {
            if (auto user = userById(QString::fromUtf8(key.mid(3))))
                out.append(*user);
        }
    }
    kvKeysList_Destroy(&keys);
    std::sort(out.begin(), out.end(), [](const store::UserRecord &a, const store::UserRecord &b) {
        return a.id.toLongLong() < b.id.toLongLong();
    });
    return out;
}

std::optional<store::UserRecord> ClusterStore::userByToken(const QString &token)
{
    m_error.clear();
    if (token.isEmpty())
        return std::nullopt;
    const std::optional<QByteArray> id = get(tokenKey(store::hashToken(token)));
    return id ? userById(QString::fromUtf8(*id)) : std::nullopt;
}

std::optional<store::UserRecord> ClusterStore::userByName(const QString &name)
{
    m_error.clear();
    const std::optional<QByteArray> id = get(nameKey(name));
    return id ? userById(QString::fromUtf8(*id)) : std::nullopt;
}

std::optional<store::UserRecord> ClusterStore::userByNameKey(const QString &name)
{
    return userByName(name); // the name key ignores case already
}

std::optional<store::InviteRecord> ClusterStore::createInvite(const QString &room, int uses,
                                                              qint64 expires, QString *code)
{
    const auto record = m_invites.create(room, uses, expires, code);
    m_error = m_invites.lastError();
    return record;
}

QList<store::InviteRecord> ClusterStore::invites()
{
    const QList<store::InviteRecord> list = m_invites.list();
    m_error = m_invites.lastError();
    return list;
}

bool ClusterStore::revokeInvite(const QString &codeOrId)
{
    const bool revoked = m_invites.revoke(codeOrId);
    m_error = m_invites.lastError();
    return revoked;
}

store::RedeemResult ClusterStore::redeemInvite(const QString &code, const QString &name,
                                               store::UserRecord *user, QString *token)
{
    // A use is claimed first (compare-and-set), then the account is created; if that
    // fails the use is given back, so nothing is half done once this returns.
    const store::RedeemResult claimed = m_invites.claim(code);
    if (claimed != store::RedeemResult::Ok) {
        m_error = m_invites.lastError();
        return claimed;
    }
    const bool taken = userByNameKey(name).has_value();
    const std::optional<store::UserRecord> created = taken ? std::nullopt : addUser(name, token);
    if (!created) {
        const QString why = m_error;
        m_invites.release(code);
        m_error = why;
        // addUser() refuses a name another node took meanwhile: taken as well.
        return taken || m_nameTaken ? store::RedeemResult::NameTaken : store::RedeemResult::Failed;
    }
    if (user)
        *user = *created;
    return store::RedeemResult::Ok;
}

bool ClusterStore::ensureRoom(const QString &room)
{
    uint64_t rev = 0;
    const QByteArray key = "room." + names::token(room);
    // Create, not put: an existing room costs one failed compare-and-set, no write.
    kvStore_Create(&rev, m_link->users(), key.constData(), "", 0);
    return true;
}

QStringList ClusterStore::rooms()
{
    QStringList out;
    kvKeysList keys;
    if (kvStore_Keys(&keys, m_link->users(), nullptr) != NATS_OK)
        return out;
    for (int i = 0; i < keys.Count; ++i) {
        const QByteArray key(keys.Keys[i]);
        if (key.startsWith("room."))
            out.append(QString::fromUtf8(QByteArray::fromHex(key.mid(5))));
    }
    kvKeysList_Destroy(&keys);
    out.sort();
    return out;
}

natsMsg *ClusterStore::toMessage(const store::StoredEvent &event, qint64 expectedSeq,
                                 jsPubOptions *po)
{
    natsMsg *msg = nullptr;
    const QByteArray subject = names::eventSubject(event.room, event.id);
    if (natsMsg_Create(&msg, subject.constData(), nullptr, event.line.constData(),
                       int(event.line.size())) != NATS_OK)
        return nullptr;
    const QByteArray kind = QByteArray::number(int(event.kind));
    const QByteArray time = QByteArray::number(event.time);
    natsMsgHeader_Set(msg, "T-Kind", kind.constData());
    natsMsgHeader_Set(msg, "T-Sender", event.senderId.toUtf8().constData());
    if (!event.recipientId.isEmpty())
        natsMsgHeader_Set(msg, "T-To", event.recipientId.toUtf8().constData());
    natsMsgHeader_Set(msg, "T-Time", time.constData());
    jsPubOptions_Init(po);
    // Ownership and duplicates: the id must be new, or (an edit) still at the state we
    // read. Presence ids are new too, so a copy published twice is stored once.
    if (expectedSeq > 0 && event.kind == store::EventKind::Message)
        po->ExpectLastSubjectSeq = uint64_t(expectedSeq);
    else
        po->ExpectNoMessage = true;
    return msg;
}

bool ClusterStore::publish(store::StoredEvent *event, qint64 expectedSeq, bool *conflict)
{
    m_error.clear();
    if (conflict)
        *conflict = false;
    jsPubOptions po;
    natsMsg *msg = toMessage(*event, expectedSeq, &po);
    if (!msg)
        return fail(NATS_NO_MEMORY, "publish");
    jsPubAck *ack = nullptr;
    jsErrCode code = jsErrCode(0);
    const natsStatus s = js_PublishMsg(&ack, m_link->js(), msg, &po, &code);
    natsMsg_Destroy(msg);
    if (s != NATS_OK) {
        if (conflict)
            *conflict = code == JSStreamWrongLastSequenceErr;
        return fail(s, "publish", code);
    }
    event->seq = qint64(ack->Sequence);
    jsPubAck_Destroy(ack);
    return true;
}

void ClusterStore::publishAll(const QList<store::StoredEvent *> &events,
                              const QList<qint64> &expectedSeqs, QList<bool> *stored,
                              QList<bool> *conflicts)
{
    m_error.clear();
    stored->fill(false, events.size());
    conflicts->fill(false, events.size());
    m_link->takeAcks(); // nothing older belongs to this batch
    for (qsizetype i = 0; i < events.size(); ++i) {
        jsPubOptions po;
        natsMsg *msg = toMessage(*events[i], expectedSeqs.value(i), &po);
        if (!msg)
            continue;
        // The library owns the message once queued (and nulls our pointer).
        const natsStatus s = js_PublishMsgAsync(m_link->js(), &msg, &po);
        if (msg)
            natsMsg_Destroy(msg);
        if (s != NATS_OK)
            fail(s, "publish");
    }
    jsPubOptions wait;
    jsPubOptions_Init(&wait);
    wait.MaxWait = kReadTimeoutMs;
    const natsStatus s = js_PublishAsyncComplete(m_link->js(), &wait);
    if (s != NATS_OK)
        fail(s, "publish");
    const QHash<QByteArray, NatsLink::Ack> acks = m_link->takeAcks();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const auto it = acks.find(names::eventSubject(events[i]->room, events[i]->id));
        if (it == acks.end())
            continue; // no answer in time: reported as not stored
        (*stored)[i] = it->stored;
        (*conflicts)[i] = it->conflict;
        events[i]->seq = qint64(it->seq);
    }
}

bool ClusterStore::append(store::StoredEvent *event)
{
    return publish(event, 0, nullptr);
}

store::StoredEvent ClusterStore::fromMessage(natsMsg *msg, quint64 seq)
{
    store::StoredEvent e;
    e.seq = qint64(seq);
    e.room = names::roomOfSubject(natsMsg_GetSubject(msg));
    const QByteArray subject(natsMsg_GetSubject(msg));
    e.id = QString::fromUtf8(QByteArray::fromHex(subject.mid(subject.lastIndexOf('.') + 1)));
    e.kind = store::EventKind(header(msg, "T-Kind").toInt());
    e.senderId = header(msg, "T-Sender");
    e.recipientId = header(msg, "T-To");
    e.time = header(msg, "T-Time").toLongLong();
    e.line = QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    return e;
}

std::optional<store::StoredEvent> ClusterStore::latest(const QString &room, const QString &id)
{
    m_error.clear();
    natsMsg *msg = nullptr;
    jsErrCode code = jsErrCode(0);
    const QByteArray subject = names::eventSubject(room, id);
    const natsStatus s =
        js_GetLastMsg(&msg, m_link->js(), names::kStream, subject.constData(), nullptr, &code);
    if (s != NATS_OK) {
        if (s != NATS_NOT_FOUND)
            fail(s, "latest", code);
        return std::nullopt;
    }
    store::StoredEvent e = fromMessage(msg, natsMsg_GetSequence(msg));
    natsMsg_Destroy(msg);
    if (e.kind == store::EventKind::Message) {
        const protocol::DecodeResult decoded = protocol::decode(e.line.trimmed());
        if (decoded.ok()) {
            if (const auto *m = std::get_if<protocol::MessageEvent>(&*decoded.event))
                e.content = m->deleted ? QString() : m->content;
        }
    }
    return e;
}

quint64 ClusterStore::firstSeq(const QByteArray &subject, quint64 from)
{
    // Asked of the stream leader, not with a direct get that any replica answers: a
    // replica that just came back may not have the newest events yet.
    const QByteArray request =
        QJsonDocument(QJsonObject{{QStringLiteral("seq"), double(qMax<quint64>(1, from))},
                                  {QStringLiteral("next_by_subj"), QString::fromUtf8(subject)}})
            .toJson(QJsonDocument::Compact);
    natsMsg *reply = nullptr;
    const QByteArray api = QByteArray("$JS.API.STREAM.MSG.GET.") + names::kStream;
    const natsStatus s =
        natsConnection_Request(&reply, m_link->connection(), api.constData(), request.constData(),
                               int(request.size()), kReadTimeoutMs);
    if (s != NATS_OK) {
        fail(s, "history");
        return 0;
    }
    const QJsonObject answer =
        QJsonDocument::fromJson(QByteArray(natsMsg_GetData(reply), natsMsg_GetDataLength(reply)))
            .object();
    natsMsg_Destroy(reply);
    const QJsonObject message = answer.value(QLatin1String("message")).toObject();
    if (message.isEmpty()) {
        const int code =
            answer.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toInt();
        if (code != 404)
            m_error = QStringLiteral("history: JetStream error %1").arg(code);
        return 0;
    }
    return quint64(message.value(QLatin1String("seq")).toDouble());
}

QList<store::StoredEvent> ClusterStore::readRoom(const QString &room, quint64 from,
                                                 const QString &userId, int keep)
{
    return readRoom(room, from, m_horizon ? m_horizon() : 0, keep,
                    [&userId](const store::StoredEvent &e) {
                        return int(e.kind) <= int(store::EventKind::Leave) && visibleTo(e, userId);
                    });
}

QList<store::StoredEvent> ClusterStore::readRoom(const QString &room, quint64 from, quint64 horizon,
                                                 int keep, const Accept &accept)
{
    QList<store::StoredEvent> out;
    const QByteArray filter = names::roomFilter(room);
    const quint64 first = firstSeq(filter, from);
    if (first == 0 || (horizon && first > horizon) || keep <= 0)
        return out;
    std::deque<store::StoredEvent> newest;
    quint64 next = first;
    bool done = false;
    // A read that stalls (NATS busy or failing over) resumes where it stopped; a replay
    // is never cut short silently: after the last attempt lastError() says so.
    for (int attempt = 0; attempt < 5 && !done; ++attempt) {
        jsSubOptions so;
        jsSubOptions_Init(&so);
        so.Stream = names::kStream;
        so.Config.DeliverPolicy = js_DeliverByStartSequence;
        so.Config.OptStartSeq = next;
        so.Config.AckPolicy = js_AckNone;
        natsSubscription *sub = nullptr;
        jsErrCode code = jsErrCode(0);
        natsStatus s =
            js_SubscribeSync(&sub, m_link->js(), filter.constData(), nullptr, &so, &code);
        if (s != NATS_OK) {
            fail(s, "history", code);
            continue;
        }
        for (;;) {
            natsMsg *msg = nullptr;
            s = natsSubscription_NextMsg(&msg, sub, kReadTimeoutMs);
            if (s != NATS_OK) {
                fail(s, "history");
                break;
            }
            jsMsgMetaData *meta = nullptr;
            quint64 seq = 0, pending = 0;
            if (natsMsg_GetMetaData(&meta, msg) == NATS_OK) {
                seq = meta->Sequence.Stream;
                pending = meta->NumPending;
                jsMsgMetaData_Destroy(meta);
            }
            if (horizon && seq > horizon) {
                natsMsg_Destroy(msg);
                done = true;
                break;
            }
            store::StoredEvent e = fromMessage(msg, seq);
            natsMsg_Destroy(msg);
            next = seq + 1;
            if (accept(e)) {
                newest.push_back(std::move(e));
                if (int(newest.size()) > keep)
                    newest.pop_front();
            }
            if (horizon && seq >= horizon) {
                done = true;
                break;
            }
            if (pending == 0) {
                // The consumer's count can lag on a busy server: ask the stream itself
                // whether the room has more up to the horizon before stopping.
                const quint64 more = firstSeq(filter, seq + 1);
                done = more == 0 || (horizon && more > horizon);
                break; // if not done: the next attempt reads on from `next`
            }
        }
        natsSubscription_Unsubscribe(sub);
        natsSubscription_Destroy(sub);
    }
    if (done)
        m_error.clear();
    out.reserve(int(newest.size()));
    for (auto &e : newest)
        out.append(std::move(e));
    return out;
}

QList<store::StoredEvent> ClusterStore::eventsAfter(const QString &room, const QString &afterId,
                                                    const QString &userId, int cap, bool *found)
{
    m_error.clear();
    const quint64 at = firstSeq(names::eventSubject(room, afterId), 1);
    // An error is not "unknown id": no fallback to history:N, the caller sees lastError().
    if (found)
        *found = at != 0 || !m_error.isEmpty();
    if (at == 0)
        return {};
    return readRoom(room, at + 1, userId, cap);
}

QList<store::StoredEvent> ClusterStore::lastEvents(const QString &room, const QString &userId,
                                                   int count)
{
    m_error.clear();
    // Reads the room from its start and keeps the tail (docs/cluster.md: limits).
    return readRoom(room, 1, userId, count);
}

store::HistoryPage ClusterStore::historyBefore(const QString &room, const QString &beforeId,
                                               const QString &userId, int limit)
{
    m_error.clear();
    store::HistoryPage page;
    const quint64 at = firstSeq(names::eventSubject(room, beforeId), 1);
    page.available = m_error.isEmpty(); // NATS away: "History not available"
    if (at == 0 || !page.available)
        return page;
    page.found = true;
    if (at <= 1)
        return page;
    // Each message once, at its first event, in its latest state; join and leave as
    // they are. Read from the room's start (docs/cluster.md: limits), keeping the tail.
    QSet<QString> seen;
    const QList<store::StoredEvent> events =
        readRoom(room, 1, at - 1, qMax(0, limit) + 1, [&](const store::StoredEvent &e) {
            if (int(e.kind) > int(store::EventKind::Leave) || !visibleTo(e, userId))
                return false;
            if (e.kind != store::EventKind::Message)
                return true;
            if (seen.contains(e.id))
                return false; // an edit: the message is at its first event
            seen.insert(e.id);
            return true;
        });
    if (!m_error.isEmpty()) {
        page.available = false;
        return page;
    }
    page.more = events.size() > limit;
    for (qsizetype i = page.more ? 1 : 0; i < events.size(); ++i) {
        const store::StoredEvent &e = events[i];
        qint64 seq = e.seq;
        if (e.kind == store::EventKind::Message) {
            if (const auto newest = latest(room, e.id))
                seq = newest->seq;
        }
        page.lineSeqs.append(seq);
    }
    return page;
}

std::optional<QByteArray> ClusterStore::lineAt(qint64 seq)
{
    m_error.clear();
    natsMsg *msg = nullptr;
    jsErrCode code = jsErrCode(0);
    const natsStatus s =
        js_GetMsg(&msg, m_link->js(), names::kStream, uint64_t(seq), nullptr, &code);
    if (s != NATS_OK) {
        fail(s, "history", code);
        return std::nullopt;
    }
    QByteArray line(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    natsMsg_Destroy(msg);
    return line;
}

} // namespace talker::cluster
