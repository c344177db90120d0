// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

// libFuzzer harness: the framing decoder and the codec on one arbitrary byte stream.
//
// Checks, beyond "no crash, no sanitizer report":
//  - framing does not depend on how the stream is cut into reads: the frames from one
//    append equal the frames from appends of fuzzer-chosen sizes;
//  - no frame is longer than the limit, and buffered() stays bounded;
//  - every decoded event re-encodes to one line that decodes to the same wire form
//    (encode(decode(encode(e))) == encode(e)).
#include "protocol/codec.h"
#include "protocol/framedecoder.h"

#include <QByteArray>
#include <QList>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using talker::protocol::FrameDecoder;

namespace {

constexpr qsizetype kMaxFrame = 512; // small, so that TooLarge is reached often

struct Piece
{
    bool tooLarge = false;
    QByteArray frame;
    bool operator==(const Piece &o) const { return tooLarge == o.tooLarge && frame == o.frame; }
};

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_protocol: invariant broken: %s\n", what);
        std::abort();
    }
}

QList<Piece> drain(FrameDecoder &decoder)
{
    QList<Piece> out;
    for (;;) {
        QByteArray frame;
        const FrameDecoder::Status s = decoder.next(&frame);
        if (s == FrameDecoder::Status::NeedMore)
            return out;
        Piece p;
        p.tooLarge = s == FrameDecoder::Status::TooLarge;
        if (!p.tooLarge) {
            check(frame.size() <= kMaxFrame, "frame longer than the limit");
            p.frame = frame;
        }
        out.append(p);
    }
}

void checkCodec(const QByteArray &frame)
{
    const talker::protocol::DecodeResult r = talker::protocol::decode(frame);
    if (!r.ok()) {
        check(r.error != talker::protocol::ErrorCode::None, "failed decode without error code");
        check(!r.errorMessage().isEmpty(), "failed decode without error text");
        return;
    }
    const QByteArray line = talker::protocol::encode(*r.event);
    check(line.endsWith('\n') && line.count('\n') == 1, "encode gives not exactly one line");
    const talker::protocol::DecodeResult again = talker::protocol::decode(line.chopped(1));
    check(again.ok(), "re-encoded event does not decode");
    check(talker::protocol::encode(*again.event) == line, "encode/decode not stable");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // First byte: seed of the read sizes; the rest is the stream.
    const unsigned seed = data[0];
    const char *stream = reinterpret_cast<const char *>(data + 1);
    const qsizetype len = qsizetype(size - 1);

    FrameDecoder whole(kMaxFrame);
    whole.append(stream, len);
    const QList<Piece> expected = drain(whole);
    check(whole.buffered() <= kMaxFrame + 1, "whole: buffered beyond the limit");

    FrameDecoder chunked(kMaxFrame);
    QList<Piece> got;
    qsizetype pos = 0;
    unsigned state = seed * 2654435761u + 1;
    while (pos < len) {
        state = state * 1103515245u + 12345u;
        const qsizetype n = qMin<qsizetype>(len - pos, 1 + (state >> 16) % 97);
        chunked.append(stream + pos, n);
        pos += n;
        got += drain(chunked);
        check(chunked.buffered() <= kMaxFrame + 1, "chunked: buffered beyond the limit");
    }
    check(got == expected, "frames depend on how the stream is split into reads");

    for (const Piece &p : expected)
        if (!p.tooLarge)
            checkCodec(p.frame);
    return 0;
}
