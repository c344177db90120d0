// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <atomic>
#include <mutex>

#include <nats/nats.h>

/// Cluster mode: talker-server nodes share users, history and presence in NATS
/// JetStream (docs/cluster.md).
namespace talker::cluster {

/// Names of what the cluster keeps in JetStream.
namespace names {
/// The stream holding every room's events, one subject per room and event id.
inline constexpr const char *kStream = "TALKER_ROOMS";
/// Bucket: users (`name.<hex>`, `id.<id>`, `token.<sha256>`, `counter`).
inline constexpr const char *kUsers = "TALKER_USERS";
/// Bucket: one roster per room (`room.<hex>`), changed by compare-and-set.
inline constexpr const char *kPresence = "TALKER_PRESENCE";
/// Bucket: one key per live node, refreshed by the node; entries expire (TTL).
inline constexpr const char *kNodes = "TALKER_NODES";

/// A subject token for any text: lowercase hex of its UTF-8 (subjects allow no dots,
/// spaces or wildcards in a token).
QByteArray token(const QString &text);
/// `talker.r.<room>.<id>`: where an event with this id is stored.
QByteArray eventSubject(const QString &room, const QString &id);
/// `talker.r.<room>.>`: every event of the room.
QByteArray roomFilter(const QString &room);
/// The room of a subject made by eventSubject(); empty if it is not one.
QString roomOfSubject(const char *subject);
} // namespace names

/// One connection to the NATS cluster with JetStream and the buckets open. Its calls
/// are synchronous and may be used from any thread (the C client is thread-safe).
class NatsLink
{
public:
    struct Options
    {
        QStringList urls;        ///< nats://[user:pass@]host:port
        int replicas = 3;        ///< NATS nodes that store each stream and bucket
        qint64 nodeTtlMs = 6000; ///< a node missing this long is dead (heartbeat: 0.5 s)
        qint64 requestTimeoutMs = 2000;
    };

    NatsLink();
    ~NatsLink();
    NatsLink(const NatsLink &) = delete;
    NatsLink &operator=(const NatsLink &) = delete;

    /// Connects and creates (or opens) the stream and buckets. With `waitForever` it
    /// retries once a second, logging why, until NATS answers.
    bool open(const Options &options, bool waitForever);
    void close();

    natsConnection *connection() const { return m_conn; }
    jsCtx *js() const { return m_js; }
    kvStore *users() const { return m_users; }
    kvStore *presence() const { return m_presence; }
    kvStore *nodes() const { return m_nodes; }
    /// Connected to NATS right now (the C client reconnects by itself).
    bool isConnected() const;
    /// Waits up to `ms` for the connection (after losing one NATS server the client
    /// moves to another within a reconnect wait); true when connected.
    bool waitConnected(int ms) const;
    QString lastError() const { return m_error; }
    /// `urls` with any user and password replaced by "***", for logs.
    static QString redacted(const QStringList &urls);

    /// The outcome of one asynchronous publish, by subject.
    struct Ack
    {
        bool stored = false;
        bool conflict = false; ///< a lost compare-and-set (expected last subject sequence)
        quint64 seq = 0;
    };
    /// Acknowledgements that arrived since the last call (js_PublishMsgAsync).
    QHash<QByteArray, Ack> takeAcks();

    /// The value and revision of `key` in bucket `kv` as the bucket's stream leader has
    /// it: unlike kvStore_Get (a direct get that any replica may answer, maybe one that
    /// lags), it sees every write acknowledged before it. A deleted key reads as empty at
    /// the revision of its deletion; NATS_NOT_FOUND when the key never existed.
    natsStatus readLatest(kvStore *kv, const QByteArray &key, QByteArray *value,
                          uint64_t *revision);
    /// Compare-and-set of `key` in bucket `kv`: stored only if the key is still at
    /// `revision` (0: absent), even when several nodes write from that revision at once.
    /// NATS_OK and `*written` (the new revision) if stored.
    natsStatus compareAndSet(kvStore *kv, const QByteArray &key, const QByteArray &value,
                             uint64_t revision, uint64_t *written);

    /// Sets lastError() from a status; returns false for convenience.
    bool fail(natsStatus status, const char *what, jsErrCode code = jsErrCode(0));

private:
    bool tryOpen();
    bool ensureStream();
    bool ensureBucket(kvStore **kv, const char *bucket, qint64 ttlMs, int history);
    static void onAck(jsCtx *, natsMsg *msg, jsPubAck *pa, jsPubAckErr *pae, void *closure);

    Options m_options;
    natsOptions *m_opts = nullptr;
    natsConnection *m_conn = nullptr;
    jsCtx *m_js = nullptr;
    kvStore *m_users = nullptr;
    kvStore *m_presence = nullptr;
    kvStore *m_nodes = nullptr;
    QString m_error;
    std::mutex m_ackMutex;
    QHash<QByteArray, Ack> m_acks; ///< filled on a NATS thread
};

} // namespace talker::cluster
