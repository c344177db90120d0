// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cluster/natslink.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QThread>
#include <utility>
#include <vector>

namespace talker::cluster {

Q_LOGGING_CATEGORY(lcNats, "talker.cluster.nats")

namespace names {

QByteArray token(const QString &text)
{
    return text.toUtf8().toHex();
}

QByteArray eventSubject(const QString &room, const QString &id)
{
    return "talker.r." + token(room) + '.' + token(id);
}

QByteArray roomFilter(const QString &room)
{
    return "talker.r." + token(room) + ".>";
}

QString roomOfSubject(const char *subject)
{
    const QByteArray s(subject);
    if (!s.startsWith("talker.r."))
        return QString();
    const int end = s.indexOf('.', 9);
    if (end < 0)
        return QString();
    return QString::fromUtf8(QByteArray::fromHex(s.mid(9, end - 9)));
}

} // namespace names

NatsLink::NatsLink() = default;

NatsLink::~NatsLink()
{
    close();
}

QString NatsLink::redacted(const QStringList &urls)
{
    static const QRegularExpression credentials(QStringLiteral("//[^@/]*@"));
    QStringList out;
    for (QString url : urls)
        out.append(url.replace(credentials, QStringLiteral("//***@")));
    return out.join(QLatin1Char(','));
}

bool NatsLink::fail(natsStatus status, const char *what, jsErrCode code)
{
    m_error = QStringLiteral("%1: %2").arg(QString::fromLatin1(what),
                                           QString::fromLatin1(natsStatus_GetText(status)));
    if (code != 0)
        m_error += QStringLiteral(" (JetStream error %1)").arg(int(code));
    return false;
}

bool NatsLink::open(const Options &options, bool waitForever)
{
    m_options = options;
    while (!tryOpen()) {
        if (!waitForever)
            return false;
        // Credentials never reach the log: only the redacted URLs and the reason.
        qCWarning(lcNats).noquote() << "waiting for NATS at" << redacted(options.urls) << ":"
                                    << m_error << "- retrying in 1 s";
        QThread::msleep(1000);
    }
    qCInfo(lcNats).noquote() << "connected to NATS at" << redacted(options.urls);
    return true;
}

bool NatsLink::tryOpen()
{
    close();
    natsStatus s = natsOptions_Create(&m_opts);
    std::vector<QByteArray> urls;
    std::vector<const char *> servers;
    for (const QString &url : std::as_const(m_options.urls))
        urls.push_back(url.toUtf8());
    for (const QByteArray &url : urls)
        servers.push_back(url.constData());
    if (s == NATS_OK)
        s = natsOptions_SetServers(m_opts, servers.data(), int(servers.size()));
    if (s == NATS_OK)
        s = natsOptions_SetMaxReconnect(m_opts, -1); // reconnect forever
    if (s == NATS_OK)
        s = natsOptions_SetReconnectWait(m_opts, 250);
    if (s == NATS_OK)
        s = natsOptions_SetTimeout(m_opts, m_options.requestTimeoutMs);
    if (s == NATS_OK)
        s = natsConnection_Connect(&m_conn, m_opts);
    if (s != NATS_OK)
        return fail(s, "connect");
    jsOptions jo;
    jsOptions_Init(&jo);
    jo.Wait = m_options.requestTimeoutMs;
    jo.PublishAsync.AckHandler = &NatsLink::onAck;
    jo.PublishAsync.AckHandlerClosure = this;
    s = natsConnection_JetStream(&m_js, m_conn, &jo);
    if (s != NATS_OK)
        return fail(s, "JetStream");
    return ensureStream() && ensureBucket(&m_users, names::kUsers, 0, 1) &&
           ensureBucket(&m_presence, names::kPresence, 0, 1) &&
           ensureBucket(&m_nodes, names::kNodes, m_options.nodeTtlMs, 1);
}

bool NatsLink::ensureStream()
{
    jsStreamConfig cfg;
    jsStreamConfig_Init(&cfg);
    cfg.Name = names::kStream;
    const char *subjects[] = {"talker.r.>"};
    cfg.Subjects = subjects;
    cfg.SubjectsLen = 1;
    cfg.Storage = js_FileStorage;
    cfg.Replicas = qMax(1, m_options.replicas);
    jsStreamInfo *info = nullptr;
    jsErrCode code = jsErrCode(0);
    natsStatus s = js_GetStreamInfo(&info, m_js, names::kStream, nullptr, &code);
    if (s == NATS_NOT_FOUND)
        s = js_AddStream(&info, m_js, &cfg, nullptr, &code);
    if (info)
        jsStreamInfo_Destroy(info);
    return s == NATS_OK || fail(s, names::kStream, code);
}

bool NatsLink::ensureBucket(kvStore **kv, const char *bucket, qint64 ttlMs, int history)
{
    natsStatus s = js_KeyValue(kv, m_js, bucket);
    if (s == NATS_NOT_FOUND) {
        kvConfig cfg;
        kvConfig_Init(&cfg);
        cfg.Bucket = bucket;
        cfg.History = uint8_t(history);
        cfg.TTL = ttlMs * 1000000; // nanoseconds
        cfg.StorageType = js_FileStorage;
        cfg.Replicas = qMax(1, m_options.replicas);
        s = js_CreateKeyValue(kv, m_js, &cfg);
    }
    return s == NATS_OK || fail(s, bucket);
}

natsStatus NatsLink::readLatest(kvStore *kv, const QByteArray &key, QByteArray *value,
                                uint64_t *revision)
{
    const QByteArray stream = QByteArray("KV_") + kvStore_Bucket(kv);
    const QByteArray subject = QByteArray("$KV.") + kvStore_Bucket(kv) + '.' + key;
    natsMsg *msg = nullptr;
    jsErrCode code = jsErrCode(0);
    const natsStatus s =
        js_GetLastMsg(&msg, m_js, stream.constData(), subject.constData(), nullptr, &code);
    if (s != NATS_OK)
        return s;
    *revision = natsMsg_GetSequence(msg);
    const char *operation = nullptr; // DEL or PURGE: a deletion marker, no value
    if (natsMsgHeader_Get(msg, "KV-Operation", &operation) == NATS_OK && operation)
        value->clear();
    else
        *value = QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));
    natsMsg_Destroy(msg);
    return NATS_OK;
}

natsStatus NatsLink::compareAndSet(kvStore *kv, const QByteArray &key, const QByteArray &value,
                                   uint64_t revision, uint64_t *written)
{
    // A new key: "no message yet" is checked in Raft order already.
    if (revision == 0)
        return kvStore_Create(written, kv, key.constData(), value.constData(), int(value.size()));
    natsMsg *msg = nullptr;
    const QByteArray subject = QByteArray("$KV.") + kvStore_Bucket(kv) + '.' + key;
    natsStatus s =
        natsMsg_Create(&msg, subject.constData(), nullptr, value.constData(), int(value.size()));
    if (s != NATS_OK)
        return s;
    // kvStore_Update's expected revision alone is not enough on a replicated bucket:
    // nats-server 2.9 checks it only before proposing the write to Raft, so two updates
    // from one revision that are in flight together are both stored (nats-server issue
    // 4320): two nodes both decided the same idle, or took the same counter value. A
    // message id is checked again in Raft order on every replica: of the writes from one
    // revision the first is stored, the others come back as duplicates (lost).
    const QByteArray id = key + '@' + QByteArray::number(quint64(revision));
    jsPubOptions po;
    jsPubOptions_Init(&po);
    po.ExpectLastSubjectSeq = revision;
    po.MsgId = id.constData();
    jsPubAck *ack = nullptr;
    jsErrCode code = jsErrCode(0);
    s = js_PublishMsg(&ack, m_js, msg, &po, &code);
    natsMsg_Destroy(msg);
    if (s != NATS_OK)
        return s;
    const bool duplicate = ack->Duplicate;
    *written = ack->Sequence;
    jsPubAck_Destroy(ack);
    return duplicate ? NATS_ERR : NATS_OK;
}

void NatsLink::onAck(jsCtx *, natsMsg *msg, jsPubAck *pa, jsPubAckErr *pae, void *closure)
{
    auto *link = static_cast<NatsLink *>(closure);
    Ack ack;
    ack.stored = pa != nullptr && pae == nullptr;
    ack.seq = pa ? pa->Sequence : 0;
    ack.conflict = pae && pae->ErrCode == JSStreamWrongLastSequenceErr;
    std::lock_guard<std::mutex> lock(link->m_ackMutex);
    link->m_acks.insert(QByteArray(natsMsg_GetSubject(msg)), ack);
}

QHash<QByteArray, NatsLink::Ack> NatsLink::takeAcks()
{
    std::lock_guard<std::mutex> lock(m_ackMutex);
    return std::exchange(m_acks, {});
}

bool NatsLink::isConnected() const
{
    return m_conn && natsConnection_Status(m_conn) == NATS_CONN_STATUS_CONNECTED;
}

bool NatsLink::waitConnected(int ms) const
{
    for (int waited = 0; !isConnected() && waited < ms; waited += 20)
        QThread::msleep(20);
    return isConnected();
}

void NatsLink::close()
{
    for (kvStore **kv : {&m_users, &m_presence, &m_nodes}) {
        if (*kv)
            kvStore_Destroy(*kv);
        *kv = nullptr;
    }
    if (m_js)
        jsCtx_Destroy(m_js);
    m_js = nullptr;
    if (m_conn) {
        natsConnection_Close(m_conn);
        natsConnection_Destroy(m_conn);
    }
    m_conn = nullptr;
    if (m_opts)
        natsOptions_Destroy(m_opts);
    m_opts = nullptr;
}

} // namespace talker::cluster
