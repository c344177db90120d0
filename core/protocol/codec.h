// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "protocol/events.h"
#include "protocol/protocolerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <optional>

/// JSON <-> typed events. Decoding never throws and never crashes: every bad frame
/// becomes a typed error with the protocol's text.
namespace talker::protocol {

/// The outcome of decoding one frame.
struct DecodeResult
{
    std::optional<Event> event;
    ErrorCode error = ErrorCode::None;
    QString detail; ///< for UnknownType: the offending `type` rendered as JSON
    QString id;     ///< a refused `message`'s valid id, so the error can name it

    bool ok() const { return event.has_value(); }
    /// The error text to send back (empty when ok).
    QString errorMessage() const { return errorText(error, detail); }
};

/// Decodes one frame (one JSON object, without its line end).
DecodeResult decode(const QByteArray &frame);
/// Decodes an already parsed object.
DecodeResult decodeObject(const QJsonObject &object);

/// The event as a JSON object, in the wire form.
QJsonObject toJson(const Event &event);
/// The event as one wire line: compact JSON followed by '\n'.
QByteArray encode(const Event &event);
/// A JSON object as one wire line: compact JSON followed by '\n'.
QByteArray encodeObject(const QJsonObject &object);

/// A ready error event line, e.g. `{"type":"error","message":"Invalid JSON"}\n`.
QByteArray encodeError(ErrorCode code, const QString &detail = QString(),
                       const QString &messageId = QString());

} // namespace talker::protocol
