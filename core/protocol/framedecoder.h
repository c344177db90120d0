// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>

namespace talker::protocol {

/// Splits a byte stream into frames, one JSON object each.
///
/// Accepts `\n` and `\r\n` line ends, blank lines, and objects written back to back
/// with no newline (`{"type":"ping"}{"type":"ping"}`): an object that starts with `{`
/// ends at its matching `}` (braces inside strings do not count) or at a newline,
/// whichever comes first. Anything else is a frame up to the next newline, so that
/// garbage becomes one frame that fails to parse instead of a hang.
///
/// A frame longer than the limit (also one that never ends) is reported once as
/// TooLarge; its remaining bytes up to the next newline are then dropped.
class FrameDecoder
{
public:
    static constexpr qsizetype DefaultMaxFrameSize = 256 * 1024;

    enum class Status {
        Frame,    ///< a complete frame was stored in the out parameter
        NeedMore, ///< no complete frame buffered
        TooLarge, ///< a frame went over the limit
    };

    explicit FrameDecoder(qsizetype maxFrameSize = DefaultMaxFrameSize);

    /// Adds received bytes.
    void append(const QByteArray &data);
    void append(const char *data, qsizetype size);
    /// Takes the next frame out of the buffer.
    Status next(QByteArray *frame);

    qsizetype maxFrameSize() const { return m_max; }
    void setMaxFrameSize(qsizetype max) { m_max = max; }
    /// Bytes held that are not yet returned as frames.
    qsizetype buffered() const { return m_buf.size() - (m_start >= 0 ? m_start : m_pos); }
    /// Drops everything buffered and any partial frame.
    void reset();

private:
    void compact();
    // next() steps.
    /// Begins a frame at `c` (at m_pos); false for a blank between frames.
    bool startFrame(char c);
    /// Follows an object's strings and braces; true when `c` closes it within the limit.
    bool objectEndsAt(char c);
    /// The line frame ending at the newline at m_pos, trailing blanks dropped.
    QByteArray takeLine();
    /// The current frame up to `end` (exclusive); scanning goes on after m_pos.
    QByteArray takeFrame(qsizetype end);

    QByteArray m_buf;
    qsizetype m_max;
    qsizetype m_pos = 0;    ///< next byte to scan
    qsizetype m_start = -1; ///< start of the current frame, -1 between frames
    int m_depth = 0;
    bool m_isObject = false;
    bool m_inString = false;
    bool m_escape = false;
    bool m_skipping = false; ///< dropping the rest of an oversized frame
};

} // namespace talker::protocol
