// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// The end of an epoll pass and held output (outputpass.h), on a real socket pair: what
// a room thread relies on to answer a pass's messages without posting itself events.
#include "server/epolltransport.h"
#include "server/outputpass.h"

#include <QCoreApplication>
#include <QTest>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace talker::server;

namespace {

/// Whether `fd` has bytes to read right now (no waiting, no event loop).
bool readable(int fd)
{
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

QByteArray readAll(int fd)
{
    QByteArray bytes;
    char buffer[4096];
    while (readable(fd)) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        bytes.append(buffer, qsizetype(n));
    }
    return bytes;
}

} // namespace

class TestServerOutputPass : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
        m_transport = EpollTransport::adopt(fds[0]);
        QVERIFY(m_transport);
        m_peer = fds[1];
    }

    void cleanup()
    {
        delete m_transport;
        m_transport = nullptr;
        ::close(m_peer);
    }

    void noPassOutsideTheReactor()
    {
        // A timer or a posted call: nothing would run the work, so the caller posts it.
        QObject context;
        bool ran = false;
        QVERIFY(!OutputPass::atEnd(&context, [&] { ran = true; }));
        QCoreApplication::processEvents();
        QVERIFY(!ran);
    }

    void workRunsAfterTheInputBeforeTheOutput()
    {
        QObject context;
        QStringList order;
        bool queued = false;
        connect(m_transport, &Transport::received, this, [&](const QByteArray &bytes) {
            order << QStringLiteral("input ") + QString::fromLatin1(bytes);
            m_transport->write("a");
            queued = OutputPass::atEnd(&context, [&] {
                // Still held: what the input queued goes out with what this adds.
                order << (readable(m_peer) ? QStringLiteral("end, output written")
                                           : QStringLiteral("end, output held"));
                m_transport->write("b");
            });
        });
        QCOMPARE(::write(m_peer, "hi", 2), 2);
        QTRY_COMPARE(order.size(), 2);
        QVERIFY(queued);
        QCOMPARE(order,
                 (QStringList{QStringLiteral("input hi"), QStringLiteral("end, output held")}));
        QTRY_VERIFY(readable(m_peer));
        QCOMPARE(readAll(m_peer), QByteArray("ab"));
    }

    void workOfAContextGoneIsSkipped()
    {
        auto *context = new QObject;
        bool handled = false;
        bool ran = false;
        connect(m_transport, &Transport::received, this, [&](const QByteArray &) {
            QVERIFY(OutputPass::atEnd(context, [&] { ran = true; }));
            delete context; // e.g. a hub closed while handling the input
            handled = true;
        });
        QCOMPARE(::write(m_peer, "x", 1), 1);
        QTRY_VERIFY(handled); // the pass, its end included, is over
        QVERIFY(!ran);
    }

    void heldOutputIsWrittenWhenTheHoldEnds()
    {
        {
            const OutputPass::Hold hold;
            m_transport->write("held");
            QVERIFY(!readable(m_peer)); // nothing goes out inside the hold
        }
        // Written as the hold ended, without a pass of the event loop.
        QVERIFY(readable(m_peer));
        QCOMPARE(readAll(m_peer), QByteArray("held"));
    }

    void outputWithoutAHoldWaitsForTheEventLoop()
    {
        // The contrast: a write from outside a pass is flushed by a posted call.
        m_transport->write("later");
        QVERIFY(!readable(m_peer));
        QTRY_VERIFY(readable(m_peer));
        QCOMPARE(readAll(m_peer), QByteArray("later"));
    }

private:
    EpollTransport *m_transport = nullptr;
    int m_peer = -1;
};

QTEST_GUILESS_MAIN(TestServerOutputPass)
#include "tst_server_outputpass.moc"
