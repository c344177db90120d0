// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace talker::app {

/// The user's preferences, kept as JSON in `<profile>/settings.json`.
///
/// Every change is written at once (atomically). A file that cannot be parsed is
/// renamed to `settings.json.corrupt-<time>` and the app starts with defaults;
/// `notice` then says so. Tokens are never stored here (see TokenStore).
class AppSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AppSettings is provided by the application")
    Q_PROPERTY(Theme theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(int fontSize READ fontSize WRITE setFontSize NOTIFY fontSizeChanged)
    Q_PROPERTY(bool closeToTray READ closeToTray WRITE setCloseToTray NOTIFY closeToTrayChanged)
    Q_PROPERTY(bool startMinimized READ startMinimized WRITE setStartMinimized NOTIFY
                   startMinimizedChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

public:
    enum Theme { System, Light, Dark };
    Q_ENUM(Theme)
    /// When a room's messages raise a desktop notification.
    enum NotifyLevel { All, Mentions, None };
    Q_ENUM(NotifyLevel)

    static constexpr int MinFontSize = 8;
    static constexpr int MaxFontSize = 24;
    static constexpr int DefaultFontSize = 11;

    /// Loads `<profileDir>/settings.json` (creating the folder if needed).
    explicit AppSettings(const QString &profileDir, QObject *parent = nullptr);

    QString filePath() const { return m_path; }

    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);
    int fontSize() const { return m_fontSize; }
    void setFontSize(int size);
    bool closeToTray() const { return m_closeToTray; }
    void setCloseToTray(bool on);
    bool startMinimized() const { return m_startMinimized; }
    void setStartMinimized(bool on);
    /// The UI language as a code ("de", "en"); empty: follow the system locale.
    QString language() const { return m_language; }
    void setLanguage(const QString &language);

    /// Notification rule for a room; private conversations default to All, rooms to Mentions.
    Q_INVOKABLE talker::app::AppSettings::NotifyLevel notifyLevel(const QString &roomKey,
                                                                  bool isPrivate = false) const;
    Q_INVOKABLE void setNotifyLevel(const QString &roomKey,
                                    talker::app::AppSettings::NotifyLevel level);

    /// Free-form values other controllers persist (accounts, last room, notices shown).
    QJsonValue value(const QString &key) const { return m_extra.value(key); }
    void setValue(const QString &key, const QJsonValue &value);
    /// Drops everything kept about an account: its chats' notification levels and
    /// values naming it or one of its chats ("ACCOUNT" or "ACCOUNT/...").
    void forgetAccount(const QString &accountId);

    /// A one-time message for the user (e.g. the settings file was corrupt), or empty.
    QString notice() const { return m_notice; }
    Q_INVOKABLE void clearNotice();

    /// Writes the file now. Returns false (and logs) when the disk refuses.
    bool save();

signals:
    void themeChanged();
    void fontSizeChanged();
    void closeToTrayChanged();
    void startMinimizedChanged();
    void languageChanged();
    void notifyLevelChanged(const QString &roomKey);
    void noticeChanged();

private:
    void load();

    QString m_path;
    Theme m_theme = System;
    int m_fontSize = DefaultFontSize;
    bool m_closeToTray = true;
    bool m_startMinimized = false;
    QString m_language;
    QJsonObject m_notify;
    QJsonObject m_extra;
    QString m_notice;
};

} // namespace talker::app
