// SPDX-FileCopyrightText: 2026 Talker contributors
//
// SPDX-License-Identifier: GPL-3.0-or-later

/* talker-ceiling: the machine's fan-out ceiling. A minimal epoll server that speaks the
 * part of the Talker protocol the load client uses (connect, message, ping, close).
 * Per epoll pass it reads everything every sender has, serializes each broadcast once
 * into one buffer of all lines of the pass for the room, and then writes that same
 * buffer to every receiver with one send(). A receiver that still has pending bytes
 * (or whose socket took only part of it) gets a reference to the buffer appended to
 * its queue, never a copy; its queue goes out with one writev() per flush.
 * No authentication, no storage: it only shows what the machine can do.
 *
 * usage: talker-ceiling [--listen 127.0.0.1:PORT]   prints "listening on HOST:PORT" */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "outq.h"

#define MAX_ROOMS 256
#define MAX_LINE (256 * 1024)

struct buf
{
    char *data;
    size_t len, cap, off;
};

struct conn
{
    int fd;
    int room;     /* -1 until connected */
    int dirty;    /* in the flush list */
    int want_out; /* EPOLLOUT registered */
    struct buf in;
    struct outq out;
};

struct room
{
    char name[64];
    int *members;
    int count, cap;
    struct buf pass; /* the lines broadcast in this epoll pass */
    int dirty;       /* in the dirty room list */
};

static struct conn **conns;
static int conns_cap;
static struct room rooms[MAX_ROOMS];
static int room_count;
static int *dirty_list;
static int dirty_count, dirty_cap;
static int dirty_rooms[MAX_ROOMS];
static int dirty_room_count;
static int epfd;
static unsigned long long next_id = 1;

static void buf_append(struct buf *b, const char *p, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        b->data = realloc(b->data, cap);
        if (!b->data) {
            perror("realloc");
            exit(1);
        }
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static void set_out(struct conn *c, int want)
{
    struct epoll_event ev;
    if (c->want_out == want)
        return;
    c->want_out = want;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLIN | (want ? EPOLLOUT : 0);
    ev.data.fd = c->fd;
    epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
}

static void mark_dirty(struct conn *c)
{
    if (c->dirty)
        return;
    c->dirty = 1;
    if (dirty_count == dirty_cap) {
        dirty_cap = dirty_cap ? dirty_cap * 2 : 1024;
        dirty_list = realloc(dirty_list, sizeof(int) * (size_t)dirty_cap);
        if (!dirty_list)
            exit(1);
    }
    dirty_list[dirty_count++] = c->fd;
}

static void close_conn(struct conn *c)
{
    if (c->room >= 0) {
        struct room *r = &rooms[c->room];
        for (int i = 0; i < r->count; ++i)
            if (r->members[i] == c->fd) {
                r->members[i] = r->members[--r->count];
                break;
            }
    }
    epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    conns[c->fd] = NULL;
    free(c->in.data);
    outq_clear(&c->out);
    free(c->out.v);
    free(c);
}

/* One writev() of everything pending; returns -1 if the connection died. */
static int flush_conn(struct conn *c)
{
    if (outq_write(c->fd, &c->out) < 0)
        return -1;
    set_out(c, !outq_empty(&c->out));
    return 0;
}

/* Finds "key":"value" in a line; returns the value's start and length (raw JSON). */
static const char *json_str(const char *line, size_t len, const char *key, size_t *vlen)
{
    char pat[32];
    int pn = snprintf(pat, sizeof pat, "\"%s\":\"", key);
    const char *p = memmem(line, len, pat, (size_t)pn);
    if (!p)
        return NULL;
    p += pn;
    const char *end = line + len;
    const char *q = p;
    while (q < end && *q != '"') {
        if (*q == '\\')
            ++q;
        ++q;
    }
    if (q >= end)
        return NULL;
    *vlen = (size_t)(q - p);
    return p;
}

static int find_room(const char *name, size_t n)
{
    if (n >= sizeof rooms[0].name)
        n = sizeof rooms[0].name - 1;
    for (int i = 0; i < room_count; ++i)
        if (strlen(rooms[i].name) == n && memcmp(rooms[i].name, name, n) == 0)
            return i;
    if (room_count == MAX_ROOMS)
        return 0;
    memcpy(rooms[room_count].name, name, n);
    rooms[room_count].name[n] = '\0';
    return room_count++;
}

static int handle_input(struct conn *c, const char *bytes, size_t n);

static void send_text(struct conn *c, const char *s)
{
    struct chunk *k = chunk_new(s, strlen(s));
    outq_push(&c->out, k, 0);
    chunk_unref(k);
    mark_dirty(c);
}

/* Returns -1 when the connection must close. */
static int handle_line(struct conn *c, const char *line, size_t len)
{
    size_t tlen;
    const char *type = json_str(line, len, "type", &tlen);
    if (len == 0 || (len == 1 && line[0] == '\r'))
        return 0;
    if (!type) {
        send_text(c, "{\"type\":\"error\",\"message\":\"Invalid JSON\"}\n");
        return -1;
    }
    if (c->room < 0) {
        size_t rlen;
        const char *room = json_str(line, len, "room", &rlen);
        if (tlen != 7 || memcmp(type, "connect", 7) != 0 || !room) {
            send_text(c, "{\"type\":\"error\",\"message\":\"Not connected to a channel\"}\n");
            return -1;
        }
        c->room = find_room(room, rlen);
        struct room *r = &rooms[c->room];
        if (r->count == r->cap) {
            r->cap = r->cap ? r->cap * 2 : 64;
            r->members = realloc(r->members, sizeof(int) * (size_t)r->cap);
            if (!r->members)
                exit(1);
        }
        r->members[r->count++] = c->fd;
        send_text(c, "{\"type\":\"connected\",\"user\":{\"id\":\"1\",\"name\":\"bench\"}}\n"
                     "{\"type\":\"users\",\"users\":[{\"id\":\"1\",\"name\":\"bench\"}]}\n");
        return 0;
    }
    if (tlen == 7 && memcmp(type, "message", 7) == 0) {
        size_t clen;
        const char *content = json_str(line, len, "content", &clen);
        static char out[MAX_LINE + 256];
        if (!content || clen > MAX_LINE)
            return 0;
        /* Serialize once ... */
        int head = snprintf(out, sizeof out,
                            "{\"type\":\"message\",\"id\":\"%032llx\",\"content\":\"", next_id++);
        memcpy(out + head, content, clen);
        int tail = snprintf(out + head + clen, sizeof out - (size_t)head - clen,
                            "\",\"user\":{\"id\":\"1\",\"name\":\"bench\"},\"time\":%ld}\n",
                            (long)time(NULL));
        size_t n = (size_t)head + clen + (size_t)tail;
        /* ... into the room's buffer of this pass, which every receiver shares. */
        struct room *r = &rooms[c->room];
        buf_append(&r->pass, out, n);
        if (!r->dirty) {
            r->dirty = 1;
            dirty_rooms[dirty_room_count++] = c->room;
        }
        return 0;
    }
    if (tlen == 4 && memcmp(type, "ping", 4) == 0) {
        send_text(c, "{\"type\":\"pong\"}\n");
        return 0;
    }
    if (tlen == 5 && memcmp(type, "close", 5) == 0)
        return -1;
    return 0;
}

/* Reads everything the client has sent (until EAGAIN), then handles the lines. */
static int on_readable(struct conn *c)
{
    static char tmp[256 * 1024];
    for (;;) {
        ssize_t n = read(c->fd, tmp, sizeof tmp);
        if (n == 0)
            return -1;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN ? 0 : -1;
        if (handle_input(c, tmp, (size_t)n) < 0)
            return -1;
        if ((size_t)n < sizeof tmp)
            return 0;
    }
}

/* Writes a room's pass buffer to one receiver: straight from the shared buffer when the
 * receiver has nothing pending, else a reference queued behind its pending bytes. */
static int deliver_pass(struct conn *m, struct chunk *pass)
{
    if (!outq_empty(&m->out)) {
        outq_push(&m->out, pass, 0);
        mark_dirty(m);
        return 0;
    }
    size_t sent = 0;
    for (;;) {
        ssize_t n = send(m->fd, pass->data, pass->len, MSG_NOSIGNAL);
        if (n >= 0) {
            sent = (size_t)n;
            break;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            break;
        return -1;
    }
    if (sent < pass->len) {
        outq_push(&m->out, pass, sent);
        set_out(m, 1);
    }
    return 0;
}

static void flush_rooms(void)
{
    for (int k = 0; k < dirty_room_count; ++k) {
        struct room *r = &rooms[dirty_rooms[k]];
        r->dirty = 0;
        struct chunk *pass = chunk_new(r->pass.data, r->pass.len);
        for (int i = 0; i < r->count;) {
            struct conn *m = conns[r->members[i]];
            if (deliver_pass(m, pass) < 0)
                close_conn(m); /* moves the last member into slot i */
            else
                ++i;
        }
        chunk_unref(pass);
        r->pass.len = 0;
    }
    dirty_room_count = 0;
}

static int handle_input(struct conn *c, const char *bytes, size_t n)
{
    buf_append(&c->in, bytes, n);
    size_t pos = 0;
    for (;;) {
        char *nl = memchr(c->in.data + pos, '\n', c->in.len - pos);
        if (!nl)
            break;
        size_t len = (size_t)(nl - (c->in.data + pos));
        if (handle_line(c, c->in.data + pos, len) < 0)
            return -1;
        pos += len + 1;
    }
    if (c->in.len - pos > MAX_LINE)
        return -1;
    memmove(c->in.data, c->in.data + pos, c->in.len - pos);
    c->in.len -= pos;
    return 0;
}

static void on_accept(int lfd)
{
    for (;;) {
        int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (fd >= conns_cap) {
            int cap = conns_cap ? conns_cap : 1024;
            while (cap <= fd)
                cap *= 2;
            conns = realloc(conns, sizeof(*conns) * (size_t)cap);
            if (!conns)
                exit(1);
            memset(conns + conns_cap, 0, sizeof(*conns) * (size_t)(cap - conns_cap));
            conns_cap = cap;
        }
        struct conn *c = calloc(1, sizeof *c);
        if (!c)
            exit(1);
        c->fd = fd;
        c->room = -1;
        conns[fd] = c;
        struct epoll_event ev;
        memset(&ev, 0, sizeof ev);
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
    }
}

static volatile sig_atomic_t stop;
static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

int main(int argc, char **argv)
{
    const char *listen_arg = "127.0.0.1:0";
    for (int i = 1; i < argc; ++i) {
        if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc)
            listen_arg = argv[++i];
        else {
            fprintf(stderr, "usage: talker-ceiling [--listen HOST:PORT]\n");
            return 64;
        }
    }
    char host[64];
    const char *colon = strrchr(listen_arg, ':');
    if (!colon || (size_t)(colon - listen_arg) >= sizeof host) {
        fprintf(stderr, "talker-ceiling: bad --listen %s\n", listen_arg);
        return 64;
    }
    memcpy(host, listen_arg, (size_t)(colon - listen_arg));
    host[colon - listen_arg] = '\0';
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)atoi(colon + 1));
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "talker-ceiling: bad address %s\n", host);
        return 64;
    }
    signal(SIGPIPE, SIG_IGN);
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(lfd, 4096) != 0) {
        perror("talker-ceiling: bind/listen");
        return 1;
    }
    socklen_t alen = sizeof addr;
    getsockname(lfd, (struct sockaddr *)&addr, &alen);
    printf("listening on %s:%d\n", host, ntohs(addr.sin_port));
    fflush(stdout);

    epfd = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLIN;
    ev.data.fd = lfd;
    epoll_ctl(epfd, EPOLL_CTL_ADD, lfd, &ev);
    struct epoll_event events[1024];
    while (!stop) {
        int n = epoll_wait(epfd, events, 1024, 500);
        for (int k = 0; k < n; ++k) {
            int fd = events[k].data.fd;
            if (fd == lfd) {
                on_accept(lfd);
                continue;
            }
            struct conn *c = fd < conns_cap ? conns[fd] : NULL;
            if (!c)
                continue;
            int dead = 0;
            if (events[k].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                dead = on_readable(c) < 0;
            if (!dead && (events[k].events & EPOLLOUT))
                dead = flush_conn(c) < 0;
            if (dead) {
                (void)flush_conn(c); /* e.g. the error line, if the socket takes it */
                c->dirty = 0;
                close_conn(c);
            }
        }
        /* Every room's lines of this pass to its receivers, then one write per receiver
         * for the other lines queued in this batch. */
        flush_rooms();
        for (int i = 0; i < dirty_count; ++i) {
            struct conn *c = conns[dirty_list[i]];
            if (!c || !c->dirty)
                continue;
            c->dirty = 0;
            if (flush_conn(c) < 0)
                close_conn(c);
        }
        dirty_count = 0;
    }
    return 0;
}
