// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "appsettings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

Q_LOGGING_CATEGORY(lcSettings, "talker.app.settings")

namespace talker::app {

namespace {
const QLatin1String kTheme("theme");
const QLatin1String kFontSize("fontSize");
const QLatin1String kLanguage("language");
const QLatin1String kCloseToTray("closeToTray");
const QLatin1String kStartMinimized("startMinimized");
const QLatin1String kNotify("notify");
const QLatin1String kExtra("extra");

QString themeName(AppSettings::Theme theme)
{
    switch (theme) {
    case AppSettings::Light:
        return QStringLiteral("light");
    case AppSettings::Dark:
        return QStringLiteral("dark");
    case AppSettings::System:
        break;
    }
    return QStringLiteral("system");
}

AppSettings::Theme themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return AppSettings::Light;
    if (name == QLatin1String("dark"))
        return AppSettings::Dark;
    return AppSettings::System;
}

QString levelName(AppSettings::NotifyLevel level)
{
    switch (level) {
    case AppSettings::All:
        return QStringLiteral("all");
    case AppSettings::None:
        return QStringLiteral("none");
    case AppSettings::Mentions:
        break;
    }
    return QStringLiteral("mentions");
}
} // namespace

AppSettings::AppSettings(const QString &profileDir, QObject *parent)
    : QObject(parent)
    , m_path(QDir(profileDir).filePath(QStringLiteral("settings.json")))
{
    QDir().mkpath(profileDir);
    load();
}

void AppSettings::load()
{
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSettings) << "cannot read" << m_path << file.errorString();
        return;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    file.close();
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        const QString aside =
            m_path + QStringLiteral(".corrupt-") +
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
        QFile::remove(aside);
        const bool moved = QFile::rename(m_path, aside);
        qCWarning(lcSettings) << "settings file is corrupt, set aside as" << aside
                              << (moved ? "" : "(rename failed)");
        m_notice = tr("Your settings file was damaged; it was set aside as %1 and defaults are "
                      "used.")
                       .arg(QDir::toNativeSeparators(aside));
        return;
    }
    const QJsonObject root = doc.object();
    m_theme = themeFromName(root.value(kTheme).toString());
    m_fontSize = qBound(MinFontSize, root.value(kFontSize).toInt(DefaultFontSize), MaxFontSize);
    m_closeToTray = root.value(kCloseToTray).toBool(true);
    m_startMinimized = root.value(kStartMinimized).toBool(false);
    m_language = root.value(kLanguage).toString().left(16);
    m_notify = root.value(kNotify).toObject();
    m_extra = root.value(kExtra).toObject();
}

bool AppSettings::save()
{
    QJsonObject root;
    root.insert(kTheme, themeName(m_theme));
    root.insert(kFontSize, m_fontSize);
    root.insert(kCloseToTray, m_closeToTray);
    root.insert(kStartMinimized, m_startMinimized);
    root.insert(kLanguage, m_language);
    root.insert(kNotify, m_notify);
    root.insert(kExtra, m_extra);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSettings) << "cannot write" << m_path << file.errorString();
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        qCWarning(lcSettings) << "cannot save" << m_path << file.errorString();
        return false;
    }
    return true;
}

void AppSettings::setTheme(Theme theme)
{
    if (theme == m_theme)
        return;
    m_theme = theme;
    save();
    emit themeChanged();
}

void AppSettings::setFontSize(int size)
{
    size = qBound(MinFontSize, size, MaxFontSize);
    if (size == m_fontSize)
        return;
    m_fontSize = size;
    save();
    emit fontSizeChanged();
}

void AppSettings::setCloseToTray(bool on)
{
    if (on == m_closeToTray)
        return;
    m_closeToTray = on;
    save();
    emit closeToTrayChanged();
}

void AppSettings::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    save();
    emit languageChanged();
}

void AppSettings::setStartMinimized(bool on)
{
    if (on == m_startMinimized)
        return;
    m_startMinimized = on;
    save();
    emit startMinimizedChanged();
}

AppSettings::NotifyLevel AppSettings::notifyLevel(const QString &roomKey, bool isPrivate) const
{
    const QString name = m_notify.value(roomKey).toString();
    if (name == QLatin1String("all"))
        return All;
    if (name == QLatin1String("none"))
        return None;
    if (name == QLatin1String("mentions"))
        return Mentions;
    return isPrivate ? All : Mentions;
}

void AppSettings::setNotifyLevel(const QString &roomKey, NotifyLevel level)
{
    if (m_notify.value(roomKey).toString() == levelName(level))
        return;
    m_notify.insert(roomKey, levelName(level));
    save();
    emit notifyLevelChanged(roomKey);
}

void AppSettings::setValue(const QString &key, const QJsonValue &value)
{
    if (m_extra.value(key) == value)
        return;
    m_extra.insert(key, value);
    save();
}

void AppSettings::forgetAccount(const QString &accountId)
{
    const QString prefix = accountId + QLatin1Char('/');
    const auto belongs = [&](const QString &text) {
        return text == accountId || text.startsWith(prefix);
    };
    bool changed = false;
    for (const QString &key : m_notify.keys()) {
        if (belongs(key)) {
            m_notify.remove(key);
            changed = true;
        }
    }
    for (const QString &key : m_extra.keys()) {
        if (belongs(m_extra.value(key).toString())) {
            m_extra.remove(key);
            changed = true;
        }
    }
    if (changed)
        save();
}

void AppSettings::clearNotice()
{
    if (m_notice.isEmpty())
        return;
    m_notice.clear();
    emit noticeChanged();
}

} // namespace talker::app
