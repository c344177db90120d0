// SPDX-FileCopyrightText: 2026 Talker contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QUuid>

namespace talker::test {

bool KeychainFixture::setUp(const QString &servicePrefix)
{
    m_mode = qEnvironmentVariable("TALKER_TEST_KEYCHAIN");
    m_service = servicePrefix + QUuid::createUuid().toString(QUuid::Id128).left(8);
    return !m_mode.isEmpty();
}

QString secretToolLookup(const QString &service, const QString &account)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                            service, QStringLiteral("user"), account});
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool fileContains(const QString &path, const QByteArray &needle)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.readAll().contains(needle);
}

QString fileContaining(const QString &dir, const QByteArray &needle)
{
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (fileContains(path, needle))
            return path;
    }
    return QString();
}

} // namespace talker::test
