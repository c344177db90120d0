// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>

namespace talker::app {

/// The outcome of one TokenStore operation.
struct TokenResult
{
    enum class Where { Nowhere, Keychain, File };

    bool ok = false;
    QString token; ///< for read(): the secret (never log it)
    Where where = Where::Nowhere;
    QString error; ///< a sentence for the user when !ok
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
/// caller keeps the token in memory meanwhile), and one that refuses gives an error:
/// neither ever puts a token into the file. migrateFallback() (also tried on reads)
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

signals:
    /// A keychain call has not been answered within the timeout; it is still awaited.
    void keychainSlow();
    /// Every call that was slow has now been answered (with success or an error);
    /// emitted before that call's future gives its result.
    void keychainAnswered();
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
        QString data;
        QString error;
    };
    QFuture<KeychainReply> keychainRead(const QString &account);
    QFuture<KeychainReply> keychainWrite(const QString &account, const QString &token);
    QFuture<KeychainReply> keychainRemove(const QString &account);
    template<typename Job>
    QFuture<KeychainReply> runJob(Job *job);

    QHash<QString, QString> loadFile() const;
    bool saveFile(const QHash<QString, QString> &tokens, QString *error);

    QString m_service;
    QString m_fallbackPath;
    int m_timeoutMs = 15000;
    int m_slowCalls = 0; ///< calls past the timeout and not yet answered
};

} // namespace talker::app

Q_DECLARE_METATYPE(talker::app::TokenResult)
