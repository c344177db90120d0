/* SPDX-FileCopyrightText: 2026 Talker contributors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "outq.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

struct chunk *chunk_new(const char *p, size_t n)
{
    struct chunk *k = malloc(sizeof *k + n);
    if (!k) {
        perror("malloc");
        exit(1);
    }
    k->refs = 1;
    k->len = n;
    memcpy(k->data, p, n);
    return k;
}

void chunk_unref(struct chunk *k)
{
    if (--k->refs == 0)
        free(k);
}

void outq_push(struct outq *q, struct chunk *k, size_t off)
{
    if (q->tail == q->cap) {
        if (q->head > 0) {
            memmove(q->v, q->v + q->head, sizeof *q->v * (size_t)(q->tail - q->head));
            q->tail -= q->head;
            q->head = 0;
        } else {
            q->cap = q->cap ? q->cap * 2 : 8;
            q->v = realloc(q->v, sizeof *q->v * (size_t)q->cap);
            if (!q->v)
                exit(1);
        }
    }
    if (q->head == q->tail)
        q->off = off;
    ++k->refs;
    q->v[q->tail++] = k;
}

void outq_clear(struct outq *q)
{
    for (int i = q->head; i < q->tail; ++i)
        chunk_unref(q->v[i]);
    q->head = q->tail = 0;
    q->off = 0;
}

int outq_write(int fd, struct outq *q)
{
    for (;;) {
        if (outq_empty(q))
            break;
        struct iovec iov[64];
        int n_iov = 0;
        for (int i = q->head; i < q->tail && n_iov < 64; ++i, ++n_iov) {
            size_t skip = i == q->head ? q->off : 0;
            iov[n_iov].iov_base = q->v[i]->data + skip;
            iov[n_iov].iov_len = q->v[i]->len - skip;
        }
        struct msghdr msg;
        memset(&msg, 0, sizeof msg);
        msg.msg_iov = iov;
        msg.msg_iovlen = (size_t)n_iov;
        ssize_t n = sendmsg(fd, &msg, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0)
            return -1;
        size_t left = (size_t)n;
        while (left > 0) {
            size_t in_head = q->v[q->head]->len - q->off;
            if (left < in_head) {
                q->off += left;
                break;
            }
            left -= in_head;
            chunk_unref(q->v[q->head++]);
            q->off = 0;
        }
        break; /* one write per flush; the rest waits for EPOLLOUT */
    }
    if (outq_empty(q)) {
        q->head = q->tail = 0;
        q->off = 0;
    }
    return 0;
}
