// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// Counting deliveries without reading them. In a fan-out every receiver of a room gets the
// same bytes, and copying them all into the load client costs about what the server spends
// writing them, so the client, not the server, would set the pace. A skimming receiver takes
// its bytes with recv(MSG_TRUNC), which the kernel discards without a copy; one reference
// receiver per room reads and checks every line, and records where each message ends in the
// room's byte stream. A skimming receiver has then received every message that ends within the
// bytes it took. At the end its byte count must equal the reference's, or it lost something.
#pragma once

#include <cstdint>
#include <vector>

namespace talker::bench {

class SkimLedger
{
public:
    void reset(int rooms);
    /// The reference receiver of `room` saw a message end at `offset` bytes into the stream.
    void messageEnds(int room, std::uint64_t offset);
    /// The reference receiver of `room` has consumed `bytes` bytes of whole lines.
    void setReferenceBytes(int room, std::uint64_t bytes);
    std::uint64_t referenceBytes(int room) const;
    /// Messages that end within the first `bytes` bytes of the room's stream.
    std::uint64_t messagesWithin(int room, std::uint64_t bytes) const;

private:
    std::vector<std::vector<std::uint64_t>> m_ends;
    std::vector<std::uint64_t> m_referenceBytes;
};

} // namespace talker::bench
