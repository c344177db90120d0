/* SPDX-FileCopyrightText: 2026 Talker contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ceiling's output queues: reference-counted chunks of bytes shared by every
 * receiver that still has to write them, and per receiver a queue of references that
 * goes out with one writev() per flush. */
#pragma once

#include <stddef.h>

/* Bytes shared by every receiver that still has to write them. */
struct chunk
{
    int refs;
    size_t len;
    char data[];
};

/* A receiver's output: references to chunks, the first `off` bytes of the head sent. */
struct outq
{
    struct chunk **v;
    int head, tail, cap;
    size_t off;
};

/* A new chunk holding a copy of `n` bytes, with one reference (the caller's). */
struct chunk *chunk_new(const char *p, size_t n);
void chunk_unref(struct chunk *k);
/* Appends a reference to `k`, of which the first `off` bytes are already sent. */
void outq_push(struct outq *q, struct chunk *k, size_t off);
/* Drops every reference (the connection is gone). */
void outq_clear(struct outq *q);
static inline int outq_empty(const struct outq *q)
{
    return q->head == q->tail;
}
/* One writev() of the queue (EAGAIN is not an error); -1 if the connection failed. */
int outq_write(int fd, struct outq *q);
