// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsscrape.h"

#include <QHostAddress>
#include <QList>
#include <QTcpSocket>

namespace talker::test {

HttpReply httpGet(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
    QByteArray all;
    while (socket.waitForReadyRead(5000) || socket.bytesAvailable())
        all += socket.readAll();
    all += socket.readAll();
    HttpReply r;
    r.status = all.mid(9, 3).toInt();
    r.body = all.mid(all.indexOf("\r\n\r\n") + 4);
    return r;
}

double sample(const QByteArray &text, const QByteArray &name, const QByteArray &labelPart)
{
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith('#') || !line.startsWith(name))
            continue;
        const QByteArray rest = line.mid(name.size());
        if (!rest.startsWith(' ') && !rest.startsWith('{'))
            continue;
        if (!labelPart.isEmpty() && !rest.contains(labelPart))
            continue;
        return line.mid(line.lastIndexOf(' ') + 1).toDouble();
    }
    return -1;
}

} // namespace talker::test
