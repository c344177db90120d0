// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "protocol/framedecoder.h"

namespace talker::protocol {

FrameDecoder::FrameDecoder(qsizetype maxFrameSize)
    : m_max(maxFrameSize)
{}

void FrameDecoder::append(const QByteArray &data)
{
    m_buf.append(data);
}

void FrameDecoder::append(const char *data, qsizetype size)
{
    m_buf.append(data, size);
}

void FrameDecoder::reset()
{
    m_buf.clear();
    m_pos = 0;
    m_start = -1;
    m_depth = 0;
    m_isObject = m_inString = m_escape = m_skipping = false;
}

void FrameDecoder::compact()
{
    const qsizetype keep = m_start >= 0 ? m_start : m_pos;
    if (keep == 0)
        return;
    m_buf.remove(0, keep);
    m_pos -= keep;
    if (m_start >= 0)
        m_start = 0;
}

FrameDecoder::Status FrameDecoder::next(QByteArray *frame)
{
    const char *data = m_buf.constData();
    const qsizetype size = m_buf.size();

    while (m_pos < size) {
        const char c = data[m_pos];
        if (m_skipping) {
            ++m_pos;
            if (c == '\n')
                m_skipping = false;
            continue;
        }
        if (m_start < 0 && !startFrame(c)) {
            ++m_pos; // blank between frames
            continue;
        }
        if (c == '\n') {
            *frame = takeLine();
            return Status::Frame;
        }
        if (m_isObject && objectEndsAt(c)) {
            *frame = takeFrame(m_pos + 1);
            return Status::Frame;
        }
        ++m_pos;
        if (m_pos - m_start > m_max) {
            m_start = -1;
            m_skipping = true;
            compact();
            return Status::TooLarge;
        }
    }

    compact();
    return Status::NeedMore;
}

bool FrameDecoder::startFrame(char c)
{
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        return false;
    m_start = m_pos;
    m_depth = 0;
    m_isObject = (c == '{');
    m_inString = m_escape = false;
    return true;
}

bool FrameDecoder::objectEndsAt(char c)
{
    if (m_inString) {
        if (m_escape)
            m_escape = false;
        else if (c == '\\')
            m_escape = true;
        else if (c == '"')
            m_inString = false;
    } else if (c == '"') {
        m_inString = true;
    } else if (c == '{') {
        ++m_depth;
    } else if (c == '}' && --m_depth == 0) {
        // An object one byte over the limit is not a frame: it goes on to TooLarge.
        return m_pos + 1 - m_start <= m_max;
    }
    return false;
}

QByteArray FrameDecoder::takeLine()
{
    const char *data = m_buf.constData();
    qsizetype end = m_pos;
    while (end > m_start &&
           (data[end - 1] == '\r' || data[end - 1] == ' ' || data[end - 1] == '\t'))
        --end;
    return takeFrame(end);
}

QByteArray FrameDecoder::takeFrame(qsizetype end)
{
    QByteArray frame = m_buf.mid(m_start, end - m_start);
    ++m_pos;
    m_start = -1;
    return frame;
}

} // namespace talker::protocol
