// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/clusterinvites.h"

#include "cluster/natslink.h"
#include "store/token.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace talker::cluster {

namespace {

QByteArray inviteKey(const QByteArray &hash)
{
    return "invite." + hash;
}

QByteArray idKey(qint64 id)
{
    return "inviteid." + QByteArray::number(id);
}

QByteArray encode(const store::InviteRecord &r)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), double(r.id)},
                                     {QStringLiteral("room"), r.room},
                                     {QStringLiteral("uses"), r.uses},
                                     {QStringLiteral("used"), r.used},
                                     {QStringLiteral("created"), double(r.created)},
                                     {QStringLiteral("expires"), double(r.expires)},
                                     {QStringLiteral("revoked"), r.revoked}})
        .toJson(QJsonDocument::Compact);
}

store::InviteRecord decode(const QByteArray &value)
{
    const QJsonObject o = QJsonDocument::fromJson(value).object();
    store::InviteRecord r;
    r.id = qint64(o.value(QLatin1String("id")).toDouble());
    r.room = o.value(QLatin1String("room")).toString();
    r.uses = o.value(QLatin1String("uses")).toInt();
    r.used = o.value(QLatin1String("used")).toInt();
    r.created = qint64(o.value(QLatin1String("created")).toDouble());
    r.expires = qint64(o.value(QLatin1String("expires")).toDouble());
    r.revoked = o.value(QLatin1String("revoked")).toBool();
    return r;
}

} // namespace

ClusterInvites::ClusterInvites(NatsLink *link)
    : m_link(link)
{}

std::optional<quint64> ClusterInvites::nextCounter(NatsLink *link, const char *key, QString *error)
{
    kvStore *kv = link->users();
    for (int attempt = 0; attempt < 50; ++attempt) {
        kvEntry *entry = nullptr;
        natsStatus s = kvStore_Get(&entry, kv, key);
        quint64 next = 1;
        uint64_t revision = 0;
        if (s == NATS_OK) {
            next =
                QByteArray(static_cast<const char *>(kvEntry_Value(entry)), kvEntry_ValueLen(entry))
                    .toULongLong() +
                1;
            revision = kvEntry_Revision(entry);
            kvEntry_Destroy(entry);
        } else if (s != NATS_NOT_FOUND) {
            *error = QStringLiteral("%1: %2").arg(QLatin1String(key),
                                                  QString::fromUtf8(natsStatus_GetText(s)));
            return std::nullopt;
        }
        const QByteArray value = QByteArray::number(next);
        uint64_t rev = 0;
        if (link->compareAndSet(kv, key, value, revision, &rev) == NATS_OK)
            return next;
    }
    *error = QStringLiteral("%1: too many concurrent updates").arg(QLatin1String(key));
    return std::nullopt;
}

std::optional<store::InviteRecord> ClusterInvites::create(const QString &room, int uses,
                                                          qint64 expires, QString *code)
{
    m_error.clear();
    if (uses < 1) {
        m_error = QStringLiteral("an invite has at least one use");
        return std::nullopt;
    }
    const std::optional<quint64> id = nextCounter(m_link, "invitecounter", &m_error);
    if (!id)
        return std::nullopt;
    const QString secret = store::generateInviteCode();
    const QByteArray hash = store::hashToken(secret);
    store::InviteRecord record;
    record.id = qint64(*id);
    record.room = room;
    record.uses = uses;
    record.created = QDateTime::currentSecsSinceEpoch();
    record.expires = expires;
    const QByteArray value = encode(record);
    uint64_t rev = 0;
    natsStatus s = kvStore_Create(&rev, m_link->users(), inviteKey(hash).constData(),
                                  value.constData(), int(value.size()));
    if (s == NATS_OK)
        s = kvStore_Put(&rev, m_link->users(), idKey(record.id).constData(), hash.constData(),
                        int(hash.size()));
    if (s != NATS_OK) {
        m_link->fail(s, "create invite");
        m_error = m_link->lastError();
        return std::nullopt;
    }
    if (code)
        *code = secret;
    return record;
}

std::optional<store::InviteRecord> ClusterInvites::read(const QByteArray &key, uint64_t *revision)
{
    kvEntry *entry = nullptr;
    const natsStatus s = kvStore_Get(&entry, m_link->users(), key.constData());
    if (s != NATS_OK) {
        if (s != NATS_NOT_FOUND) {
            m_link->fail(s, "invite");
            m_error = m_link->lastError();
        }
        return std::nullopt;
    }
    if (revision)
        *revision = kvEntry_Revision(entry);
    const store::InviteRecord r = decode(
        QByteArray(static_cast<const char *>(kvEntry_Value(entry)), kvEntry_ValueLen(entry)));
    kvEntry_Destroy(entry);
    return r;
}

QList<store::InviteRecord> ClusterInvites::list()
{
    m_error.clear();
    QList<store::InviteRecord> out;
    kvKeysList keys;
    if (kvStore_Keys(&keys, m_link->users(), nullptr) != NATS_OK)
        return out;
    for (int i = 0; i < keys.Count; ++i) {
        const QByteArray key(keys.Keys[i]);
        if (key.startsWith("invite.")) {
            if (auto r = read(key, nullptr))
                out.append(*r);
        }
    }
    kvKeysList_Destroy(&keys);
    std::sort(
        out.begin(), out.end(),
        [](const store::InviteRecord &a, const store::InviteRecord &b) { return a.id < b.id; });
    return out;
}

store::RedeemResult ClusterInvites::update(const QByteArray &key,
                                           const std::function<bool(store::InviteRecord &)> &edit)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        uint64_t revision = 0;
        std::optional<store::InviteRecord> r = read(key, &revision);
        if (!r)
            return m_error.isEmpty() ? store::RedeemResult::InvalidInvite
                                     : store::RedeemResult::Failed;
        if (!edit(*r))
            return store::RedeemResult::InvalidInvite;
        const QByteArray value = encode(*r);
        uint64_t rev = 0;
        if (m_link->compareAndSet(m_link->users(), key, value, revision, &rev) == NATS_OK)
            return store::RedeemResult::Ok;
        if (!m_link->isConnected())
            break;
    }
    m_error = QStringLiteral("invite: not updated");
    return store::RedeemResult::Failed;
}

bool ClusterInvites::revoke(const QString &codeOrId)
{
    m_error.clear();
    bool isId = false;
    const qint64 id = codeOrId.toLongLong(&isId);
    QByteArray hash;
    if (isId) {
        kvEntry *entry = nullptr;
        if (kvStore_Get(&entry, m_link->users(), idKey(id).constData()) == NATS_OK) {
            hash = QByteArray(static_cast<const char *>(kvEntry_Value(entry)),
                              kvEntry_ValueLen(entry));
            kvEntry_Destroy(entry);
        }
    } else {
        hash = store::hashToken(codeOrId);
    }
    const bool revoked = !hash.isEmpty() && update(inviteKey(hash), [](store::InviteRecord &r) {
                                                r.revoked = true;
                                                return true;
                                            }) == store::RedeemResult::Ok;
    if (!revoked && m_error.isEmpty())
        m_error = QStringLiteral("no such invite");
    return revoked;
}

store::RedeemResult ClusterInvites::claim(const QString &code)
{
    m_error.clear();
    if (code.isEmpty())
        return store::RedeemResult::InvalidInvite;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return update(inviteKey(store::hashToken(code)), [now](store::InviteRecord &r) {
        if (!r.usable(now))
            return false;
        ++r.used;
        return true;
    });
}

void ClusterInvites::release(const QString &code)
{
    update(inviteKey(store::hashToken(code)), [](store::InviteRecord &r) {
        if (r.used <= 0)
            return false;
        --r.used;
        return true;
    });
}

} // namespace talker::cluster
