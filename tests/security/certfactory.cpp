// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "certfactory.h"

#include <QFile>
#include <QProcess>

namespace talker::test {

namespace {
const QStringList kEcKey{QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                         QStringLiteral("-nodes")};
} // namespace

CertFactory::CertFactory() = default;

bool CertFactory::run(const QStringList &args, QByteArray *out)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    if (out)
        *out = p.readAll();
    return true;
}

CertFactory::Files CertFactory::selfSigned(const QString &name, const QString &altNames)
{
    Files f{m_dir.filePath(name + QStringLiteral(".crt")),
            m_dir.filePath(name + QStringLiteral(".key"))};
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509")};
    args += kEcKey;
    args += {QStringLiteral("-keyout"), f.key,
             QStringLiteral("-out"),    f.certificate,
             QStringLiteral("-days"),   QStringLiteral("2"),
             QStringLiteral("-subj"),   QStringLiteral("/CN=Talker test ") + name,
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=") + altNames};
    return run(args) ? f : Files{};
}

CertFactory::Files CertFactory::authority(const QString &name)
{
    Files f{m_dir.filePath(name + QStringLiteral(".crt")),
            m_dir.filePath(name + QStringLiteral(".key"))};
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509")};
    args += kEcKey;
    args += {QStringLiteral("-keyout"), f.key,
             QStringLiteral("-out"),    f.certificate,
             QStringLiteral("-days"),   QStringLiteral("2"),
             QStringLiteral("-subj"),   QStringLiteral("/CN=Talker test CA ") + name,
             QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
             QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")};
    return run(args) ? f : Files{};
}

CertFactory::Files CertFactory::signedBy(const Files &ca, const QString &name,
                                         const QString &altNames)
{
    Files f{m_dir.filePath(name + QStringLiteral(".crt")),
            m_dir.filePath(name + QStringLiteral(".key"))};
    const QString csr = m_dir.filePath(name + QStringLiteral(".csr"));
    const QString ext = m_dir.filePath(name + QStringLiteral(".ext"));
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly))
        return Files{};
    extFile.write(
        QStringLiteral("subjectAltName=%1\nbasicConstraints=CA:FALSE\n"
                       "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n")
            .arg(altNames)
            .toUtf8());
    extFile.close();
    QStringList req{QStringLiteral("req"), QStringLiteral("-new")};
    req += kEcKey;
    req += {QStringLiteral("-keyout"), f.key,
            QStringLiteral("-out"),    csr,
            QStringLiteral("-subj"),   QStringLiteral("/CN=Talker test ") + name};
    if (!run(req))
        return Files{};
    const QStringList sign{QStringLiteral("x509"),
                           QStringLiteral("-req"),
                           QStringLiteral("-in"),
                           csr,
                           QStringLiteral("-CA"),
                           ca.certificate,
                           QStringLiteral("-CAkey"),
                           ca.key,
                           QStringLiteral("-CAcreateserial"),
                           QStringLiteral("-out"),
                           f.certificate,
                           QStringLiteral("-days"),
                           QStringLiteral("2"),
                           QStringLiteral("-extfile"),
                           ext};
    return run(sign) ? f : Files{};
}

QString CertFactory::opensslFingerprint(const QString &certificate)
{
    QByteArray out;
    if (!run({QStringLiteral("x509"), QStringLiteral("-in"), certificate, QStringLiteral("-noout"),
              QStringLiteral("-fingerprint"), QStringLiteral("-sha256")},
             &out))
        return QString();
    const QByteArray line = out.trimmed();
    return QString::fromLatin1(line.mid(line.indexOf('=') + 1));
}

} // namespace talker::test
