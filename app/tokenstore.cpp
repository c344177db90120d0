// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tokenstore.h"

#include "keychainerrors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QPromise>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcTokens, "talker.app.tokens")

namespace talker::app {

namespace {
const QLatin1String kTokens("tokens");

template<typename T>
QFuture<T> ready(const T &value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(value);
    promise.finish();
    return promise.future();
}
} // namespace

TokenStore::TokenStore(const QString &profileDir, const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_fallbackPath(QDir(profileDir).filePath(QStringLiteral("fallback-tokens.json")))
{
    setJobStarter({});
    QDir().mkpath(profileDir);
}

bool TokenStore::usingFallback() const
{
    return QFileInfo::exists(m_fallbackPath);
}

void TokenStore::setJobStarter(JobStarter starter)
{
    m_startJob =
        starter ? std::move(starter) : JobStarter([](QKeychain::Job *job) { job->start(); });
}

TokenStore::KeychainReply TokenStore::replyOf(QKeychain::Job *job)
{
    KeychainReply reply;
    reply.ok = job->error() == QKeychain::NoError;
    reply.notFound = job->error() == QKeychain::EntryNotFound;
    if (!reply.ok) {
        reply.error = job->errorString();
        reply.timedOut = keychainerrors::timedOut(job->error(), reply.error);
        reply.noKeychain = !reply.timedOut && keychainerrors::noKeychain(job->error());
    }
    if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(job); readJob && reply.ok)
        reply.data = readJob->textData();
    return reply;
}

QFuture<TokenStore::KeychainReply> TokenStore::runJob(const MakeJob &makeJob)
{
    auto call = std::make_shared<Call>();
    call->makeJob = makeJob;
    call->promise.start();
    // A slow keychain (a loaded machine, an unlock prompt) is still the keychain: the
    // call goes on and only the app is told. Giving up here would put the token into
    // the plain file while a keychain exists, or answer a read from a stale file.
    QTimer::singleShot(m_timeoutMs, this, [this, call] { markSlow(*call); });
    startAttempt(call);
    return call->promise.future();
}

void TokenStore::markSlow(Call &call)
{
    if (call.done || call.slow)
        return;
    call.slow = true;
    ++m_slowCalls;
    qCInfo(lcTokens) << "the keychain has not answered yet; still waiting for it";
    emit keychainSlow();
}

void TokenStore::startAttempt(const std::shared_ptr<Call> &call)
{
    // Not a child of this store: a store destroyed before the keychain answers (an
    // account removed, the app closing) would delete the job, and libsecret's answer
    // would then call into freed memory. The job deletes itself once it finished; the
    // connection below ends with this store.
    QKeychain::Job *job = call->makeJob();
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, call](QKeychain::Job *j) {
        const KeychainReply reply = replyOf(j);
        if (reply.timedOut) {
            // The keychain is there but has not answered in time (libsecret gives up
            // after 25 s, an unlock prompt may wait far longer): ask again rather than
            // leave the account without its token until the user reconnects by hand.
            // The next attempt starts only now that this one has ended.
            markSlow(*call);
            qCInfo(lcTokens).noquote()
                << QStringLiteral("the keychain timed out (%1); asking it again").arg(reply.error);
            emit keychainRetrying();
            QTimer::singleShot(m_retryDelayMs, this, [this, call] { startAttempt(call); });
            return;
        }
        call->done = true;
        // Said before the result goes out, so the app takes down "waiting" first and
        // an error the caller reports next is not hidden by it.
        if (call->slow && --m_slowCalls == 0)
            emit keychainAnswered();
        call->promise.addResult(reply);
        call->promise.finish();
    });
    m_startJob(job);
}

QFuture<TokenStore::KeychainReply> TokenStore::keychainRead(const QString &account)
{
    return runJob([this, account] {
        auto *job = new QKeychain::ReadPasswordJob(m_service);
        job->setKey(account);
        return job;
    });
}

QFuture<TokenStore::KeychainReply> TokenStore::keychainWrite(const QString &account,
                                                             const QString &token)
{
    return runJob([this, account, token] {
        auto *job = new QKeychain::WritePasswordJob(m_service);
        job->setKey(account);
        job->setTextData(token);
        return job;
    });
}

QFuture<TokenStore::KeychainReply> TokenStore::keychainRemove(const QString &account)
{
    return runJob([this, account] {
        auto *job = new QKeychain::DeletePasswordJob(m_service);
        job->setKey(account);
        return job;
    });
}

QFuture<TokenResult> TokenStore::read(const QString &account)
{
    return keychainRead(account).then(this, [this, account](const KeychainReply &reply) {
        TokenResult result;
        if (reply.ok) {
            result.ok = true;
            result.token = reply.data;
            result.where = TokenResult::Where::Keychain;
            return result;
        }
        // A keychain that is there but failed may still hold a newer token than the
        // file: say so instead of answering from the file.
        if (!reply.notFound && !reply.noKeychain) {
            result.error = tr("The keychain could not be read: %1").arg(reply.error);
            result.keychainFailed = true;
            return result;
        }
        const QHash<QString, QString> file = loadFile();
        if (file.contains(account)) {
            result.ok = true;
            result.token = file.value(account);
            result.where = TokenResult::Where::File;
            // The keychain answered (it just lacks the entry): it has appeared since
            // the token went to the file, so move it there now.
            if (reply.notFound)
                migrateFallback();
            return result;
        }
        result.error = reply.notFound ? tr("No token is stored for this account.") : reply.error;
        return result;
    });
}

QFuture<TokenResult> TokenStore::write(const QString &account, const QString &token)
{
    return keychainWrite(account, token)
        .then(this, [this, account, token](const KeychainReply &reply) {
            TokenResult result;
            QHash<QString, QString> file = loadFile();
            if (reply.ok) {
                result.ok = true;
                result.where = TokenResult::Where::Keychain;
                // A stale copy in the fallback file must not outlive the keychain entry.
                if (file.remove(account) > 0)
                    saveFile(file, nullptr);
                return result;
            }
            if (!reply.noKeychain) {
                // The keychain is there but refused: the caller keeps the token in
                // memory for this session; the plain file is only for machines without one.
                result.error = tr("The keychain did not take the token (%1); it is kept "
                                  "for this session only.")
                                   .arg(reply.error);
                result.keychainFailed = true;
                return result;
            }
            qCInfo(lcTokens) << "no keychain, using the private fallback file:" << reply.error;
            const bool wasUsing = usingFallback();
            file.insert(account, token);
            QString error;
            if (!saveFile(file, &error)) {
                result.error = error;
                return result;
            }
            result.ok = true;
            result.where = TokenResult::Where::File;
            if (!wasUsing)
                emit usingFallbackChanged();
            emit fallbackActivated(reply.error);
            return result;
        });
}

QFuture<TokenResult> TokenStore::remove(const QString &account)
{
    return keychainRemove(account).then(this, [this, account](const KeychainReply &reply) {
        TokenResult result;
        QHash<QString, QString> file = loadFile();
        const bool inFile = file.remove(account) > 0;
        if (inFile)
            saveFile(file, nullptr);
        result.ok = reply.ok || reply.notFound || inFile;
        if (!result.ok)
            result.error = reply.error;
        return result;
    });
}

QFuture<int> TokenStore::migrateFallback()
{
    const QHash<QString, QString> file = loadFile();
    if (file.isEmpty())
        return ready(0);
    auto promise = std::make_shared<QPromise<int>>();
    auto pending = std::make_shared<int>(int(file.size()));
    auto moved = std::make_shared<QStringList>();
    promise->start();
    QPointer<TokenStore> self(this);
    for (auto it = file.cbegin(); it != file.cend(); ++it) {
        const QString account = it.key();
        keychainWrite(account, it.value()).then(this, [=](const KeychainReply &reply) {
            if (reply.ok)
                moved->append(account);
            if (--*pending > 0)
                return;
            if (!moved->isEmpty()) {
                QHash<QString, QString> now = loadFile();
                for (const QString &done : *moved)
                    now.remove(done);
                self->saveFile(now, nullptr);
                qCInfo(lcTokens) << "moved" << moved->size() << "token(s) into the keychain";
                emit self->migrated(int(moved->size()));
                if (now.isEmpty())
                    emit self->usingFallbackChanged();
            }
            promise->addResult(int(moved->size()));
            promise->finish();
        });
    }
    return promise->future();
}

QHash<QString, QString> TokenStore::loadFile() const
{
    QHash<QString, QString> tokens;
    QFile file(m_fallbackPath);
    if (!file.open(QIODevice::ReadOnly))
        return tokens;
    const QJsonObject object =
        QJsonDocument::fromJson(file.readAll()).object().value(kTokens).toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        tokens.insert(it.key(), it.value().toString());
    return tokens;
}

bool TokenStore::saveFile(const QHash<QString, QString> &tokens, QString *error)
{
    if (tokens.isEmpty()) {
        QFile::remove(m_fallbackPath);
        return true;
    }
    QJsonObject object;
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it)
        object.insert(it.key(), it.value());
    QJsonObject root;
    root.insert(kTokens, object);
    // Create the new file with owner-only permissions from the first byte, then rename
    // it over the old one, so the token is never readable by others, not even briefly.
    const QString temp = m_fallbackPath + QStringLiteral(".new");
    QFile::remove(temp);
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (error)
            *error = tr("Cannot save the token: %1").arg(file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    file.close();
    QFile::remove(m_fallbackPath);
    if (!QFile::rename(temp, m_fallbackPath)) {
        if (error)
            *error = tr("Cannot save the token file %1").arg(m_fallbackPath);
        QFile::remove(temp);
        return false;
    }
    return true;
}

} // namespace talker::app
