// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>
#include <QString>
#include <functional>
#include <memory>

namespace QKeychain {
class Job;
}

namespace talker::app {

/// The outcome of one TokenStore operation.
struct TokenResult
{
    enum class Where { Nowhere, Keychain, File };

    bool ok = false;
    QString token; ///< for read(): the secret (never log it)
    Where where = Where::Nowhere;
    QString error; ///< a sentence for the user when !ok
    /// The keychain is there but failed or refused (not: no token stored), so asking
    /// it again later (the user's "Try again") may work.
    bool keychainFailed = false;
};

/// Keeps account tokens in the OS keychain (QtKeychain), asynchronously.
///
/// Each call returns a QFuture, so callers chain instead of nesting callbacks:
///
///     store->read(key).then(this, [this](const TokenResult &r) { if (r.ok) connectWith(r.token);
///     });
///
/// Only when there is no keychain at all (no backend, or no Secret Service on the
/// session bus) do tokens go into `<profile>/fallback-tokens.json`, created with mode
/// 0600; fallbackActivated() fires so the app can tell the user. A keychain that is
/// there but slow is waited for, however long it takes (keychainSlow() says so; the
/// caller keeps the token in memory meanwhile): a call that times out (libsecret gives
/// up after 25 s) is issued again once it has ended, until the keychain answers. One
/// that refuses gives an error and is not asked again. Neither ever puts a token into
/// the file. migrateFallback() (also tried on reads)
/// moves file tokens into the keychain once one is there and deletes the file.
class TokenStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool usingFallback READ usingFallback NOTIFY usingFallbackChanged)

public:
    /// `service` names the keychain entries' service (tests use their own).
    explicit TokenStore(const QString &profileDir,
                        const QString &service = QStringLiteral("Talker"),
                        QObject *parent = nullptr);

    QFuture<TokenResult> read(const QString &account);
    QFuture<TokenResult> write(const QString &account, const QString &token);
    QFuture<TokenResult> remove(const QString &account);
    /// Moves every token of the fallback file into the keychain; the future gives how
    /// many moved (0 when the keychain is still missing or the file is empty).
    QFuture<int> migrateFallback();

    /// True once a token had to go to the fallback file in this profile.
    bool usingFallback() const;
    QString fallbackPath() const { return m_fallbackPath; }
    /// How long a keychain call may take before keychainSlow() fires (it still goes on).
    void setKeychainTimeout(int ms) { m_timeoutMs = ms; }
    /// The pause between a keychain call that timed out and the next attempt.
    void setRetryDelay(int ms) { m_retryDelayMs = ms; }

    /// Starts each keychain job; the default is QKeychain::Job::start(). Tests put a
    /// failure in here (e.g. finish the job with a timeout) to see what TokenStore
    /// does with it without waiting for the real one.
    using JobStarter = std::function<void(QKeychain::Job *)>;
    void setJobStarter(JobStarter starter);

signals:
    /// A keychain call has not been answered within the timeout; it is still awaited.
    void keychainSlow();
    /// Every call that was slow has now been answered (with success or an error);
    /// emitted before that call's future gives its result.
    void keychainAnswered();
    /// A keychain call timed out and is being issued again (it still counts as slow).
    void keychainRetrying();
    /// A token was written to the fallback file because there is no keychain.
    void fallbackActivated(const QString &reason);
    void usingFallbackChanged();
    /// Tokens moved from the fallback file into the keychain.
    void migrated(int count);

private:
    struct KeychainReply
    {
        bool ok = false;
        bool notFound = false;
        bool noKeychain = false; ///< no keychain exists at all: only then the file is used
        bool timedOut = false;   ///< the keychain did not answer in time: the call is retried
        QString data;
        QString error;
    };
    QFuture<KeychainReply> keychainRead(const QString &account);
    QFuture<KeychainReply> keychainWrite(const QString &account, const QString &token);
    QFuture<KeychainReply> keychainRemove(const QString &account);
    using MakeJob = std::function<QKeychain::Job *()>;
    /// One keychain operation, over as many attempts as it takes.
    struct Call
    {
        MakeJob makeJob;
        QPromise<KeychainReply> promise;
        bool done = false;
        bool slow = false;
    };
    QFuture<KeychainReply> runJob(const MakeJob &makeJob);
    void startAttempt(const std::shared_ptr<Call> &call);
    void markSlow(Call &call);
    static KeychainReply replyOf(QKeychain::Job *job);

    QHash<QString, QString> loadFile() const;
    bool saveFile(const QHash<QString, QString> &tokens, QString *error);

    QString m_service;
    QString m_fallbackPath;
    int m_timeoutMs = 15000;
    int m_retryDelayMs = 1000;
    JobStarter m_startJob;
    int m_slowCalls = 0; ///< calls past the timeout and not yet answered
};

} // namespace talker::app

Q_DECLARE_METATYPE(talker::app::TokenResult)
