// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace talker::client {

/// Exponential reconnect delays with jitter: initial, 2x, 4x ... capped at max, each
/// spread randomly by +-jitter. reset() after a successful connection.
class Backoff
{
public:
    Backoff(int initialMs = 1000, int maxMs = 30000, double jitter = 0.2);

    /// The delay before the next attempt; each call doubles the base delay.
    int nextDelayMs();
    /// Back to the initial delay.
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }
    void configure(int initialMs, int maxMs, double jitter);

private:
    int m_initial;
    int m_max;
    double m_jitter;
    int m_attempt = 0;
};

} // namespace talker::client
