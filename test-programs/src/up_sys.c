/* up_sys MODE [ARG...]: makes one system call that a Falco incubating/sandbox rule looks at, and
 * nothing else of note. The incubating-rules end-to-end test runs it (some modes under a copied
 * name, e.g. perl for "Interpreted procs ... network activity").
 *
 *   setuid UID      setuid(UID): run it as a non-root user for "Non sudo setuid"
 *   setns           setns() into this process's own network namespace (changes nothing)
 *   bpf             bpf(BPF_PROG_LOAD) with an empty attribute: the kernel refuses it (EINVAL or
 *                   EPERM), which is fine, "BPF Program Not Profiled" looks at the command only
 *   uffd            userfaultfd(UFFD_USER_MODE_ONLY): allowed to unprivileged users since 5.11
 *   udp IP PORT     connect() a UDP socket to IP:PORT and send one datagram (no reply awaited)
 *   listen IP PORT  listen on IP:PORT, connect to it and accept that connection (with its address,
 *                   as servers do)
 *
 * Exit 0 when the call succeeded, 1 when it failed (the errno is printed), 2 on bad usage. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef UFFD_USER_MODE_ONLY
#define UFFD_USER_MODE_ONLY 1
#endif
#define BPF_PROG_LOAD_CMD 5

static int fail(const char *what) {
    fprintf(stderr, "up_sys: %s: %s\n", what, strerror(errno));
    return 1;
}

static int ipv4(const char *ip, int port, struct sockaddr_in *sa) {
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons(port);
    return inet_pton(AF_INET, ip, &sa->sin_addr) == 1 ? 0 : -1;
}

static int do_udp(const char *ip, int port) {
    struct sockaddr_in sa;
    if (ipv4(ip, port, &sa) < 0) return 2;
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    if (s < 0) return fail("socket");
    if (connect(s, (struct sockaddr *)&sa, sizeof sa) < 0) return fail("connect");
    if (send(s, "x", 1, 0) < 0) return fail("send");
    return 0;
}

static int do_listen(const char *ip, int port) {
    struct sockaddr_in sa, peer;
    socklen_t len = sizeof peer;
    if (ipv4(ip, port, &sa) < 0) return 2;
    int on = 1;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return fail("socket");
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (bind(s, (struct sockaddr *)&sa, sizeof sa) < 0) return fail("bind");
    if (listen(s, 1) < 0) return fail("listen");
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (c < 0) return fail("socket");
    if (connect(c, (struct sockaddr *)&sa, sizeof sa) < 0) return fail("connect");
    int a = accept(s, (struct sockaddr *)&peer, &len);
    if (a < 0) return fail("accept");
    return 0;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    if (strcmp(mode, "setuid") == 0 && argc == 3) {
        return setuid((uid_t)atoi(argv[2])) < 0 ? fail("setuid") : 0;
    }
    if (strcmp(mode, "setns") == 0 && argc == 2) {
        int fd = open("/proc/self/ns/net", O_RDONLY);
        if (fd < 0) return fail("open /proc/self/ns/net");
        return setns(fd, CLONE_NEWNET) < 0 ? fail("setns") : 0;
    }
    if (strcmp(mode, "bpf") == 0 && argc == 2) {
        char attr[128] = {0};
        return syscall(SYS_bpf, BPF_PROG_LOAD_CMD, attr, sizeof attr) < 0 ? fail("bpf") : 0;
    }
    if (strcmp(mode, "uffd") == 0 && argc == 2) {
        return syscall(SYS_userfaultfd, UFFD_USER_MODE_ONLY) < 0 ? fail("userfaultfd") : 0;
    }
    if (strcmp(mode, "udp") == 0 && argc == 4) {
        return do_udp(argv[2], atoi(argv[3]));
    }
    if (strcmp(mode, "listen") == 0 && argc == 4) {
        return do_listen(argv[2], atoi(argv[3]));
    }
    fprintf(stderr, "usage: up_sys setuid UID | setns | bpf | uffd | udp IP PORT | listen IP PORT\n");
    return 2;
}
