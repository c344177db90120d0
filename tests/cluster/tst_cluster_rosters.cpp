// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The presence rosters of cluster mode against a real nats-server: a change another
// node decided but has not published yet goes into the stream before the next change,
// and that node's late copy is not stored a second time (issue 12: idle then leave,
// once, in that order).
#include "cluster/clusterstore.h"
#include "cluster/natslink.h"
#include "cluster/rosters.h"
#include "natscluster.h"
#include "protocol/codec.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace talker;
using namespace talker::test;

namespace {

const QString kRoom = QStringLiteral("lobby");

/// The id of the event in a wire line.
QString idOf(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object().value(QStringLiteral("id")).toString();
}

} // namespace

class TestClusterRosters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString reason = NatsCluster::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        QVERIFY(m_nats.start());
        cluster::NatsLink::Options options;
        options.urls = m_nats.urls().split(QLatin1Char(','));
        options.replicas = 1;
        QVERIFY(m_link.open(options, false));
        m_store = std::make_unique<cluster::ClusterStore>(&m_link);
    }

    void cleanupTestCase() { m_store.reset(); }

    void changeStoresItsEventAndLeavesNothingPending()
    {
        cluster::Rosters rosters(&m_link, m_store.get());
        const protocol::User bob{QStringLiteral("7"), QStringLiteral("bob"), false};
        QByteArray line;
        QVERIFY(rosters.change(
            kRoom,
            [&](QJsonObject &users) {
                users.insert(bob.id, QJsonObject{{QStringLiteral("n"), bob.name}});
                return QList<cluster::Rosters::Change>{{int(store::EventKind::Join), bob}};
            },
            &line));
        QVERIFY(line.contains("\"join\""));
        const auto stored = m_store->latest(kRoom, idOf(line));
        QVERIFY(stored);
        QCOMPARE(stored->kind, store::EventKind::Join);
        QVERIFY(rosters.users(kRoom).contains(bob.id));
        QVERIFY(!rawRoster().contains("\"p\""));
    }

    void pendingChangeOfASlowNodeGoesFirstAndOnce()
    {
        // A node decided "bob is idle" (its compare-and-set won) and is slow to publish.
        const QString idleId = QStringLiteral("slow-idle-1");
        const QByteArray idleLine =
            protocol::encode(protocol::PresenceEvent{protocol::PresenceEvent::Kind::Idle,
                                                     {QStringLiteral("7"), QStringLiteral("bob")},
                                                     QDateTime::currentSecsSinceEpoch(),
                                                     idleId});
        const QJsonObject pending{{QStringLiteral("i"), idleId},
                                  {QStringLiteral("k"), cluster::ClusterStore::kIdle},
                                  {QStringLiteral("f"), QStringLiteral("7")},
                                  {QStringLiteral("t"), 1.0},
                                  {QStringLiteral("l"), QString::fromUtf8(idleLine)}};
        const QJsonObject users{
            {QStringLiteral("7"), QJsonObject{{QStringLiteral("n"), QStringLiteral("bob")},
                                              {QStringLiteral("i"), true}}}};
        writeRoster(
            QJsonObject{{QStringLiteral("u"), users}, {QStringLiteral("p"), QJsonArray{pending}}});

        // Another node times bob out: its leave must come after that idle.
        cluster::Rosters other(&m_link, m_store.get());
        QByteArray leaveLine;
        QVERIFY(other.change(
            kRoom,
            [](QJsonObject &roster) {
                const protocol::User bob{QStringLiteral("7"), QStringLiteral("bob"), false};
                roster.remove(bob.id);
                return QList<cluster::Rosters::Change>{{int(store::EventKind::Leave), bob}};
            },
            &leaveLine));
        const auto idle = m_store->latest(kRoom, idleId);
        const auto leave = m_store->latest(kRoom, idOf(leaveLine));
        QVERIFY(idle);
        QVERIFY(leave);
        QVERIFY2(idle->seq < leave->seq, "the idle decided first is stored first");
        QVERIFY(!other.users(kRoom).contains(QStringLiteral("7")));

        // The slow node publishes at last: the copy is refused, not stored after the leave.
        store::StoredEvent late = *idle;
        bool conflict = false;
        QVERIFY(!m_store->publish(&late, 0, &conflict));
        QVERIFY(conflict);
        QCOMPARE(m_store->latest(kRoom, idleId)->seq, idle->seq);
    }

private:
    QByteArray rawRoster()
    {
        kvEntry *entry = nullptr;
        const QByteArray key = "room." + cluster::names::token(kRoom);
        if (kvStore_Get(&entry, m_link.presence(), key.constData()) != NATS_OK)
            return QByteArray();
        const QByteArray value(static_cast<const char *>(kvEntry_Value(entry)),
                               kvEntry_ValueLen(entry));
        kvEntry_Destroy(entry);
        return value;
    }

    void writeRoster(const QJsonObject &doc)
    {
        const QByteArray key = "room." + cluster::names::token(kRoom);
        const QByteArray data = QJsonDocument(doc).toJson(QJsonDocument::Compact);
        uint64_t rev = 0;
        QCOMPARE(kvStore_Put(&rev, m_link.presence(), key.constData(), data.constData(),
                             int(data.size())),
                 NATS_OK);
    }

    NatsCluster m_nats{1};
    cluster::NatsLink m_link;
    std::unique_ptr<cluster::ClusterStore> m_store;
};

QTEST_GUILESS_MAIN(TestClusterRosters)
#include "tst_cluster_rosters.moc"
