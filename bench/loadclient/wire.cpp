// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#include "wire.h"

#include <cstdio>
#include <cstring>

namespace talker::bench {

void appendPayload(std::string &out, std::uint64_t seq, std::uint64_t sentNs, std::size_t size)
{
    char head[kPayloadHeader + 1];
    std::snprintf(head, sizeof head, "%010llu %019llu ", static_cast<unsigned long long>(seq),
                  static_cast<unsigned long long>(sentNs));
    out.append(head, kPayloadHeader);
    if (size > kPayloadHeader)
        out.append(size - kPayloadHeader, '.');
}

static bool parseDigits(const char *p, std::size_t n, std::uint64_t *value)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned d = static_cast<unsigned char>(p[i]) - '0';
        if (d > 9)
            return false;
        v = v * 10 + d;
    }
    *value = v;
    return true;
}

bool parsePayload(const char *p, std::size_t len, std::uint64_t *seq, std::uint64_t *sentNs)
{
    if (len < kPayloadHeader || p[10] != ' ' || p[30] != ' ')
        return false;
    return parseDigits(p, 10, seq) && (!sentNs || parseDigits(p + 11, 19, sentNs));
}

void appendTalkerConnect(std::string &out, const std::string &room, const std::string &token)
{
    out += "{\"type\":\"connect\",\"room\":\"";
    out += room;
    out += "\",\"token\":\"";
    out += token;
    out += "\"}\n";
}

void appendTalkerMessage(std::string &out, std::uint64_t seq, std::uint64_t sentNs,
                         std::size_t size)
{
    out += "{\"type\":\"message\",\"content\":\"";
    appendPayload(out, seq, sentNs, size);
    out += "\"}\n";
}

void appendTalkerPing(std::string &out)
{
    out += "{\"type\":\"ping\"}\n";
}

const char *findTalkerContent(const char *line, std::size_t len, std::size_t *contentLen)
{
    static const char key[] = "\"content\":\"";
    constexpr std::size_t keyLen = sizeof key - 1;
    // Lines from one server share their layout: try where the key was last time first.
    static thread_local std::size_t lastOffset = 0;
    const char *hit = nullptr;
    if (lastOffset + keyLen <= len && std::memcmp(line + lastOffset, key, keyLen) == 0) {
        hit = line + lastOffset;
    } else {
        hit = static_cast<const char *>(memmem(line, len, key, keyLen));
        if (!hit)
            return nullptr;
        lastOffset = static_cast<std::size_t>(hit - line);
    }
    const char *start = hit + keyLen;
    *contentLen = len - static_cast<std::size_t>(start - line);
    return start;
}

static void appendLength(std::string &out, std::size_t n)
{
    do {
        unsigned char b = n % 128;
        n /= 128;
        if (n)
            b |= 0x80;
        out += static_cast<char>(b);
    } while (n);
}

static void appendString(std::string &out, const std::string &s)
{
    out += static_cast<char>((s.size() >> 8) & 0xff);
    out += static_cast<char>(s.size() & 0xff);
    out += s;
}

void appendMqttConnect(std::string &out, const std::string &clientId)
{
    // variable header: protocol name, level 4, flags (clean session), keep-alive 0
    const std::size_t rem = 2 + 4 + 1 + 1 + 2 + 2 + clientId.size();
    out += static_cast<char>(0x10);
    appendLength(out, rem);
    appendString(out, "MQTT");
    out += static_cast<char>(4);
    out += static_cast<char>(0x02);
    out += '\0';
    out += '\0';
    appendString(out, clientId);
}

void appendMqttSubscribe(std::string &out, std::uint16_t packetId, const std::string &topic)
{
    out += static_cast<char>(0x82);
    appendLength(out, 2 + 2 + topic.size() + 1);
    out += static_cast<char>(packetId >> 8);
    out += static_cast<char>(packetId & 0xff);
    appendString(out, topic);
    out += '\0'; // QoS 0
}

void appendMqttPublish(std::string &out, const std::string &topic, std::uint64_t seq,
                       std::uint64_t sentNs, std::size_t size)
{
    out += static_cast<char>(0x30);
    appendLength(out, 2 + topic.size() + size);
    appendString(out, topic);
    appendPayload(out, seq, sentNs, size);
}

void appendMqttPing(std::string &out)
{
    out += static_cast<char>(0xc0);
    out += '\0';
}

bool nextMqttPacket(const char *buf, std::size_t len, MqttPacket *packet)
{
    packet->totalLen = 0;
    if (len < 2)
        return true;
    std::size_t rem = 0;
    std::size_t i = 1;
    unsigned shift = 0;
    for (;;) {
        if (i >= len)
            return true;
        const unsigned char b = static_cast<unsigned char>(buf[i++]);
        rem |= static_cast<std::size_t>(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
        shift += 7;
        if (shift > 21)
            return false;
    }
    if (len - i < rem)
        return true;
    packet->type = static_cast<std::uint8_t>(static_cast<unsigned char>(buf[0]) >> 4);
    packet->body = buf + i;
    packet->bodyLen = rem;
    packet->totalLen = i + rem;
    return true;
}

} // namespace talker::bench
