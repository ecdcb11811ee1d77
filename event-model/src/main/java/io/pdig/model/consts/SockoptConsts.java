package io.pdig.model.consts;

import java.util.Map;

/**
 * setsockopt/getsockopt levels and, per level, option names (as strace names them on x86_64,
 * where the time-related SOL_SOCKET options are the _OLD ones), and the MSG_ flags of the
 * send/recv calls. Levels and options without a table here are shown as numbers.
 */
public final class SockoptConsts {

    public static final int SOL_IP = 0, SOL_SOCKET = 1, SOL_TCP = 6, SOL_UDP = 17, SOL_IPV6 = 41;

    public static final ValueNames LEVELS = ValueNames.parse("socket option level", """
            SOL_IP 0
            SOL_SOCKET 1
            SOL_TCP 6
            SOL_UDP 17
            SOL_IPV6 41
            SOL_ICMPV6 58
            SOL_SCTP 132
            SOL_UDPLITE 136
            SOL_RAW 255
            SOL_IPX 256
            SOL_AX25 257
            SOL_ATALK 258
            SOL_NETROM 259
            SOL_ROSE 260
            SOL_DECNET 261
            SOL_X25 262
            SOL_PACKET 263
            SOL_ATM 264
            SOL_AAL 265
            SOL_IRDA 266
            SOL_NETBEUI 267
            SOL_LLC 268
            SOL_DCCP 269
            SOL_NETLINK 270
            SOL_TIPC 271
            SOL_RXRPC 272
            SOL_PPPOL2TP 273
            SOL_BLUETOOTH 274
            SOL_PNPIPE 275
            SOL_RDS 276
            SOL_IUCV 277
            SOL_CAIF 278
            SOL_ALG 279
            SOL_NFC 280
            SOL_KCM 281
            SOL_TLS 282
            SOL_XDP 283
            SOL_MPTCP 284
            SOL_MCTP 285
            SOL_SMC 286
            """).unknownAs("SOL_??");

    public static final ValueNames SOCKET_OPTIONS = ValueNames.parse("SOL_SOCKET option", """
            SO_DEBUG 1
            SO_REUSEADDR 2
            SO_TYPE 3
            SO_ERROR 4
            SO_DONTROUTE 5
            SO_BROADCAST 6
            SO_SNDBUF 7
            SO_RCVBUF 8
            SO_KEEPALIVE 9
            SO_OOBINLINE 10
            SO_NO_CHECK 11
            SO_PRIORITY 12
            SO_LINGER 13
            SO_BSDCOMPAT 14
            SO_REUSEPORT 15
            SO_PASSCRED 16
            SO_PEERCRED 17
            SO_RCVLOWAT 18
            SO_SNDLOWAT 19
            SO_RCVTIMEO_OLD 20
            SO_SNDTIMEO_OLD 21
            SO_SECURITY_AUTHENTICATION 22
            SO_SECURITY_ENCRYPTION_TRANSPORT 23
            SO_SECURITY_ENCRYPTION_NETWORK 24
            SO_BINDTODEVICE 25
            SO_ATTACH_FILTER 26
            SO_DETACH_FILTER 27
            SO_PEERNAME 28
            SO_TIMESTAMP_OLD 29
            SO_ACCEPTCONN 30
            SO_PEERSEC 31
            SO_SNDBUFFORCE 32
            SO_RCVBUFFORCE 33
            SO_PASSSEC 34
            SO_TIMESTAMPNS_OLD 35
            SO_MARK 36
            SO_TIMESTAMPING_OLD 37
            SO_PROTOCOL 38
            SO_DOMAIN 39
            SO_RXQ_OVFL 40
            SO_WIFI_STATUS 41
            SO_PEEK_OFF 42
            SO_NOFCS 43
            SO_LOCK_FILTER 44
            SO_SELECT_ERR_QUEUE 45
            SO_BUSY_POLL 46
            SO_MAX_PACING_RATE 47
            SO_BPF_EXTENSIONS 48
            SO_INCOMING_CPU 49
            SO_ATTACH_BPF 50
            SO_ATTACH_REUSEPORT_CBPF 51
            SO_ATTACH_REUSEPORT_EBPF 52
            SO_CNX_ADVICE 53
            SO_MEMINFO 55
            SO_INCOMING_NAPI_ID 56
            SO_COOKIE 57
            SO_PEERGROUPS 59
            SO_ZEROCOPY 60
            SO_TXTIME 61
            SO_BINDTOIFINDEX 62
            SO_TIMESTAMP_NEW 63
            SO_TIMESTAMPNS_NEW 64
            SO_TIMESTAMPING_NEW 65
            SO_RCVTIMEO_NEW 66
            SO_SNDTIMEO_NEW 67
            SO_DETACH_REUSEPORT_BPF 68
            SO_PREFER_BUSY_POLL 69
            SO_BUSY_POLL_BUDGET 70
            SO_NETNS_COOKIE 71
            SO_BUF_LOCK 72
            SO_RESERVE_MEM 73
            SO_TXREHASH 74
            SO_RCVMARK 75
            SO_PASSPIDFD 76
            SO_PEERPIDFD 77
            """).unknownAs("SO_???");

    public static final ValueNames IP_OPTIONS = ValueNames.parse("SOL_IP option", """
            IP_TOS 1
            IP_TTL 2
            IP_HDRINCL 3
            IP_OPTIONS 4
            IP_ROUTER_ALERT 5
            IP_RECVOPTS 6
            IP_RETOPTS 7
            IP_PKTINFO 8
            IP_PKTOPTIONS 9
            IP_MTU_DISCOVER 10
            IP_RECVERR 11
            IP_RECVTTL 12
            IP_RECVTOS 13
            IP_MTU 14
            IP_FREEBIND 15
            IP_IPSEC_POLICY 16
            IP_XFRM_POLICY 17
            IP_PASSSEC 18
            IP_TRANSPARENT 19
            IP_ORIGDSTADDR 20
            IP_MINTTL 21
            IP_NODEFRAG 22
            IP_CHECKSUM 23
            IP_BIND_ADDRESS_NO_PORT 24
            IP_RECVFRAGSIZE 25
            IP_RECVERR_RFC4884 26
            IP_MULTICAST_IF 32
            IP_MULTICAST_TTL 33
            IP_MULTICAST_LOOP 34
            IP_ADD_MEMBERSHIP 35
            IP_DROP_MEMBERSHIP 36
            IP_UNBLOCK_SOURCE 37
            IP_BLOCK_SOURCE 38
            IP_ADD_SOURCE_MEMBERSHIP 39
            IP_DROP_SOURCE_MEMBERSHIP 40
            IP_MSFILTER 41
            IP_MULTICAST_ALL 49
            IP_UNICAST_IF 50
            """).unknownAs("IP_???");

    public static final ValueNames TCP_OPTIONS = ValueNames.parse("SOL_TCP option", """
            TCP_NODELAY 1
            TCP_MAXSEG 2
            TCP_CORK 3
            TCP_KEEPIDLE 4
            TCP_KEEPINTVL 5
            TCP_KEEPCNT 6
            TCP_SYNCNT 7
            TCP_LINGER2 8
            TCP_DEFER_ACCEPT 9
            TCP_WINDOW_CLAMP 10
            TCP_INFO 11
            TCP_QUICKACK 12
            TCP_CONGESTION 13
            TCP_MD5SIG 14
            TCP_THIN_LINEAR_TIMEOUTS 16
            TCP_THIN_DUPACK 17
            TCP_USER_TIMEOUT 18
            TCP_REPAIR 19
            TCP_REPAIR_QUEUE 20
            TCP_QUEUE_SEQ 21
            TCP_REPAIR_OPTIONS 22
            TCP_FASTOPEN 23
            TCP_TIMESTAMP 24
            TCP_NOTSENT_LOWAT 25
            TCP_CC_INFO 26
            TCP_SAVE_SYN 27
            TCP_SAVED_SYN 28
            TCP_REPAIR_WINDOW 29
            TCP_FASTOPEN_CONNECT 30
            TCP_ULP 31
            TCP_MD5SIG_EXT 32
            TCP_FASTOPEN_KEY 33
            TCP_FASTOPEN_NO_COOKIE 34
            TCP_ZEROCOPY_RECEIVE 35
            TCP_INQ 36
            TCP_TX_DELAY 37
            """).unknownAs("TCP_???");

    public static final ValueNames UDP_OPTIONS = ValueNames.parse("SOL_UDP option", """
            UDP_CORK 1
            UDP_ENCAP 100
            UDP_NO_CHECK6_TX 101
            UDP_NO_CHECK6_RX 102
            UDP_SEGMENT 103
            UDP_GRO 104
            """).unknownAs("UDP_???");

    public static final ValueNames IPV6_OPTIONS = ValueNames.parse("SOL_IPV6 option", """
            IPV6_ADDRFORM 1
            IPV6_2292PKTINFO 2
            IPV6_2292HOPOPTS 3
            IPV6_2292DSTOPTS 4
            IPV6_2292RTHDR 5
            IPV6_2292PKTOPTIONS 6
            IPV6_CHECKSUM 7
            IPV6_2292HOPLIMIT 8
            IPV6_NEXTHOP 9
            IPV6_AUTHHDR 10
            IPV6_UNICAST_HOPS 16
            IPV6_MULTICAST_IF 17
            IPV6_MULTICAST_HOPS 18
            IPV6_MULTICAST_LOOP 19
            IPV6_ADD_MEMBERSHIP 20
            IPV6_DROP_MEMBERSHIP 21
            IPV6_ROUTER_ALERT 22
            IPV6_MTU_DISCOVER 23
            IPV6_MTU 24
            IPV6_RECVERR 25
            IPV6_V6ONLY 26
            IPV6_JOIN_ANYCAST 27
            IPV6_LEAVE_ANYCAST 28
            IPV6_MULTICAST_ALL 29
            IPV6_ROUTER_ALERT_ISOLATE 30
            IPV6_RECVERR_RFC4884 31
            IPV6_IPSEC_POLICY 34
            IPV6_XFRM_POLICY 35
            IPV6_HDRINCL 36
            IPV6_RECVPKTINFO 49
            IPV6_PKTINFO 50
            IPV6_RECVHOPLIMIT 51
            IPV6_HOPLIMIT 52
            IPV6_RECVHOPOPTS 53
            IPV6_HOPOPTS 54
            IPV6_RTHDRDSTOPTS 55
            IPV6_RECVRTHDR 56
            IPV6_RTHDR 57
            IPV6_RECVDSTOPTS 58
            IPV6_DSTOPTS 59
            IPV6_RECVPATHMTU 60
            IPV6_PATHMTU 61
            IPV6_DONTFRAG 62
            IPV6_RECVTCLASS 66
            IPV6_TCLASS 67
            IPV6_AUTOFLOWLABEL 70
            IPV6_ADDR_PREFERENCES 72
            IPV6_MINHOPCOUNT 73
            IPV6_ORIGDSTADDR 74
            IPV6_TRANSPARENT 75
            IPV6_UNICAST_IF 76
            IPV6_RECVFRAGSIZE 77
            IPV6_FREEBIND 78
            """).unknownAs("IPV6_???");

    /** The option table of a level, or null when the level's options are shown as numbers. */
    public static ValueNames optionsOf(long level) {
        return PER_LEVEL.get(level);
    }

    private static final Map<Long, ValueNames> PER_LEVEL = Map.of((long) SOL_SOCKET, SOCKET_OPTIONS, (long) SOL_IP,
            IP_OPTIONS, (long) SOL_TCP, TCP_OPTIONS, (long) SOL_UDP, UDP_OPTIONS, (long) SOL_IPV6, IPV6_OPTIONS);

    /** SCM_RIGHTS: a control message carrying fds (an int array). */
    public static final int SCM_RIGHTS = 1;
    /** SCM_CREDENTIALS: a struct ucred (pid, uid, gid). */
    public static final int SCM_CREDENTIALS = 2;
    /** The old (native long) timestamps: SCM_TIMESTAMP's struct timeval, SCM_TIMESTAMPNS's struct timespec. */
    public static final int SO_TIMESTAMP_OLD = 29, SO_TIMESTAMPNS_OLD = 35;

    /** Types of SOL_SOCKET control messages (cmsg_type; linux/socket.h, asm-generic/socket.h). */
    public static final ValueNames SCM_TYPES = ValueNames.parse("SOL_SOCKET control message type", """
            SCM_RIGHTS 1
            SCM_CREDENTIALS 2
            SCM_SECURITY 3
            SCM_PIDFD 4
            SO_TIMESTAMP_OLD 29
            SO_TIMESTAMPNS_OLD 35
            SO_TIMESTAMPING_OLD 37
            SO_TIMESTAMP_NEW 63
            SO_TIMESTAMPNS_NEW 64
            SO_TIMESTAMPING_NEW 65
            """);

    /** SOL_IP control messages whose data is kept: the types and what each holds (ArgValue.MsgHdr#cmsgs). */
    public static final int IP_TOS = 1, IP_TTL = 2, IP_RECVOPTS = 6, IP_RETOPTS = 7, IP_PKTINFO = 8, IP_CHECKSUM = 23;

    /**
     * Types of SOL_IP control messages, as strace 6.1 names them (its ip_cmsg_types: the IP_ options
     * that the kernel sends or takes as control messages, and SCM_SECURITY, which it sends at this
     * level for an IP socket too).
     */
    public static final ValueNames IP_CMSG_TYPES = ValueNames.parse("SOL_IP control message type", """
            IP_TOS 1
            IP_TTL 2
            SCM_SECURITY 3
            IP_RECVOPTS 6
            IP_RETOPTS 7
            IP_PKTINFO 8
            IP_RECVERR 11
            IP_ORIGDSTADDR 20
            IP_CHECKSUM 23
            """);

    /** Flags of send, sendto, sendmsg, recv, recvfrom, recvmsg. */
    public static final FlagSet MSG_FLAGS = FlagSet.parse("msg flags", "MSG_???", """
            MSG_OOB 0x1
            MSG_PEEK 0x2
            MSG_DONTROUTE 0x4
            MSG_CTRUNC 0x8
            MSG_PROXY 0x10
            MSG_TRUNC 0x20
            MSG_DONTWAIT 0x40
            MSG_EOR 0x80
            MSG_WAITALL 0x100
            MSG_FIN 0x200
            MSG_SYN 0x400
            MSG_CONFIRM 0x800
            MSG_RST 0x1000
            MSG_ERRQUEUE 0x2000
            MSG_NOSIGNAL 0x4000
            MSG_MORE 0x8000
            MSG_WAITFORONE 0x10000
            MSG_BATCH 0x40000
            MSG_SOCK_DEVMEM 0x2000000
            MSG_ZEROCOPY 0x4000000
            MSG_FASTOPEN 0x20000000
            MSG_CMSG_CLOEXEC 0x40000000
            MSG_CMSG_COMPAT 0x80000000
            """);

    private SockoptConsts() {
    }
}
