/*
 * The launcher of every shipbench sandbox.
 *
 * shipbench starts bubblewrap through this program, which first gives the sandbox what bubblewrap
 * does not:
 *   - a fresh, empty session keyring (bubblewrap keeps the caller's, so keys written in one sandbox
 *     would be readable in the next, and the operator's own keys in every one);
 *   - membership of the sandbox's cgroups (memory and process caps that also bound memfd and tmpfs
 *     pages), joined while still privileged;
 *   - the unprivileged host user when shipbench runs as root (nothing inside maps to root outside);
 *   - a parent-death signal, so a killed harness takes its sandboxes along (bubblewrap follows its
 *     launcher with --die-with-parent).
 * Then it runs the command as its child, waits for it, writes the CPU time of the whole reaped tree
 * (user + system microseconds) on the --times-fd descriptor, which the child never holds, and exits
 * with the child's status (128 + N after signal N).
 *
 * Descriptors from 3 up are closed but bubblewrap's (3: its status, 5: the seccomp program).
 *
 * usage: launcher [--uid U --gid G] [--cgroup DIR]... [--times-fd N] -- command [args...]
 * Exit status 126 with one line on stderr when a step fails before the command starts.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define KEYCTL_JOIN_SESSION_KEYRING 1

static void fail(const char *what, const char *detail) {
  fprintf(stderr, "shipbench launcher: %s%s%s: %s\n", what, detail ? " " : "", detail ? detail : "", strerror(errno));
  exit(126);
}

/* Closes every descriptor from 3 up except bubblewrap's status (3), the seccomp program (5) and
   the times descriptor: whatever shipbench itself inherited must not reach a sandbox. */
static void close_inherited(int times_fd) {
  DIR *d = opendir("/proc/self/fd");
  if (!d) fail("cannot list", "/proc/self/fd");
  int own = dirfd(d);
  struct dirent *e;
  while ((e = readdir(d))) {
    char *end;
    long fd = strtol(e->d_name, &end, 10);
    if (*end || fd < 3 || fd == own || fd == 3 || fd == 5 || fd == times_fd) continue;
    close((int)fd);
  }
  closedir(d);
}

static void join_cgroup(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/cgroup.procs", dir);
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot open", path);
  if (write(fd, "0\n", 2) != 2) fail("cannot join the cgroup", dir);
  close(fd);
}

int main(int argc, char **argv) {
  pid_t parent = getppid();
  long uid = -1, gid = -1;
  int times_fd = -1;
  int i = 1;
  for (; i < argc; i++) {
    if (!strcmp(argv[i], "--")) {
      i++;
      break;
    }
    if (i + 1 >= argc) {
      fprintf(stderr, "shipbench launcher: %s needs a value\n", argv[i]);
      return 126;
    }
    if (!strcmp(argv[i], "--uid")) uid = strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--gid")) gid = strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--times-fd")) times_fd = (int)strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--cgroup")) join_cgroup(argv[++i]);
    else {
      fprintf(stderr, "shipbench launcher: unknown option %s\n", argv[i]);
      return 126;
    }
  }
  if (i >= argc) {
    fputs("usage: launcher [--uid U --gid G] [--cgroup DIR]... [--times-fd N] -- command [args...]\n", stderr);
    return 126;
  }

  close_inherited(times_fd);

  /* An anonymous session keyring of our own: nothing the caller's session holds is reachable, and
     nothing a sandbox adds outlives it. Kernels without keyrings have nothing to leak. */
  if (syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, NULL) < 0 && errno != ENOSYS) fail("cannot start a session keyring", NULL);

  if (gid >= 0) {
    if (setgroups(0, NULL) != 0) fail("cannot clear supplementary groups", NULL);
    if (setresgid((gid_t)gid, (gid_t)gid, (gid_t)gid) != 0) fail("cannot change group", NULL);
  }
  if (uid >= 0 && setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0) fail("cannot change user", NULL);

  /* Set after the identity change, which clears it. */
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) fail("cannot set the parent-death signal", NULL);
  if (getppid() != parent) return 126;

  pid_t child = fork();
  if (child < 0) fail("cannot fork", NULL);
  if (child == 0) {
    if (times_fd >= 0) close(times_fd);
    execvp(argv[i], argv + i);
    fail("cannot run", argv[i]);
  }
  /* Stop requests go to the whole process group; the launcher only has to outlive its child. */
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  int status = 0;
  struct rusage usage;
  memset(&usage, 0, sizeof usage);
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) fail("cannot wait for", argv[i]);
  }
  if (times_fd >= 0) {
    long long us = (long long)usage.ru_utime.tv_sec * 1000000LL + usage.ru_utime.tv_usec + (long long)usage.ru_stime.tv_sec * 1000000LL + usage.ru_stime.tv_usec;
    dprintf(times_fd, "%lld\n", us);
    close(times_fd);
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
