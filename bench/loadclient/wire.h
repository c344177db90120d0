// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Wire helpers for the load client: Talker lines, MQTT 3.1.1 QoS 0 packets and the
// benchmark payload (sequence number + send timestamp, fixed size).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace talker::bench {

/// Fixed layout of a payload: "SSSSSSSSSS TTTTTTTTTTTTTTTTTTT " then '.' padding.
/// S = 10-digit sequence number in its room, T = 19-digit send time (ns, monotonic).
constexpr std::size_t kPayloadHeader = 31;

/// Appends a payload of exactly `size` bytes (size >= kPayloadHeader) to `out`.
void appendPayload(std::string &out, std::uint64_t seq, std::uint64_t sentNs, std::size_t size);
/// Parses a payload's header (the time only if `sentNs` is set); false when the bytes are
/// not a benchmark payload.
bool parsePayload(const char *p, std::size_t len, std::uint64_t *seq, std::uint64_t *sentNs);

/// `{"type":"connect","room":ROOM,"token":TOKEN}\n`
void appendTalkerConnect(std::string &out, const std::string &room, const std::string &token);
/// `{"type":"message","content":PAYLOAD}\n`
void appendTalkerMessage(std::string &out, std::uint64_t seq, std::uint64_t sentNs,
                         std::size_t size);
/// `{"type":"ping"}\n`
void appendTalkerPing(std::string &out);
/// Finds the content of a Talker `message` line; returns nullptr if the line is another event.
const char *findTalkerContent(const char *line, std::size_t len, std::size_t *contentLen);

/// MQTT 3.1.1 CONNECT with clean session, keep-alive off.
void appendMqttConnect(std::string &out, const std::string &clientId);
/// MQTT SUBSCRIBE to one topic at QoS 0.
void appendMqttSubscribe(std::string &out, std::uint16_t packetId, const std::string &topic);
/// MQTT PUBLISH QoS 0 carrying a benchmark payload.
void appendMqttPublish(std::string &out, const std::string &topic, std::uint64_t seq,
                       std::uint64_t sentNs, std::size_t size);
/// MQTT PINGREQ.
void appendMqttPing(std::string &out);

/// One MQTT packet found in a buffer.
struct MqttPacket
{
    std::uint8_t type = 0;      ///< high nibble of the fixed header
    const char *body = nullptr; ///< variable header + payload
    std::size_t bodyLen = 0;
    std::size_t totalLen = 0; ///< bytes consumed, 0 if incomplete
};
/// Splits the next packet off `buf`; totalLen 0 means more bytes are needed,
/// returns false on a malformed length.
bool nextMqttPacket(const char *buf, std::size_t len, MqttPacket *packet);

} // namespace talker::bench
