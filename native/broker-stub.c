/*
 * The reference stub of a shipbench agent sandbox.
 *
 * It sits on the agent's PATH under the reference program's name. It never runs the reference: it
 * forwards its argv, working directory, environment and stdin over a unix socket to the broker
 * outside the sandbox, which runs the real program in a sandbox of its own, and it writes back what
 * the broker streams: stdout, stderr and finally the exit status, which it exits with.
 *
 * Frames both ways: one type byte, a u32 big-endian length, the payload.
 *   stub -> broker   'Q' request: u32 argc, u32 envc, then argc + 1 + envc NUL-terminated strings
 *                        (the arguments, the working directory, "K=V" entries)
 *                    'I' stdin bytes          'E' end of stdin
 *   broker -> stub   'O' stdout bytes         'R' stderr bytes
 *                    'X' u32 exit status (0-255)
 *
 * The socket is non-blocking and polled for both directions at once, so a program that reads and
 * writes large streams at the same time never deadlocks against the stub.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

extern char **environ;

#define SOCKET_PATH "/run/shipbench/broker.sock"
#define CHUNK 65536

typedef struct {
  unsigned char *data;
  size_t len, cap, off;
} buf_t;

static void fail(const char *what) {
  fprintf(stderr, "shipbench stub: %s: %s\n", what, strerror(errno));
  exit(125);
}

static void buf_reserve(buf_t *b, size_t extra) {
  if (b->len + extra <= b->cap) return;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap < b->len + extra) cap *= 2;
  b->data = realloc(b->data, cap);
  if (!b->data) fail("out of memory");
  b->cap = cap;
}

static void buf_put(buf_t *b, const void *p, size_t n) {
  buf_reserve(b, n);
  memcpy(b->data + b->len, p, n);
  b->len += n;
}

static void put_u32(buf_t *b, uint32_t v) {
  unsigned char x[4] = {v >> 24, v >> 16, v >> 8, v};
  buf_put(b, x, 4);
}

static void put_frame_header(buf_t *b, char type, uint32_t len) {
  buf_put(b, &type, 1);
  put_u32(b, len);
}

static void write_all(int fd, const unsigned char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        struct pollfd pfd = {fd, POLLOUT, 0};
        poll(&pfd, 1, -1);
        continue;
      }
      return; /* the reader went away (SIGPIPE is ignored only when the caller ignored it) */
    }
    p += w;
    n -= (size_t)w;
  }
}

int main(int argc, char **argv) {
  int sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (sock < 0) fail("socket");
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  strncpy(addr.sun_path, SOCKET_PATH, sizeof addr.sun_path - 1);
  if (connect(sock, (struct sockaddr *)&addr, sizeof addr) < 0) fail("cannot reach the reference broker");

  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
  size_t envc = 0;
  for (char **e = environ; *e; e++) envc++;

  buf_t request = {0};
  put_u32(&request, (uint32_t)argc);
  put_u32(&request, (uint32_t)envc);
  for (int i = 0; i < argc; i++) buf_put(&request, argv[i], strlen(argv[i]) + 1);
  buf_put(&request, cwd, strlen(cwd) + 1);
  for (char **e = environ; *e; e++) buf_put(&request, *e, strlen(*e) + 1);

  buf_t out = {0}; /* bytes waiting to go to the broker */
  put_frame_header(&out, 'Q', (uint32_t)request.len);
  buf_put(&out, request.data, request.len);
  free(request.data);

  if (fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK) < 0) fail("fcntl");

  int stdin_open = fcntl(0, F_GETFD) != -1;
  int eof_sent = 0;
  if (!stdin_open) {
    put_frame_header(&out, 'E', 0);
    eof_sent = 1;
  }
  buf_t in = {0}; /* bytes received from the broker, not yet handled */
  unsigned char chunk[CHUNK];

  for (;;) {
    struct pollfd fds[2];
    int n = 0;
    fds[n++] = (struct pollfd){sock, POLLIN | (out.len > out.off ? POLLOUT : 0), 0};
    int stdin_slot = -1;
    /* Read more stdin only when what was read before has gone out: stdin never piles up here. */
    if (stdin_open && !eof_sent && out.len == out.off) {
      stdin_slot = n;
      fds[n++] = (struct pollfd){0, POLLIN, 0};
    }
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      fail("poll");
    }

    if (fds[0].revents & POLLOUT) {
      ssize_t w = write(sock, out.data + out.off, out.len - out.off);
      if (w > 0) out.off += (size_t)w;
      else if (w < 0 && errno != EAGAIN && errno != EINTR) fail("lost the reference broker");
      if (out.off == out.len) out.off = out.len = 0;
    }

    if (stdin_slot >= 0 && fds[stdin_slot].revents) {
      ssize_t r = read(0, chunk, sizeof chunk);
      if (r > 0) {
        put_frame_header(&out, 'I', (uint32_t)r);
        buf_put(&out, chunk, (size_t)r);
      } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
        put_frame_header(&out, 'E', 0);
        eof_sent = 1;
      }
    }

    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      buf_reserve(&in, CHUNK);
      ssize_t r = read(sock, in.data + in.len, CHUNK);
      if (r == 0) {
        fprintf(stderr, "shipbench stub: the reference broker closed the connection\n");
        return 125;
      }
      if (r < 0 && errno != EAGAIN && errno != EINTR) fail("lost the reference broker");
      if (r > 0) in.len += (size_t)r;
      size_t pos = 0;
      while (in.len - pos >= 5) {
        unsigned char *h = in.data + pos;
        uint32_t len = ((uint32_t)h[1] << 24) | ((uint32_t)h[2] << 16) | ((uint32_t)h[3] << 8) | h[4];
        if (in.len - pos - 5 < len) break;
        unsigned char *body = h + 5;
        if (h[0] == 'O') write_all(1, body, len);
        else if (h[0] == 'R') write_all(2, body, len);
        else if (h[0] == 'X' && len == 4) return (int)(((uint32_t)body[2] << 8 | body[3]) & 0xff);
        pos += 5 + len;
      }
      memmove(in.data, in.data + pos, in.len - pos);
      in.len -= pos;
    }
  }
}
