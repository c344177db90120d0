// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/clusterstore.h"

#include "cluster/natslink.h"
#include "protocol/codec.h"
#include "protocol/username.h"
#include "store/token.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

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
    const std::optional<quint64> id = ClusterInvites::nextCounter(m_link, "counter", &m_error);
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

} // namespace talker::cluster
