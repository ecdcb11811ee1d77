package io.pdig.tracer;

/**
 * The one place where the native library's {@code -errno} results become names and messages.
 * Values are Linux x86_64 errno numbers (constants are data: the table below).
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ECHILD = 10;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EISDIR = 21;
    public static final int EBUSY = 16;
    public static final int ENOTDIR = 20;
    public static final int EINVAL = 22;
    public static final int ENOSYS = 38;

    private static final String[][] TABLE = table();

    private Errno() {
    }

    /** Symbolic name such as "ESRCH", or "E#n" when unknown. */
    public static String name(int errno) {
        int n = Math.abs(errno);
        return n < TABLE.length && TABLE[n] != null ? TABLE[n][0] : "E#" + n;
    }

    /** Human-readable message as strerror(3) gives it. */
    public static String message(int errno) {
        int n = Math.abs(errno);
        return n < TABLE.length && TABLE[n] != null ? TABLE[n][1] : "error " + n;
    }

    /** Throws a one-line exception when a native call returned -errno; returns the result otherwise. */
    public static long check(long rc, String what) {
        if (rc < 0 && rc >= -4095) {
            throw new NativeException(what + ": " + message((int) -rc) + " (" + name((int) -rc) + ")", (int) -rc);
        }
        return rc;
    }

    /** A native call failed where the caller cannot degrade. */
    public static final class NativeException extends RuntimeException {
        private final int errno;

        public NativeException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    private static String[][] table() {
        String[][] t = new String[134][];
        t[1] = new String[] {"EPERM", "Operation not permitted"};
        t[2] = new String[] {"ENOENT", "No such file or directory"};
        t[3] = new String[] {"ESRCH", "No such process"};
        t[4] = new String[] {"EINTR", "Interrupted system call"};
        t[5] = new String[] {"EIO", "Input/output error"};
        t[6] = new String[] {"ENXIO", "No such device or address"};
        t[7] = new String[] {"E2BIG", "Argument list too long"};
        t[8] = new String[] {"ENOEXEC", "Exec format error"};
        t[9] = new String[] {"EBADF", "Bad file descriptor"};
        t[10] = new String[] {"ECHILD", "No child processes"};
        t[11] = new String[] {"EAGAIN", "Resource temporarily unavailable"};
        t[12] = new String[] {"ENOMEM", "Cannot allocate memory"};
        t[13] = new String[] {"EACCES", "Permission denied"};
        t[14] = new String[] {"EFAULT", "Bad address"};
        t[15] = new String[] {"ENOTBLK", "Block device required"};
        t[16] = new String[] {"EBUSY", "Device or resource busy"};
        t[17] = new String[] {"EEXIST", "File exists"};
        t[18] = new String[] {"EXDEV", "Invalid cross-device link"};
        t[19] = new String[] {"ENODEV", "No such device"};
        t[20] = new String[] {"ENOTDIR", "Not a directory"};
        t[21] = new String[] {"EISDIR", "Is a directory"};
        t[22] = new String[] {"EINVAL", "Invalid argument"};
        t[23] = new String[] {"ENFILE", "Too many open files in system"};
        t[24] = new String[] {"EMFILE", "Too many open files"};
        t[25] = new String[] {"ENOTTY", "Inappropriate ioctl for device"};
        t[26] = new String[] {"ETXTBSY", "Text file busy"};
        t[27] = new String[] {"EFBIG", "File too large"};
        t[28] = new String[] {"ENOSPC", "No space left on device"};
        t[29] = new String[] {"ESPIPE", "Illegal seek"};
        t[30] = new String[] {"EROFS", "Read-only file system"};
        t[31] = new String[] {"EMLINK", "Too many links"};
        t[32] = new String[] {"EPIPE", "Broken pipe"};
        t[33] = new String[] {"EDOM", "Numerical argument out of domain"};
        t[34] = new String[] {"ERANGE", "Numerical result out of range"};
        t[35] = new String[] {"EDEADLOCK", "Resource deadlock avoided"};
        t[36] = new String[] {"ENAMETOOLONG", "File name too long"};
        t[37] = new String[] {"ENOLCK", "No locks available"};
        t[38] = new String[] {"ENOSYS", "Function not implemented"};
        t[39] = new String[] {"ENOTEMPTY", "Directory not empty"};
        t[40] = new String[] {"ELOOP", "Too many levels of symbolic links"};
        t[42] = new String[] {"ENOMSG", "No message of desired type"};
        t[43] = new String[] {"EIDRM", "Identifier removed"};
        t[44] = new String[] {"ECHRNG", "Channel number out of range"};
        t[45] = new String[] {"EL2NSYNC", "Level 2 not synchronized"};
        t[46] = new String[] {"EL3HLT", "Level 3 halted"};
        t[47] = new String[] {"EL3RST", "Level 3 reset"};
        t[48] = new String[] {"ELNRNG", "Link number out of range"};
        t[49] = new String[] {"EUNATCH", "Protocol driver not attached"};
        t[50] = new String[] {"ENOCSI", "No CSI structure available"};
        t[51] = new String[] {"EL2HLT", "Level 2 halted"};
        t[52] = new String[] {"EBADE", "Invalid exchange"};
        t[53] = new String[] {"EBADR", "Invalid request descriptor"};
        t[54] = new String[] {"EXFULL", "Exchange full"};
        t[55] = new String[] {"ENOANO", "No anode"};
        t[56] = new String[] {"EBADRQC", "Invalid request code"};
        t[57] = new String[] {"EBADSLT", "Invalid slot"};
        t[59] = new String[] {"EBFONT", "Bad font file format"};
        t[60] = new String[] {"ENOSTR", "Device not a stream"};
        t[61] = new String[] {"ENODATA", "No data available"};
        t[62] = new String[] {"ETIME", "Timer expired"};
        t[63] = new String[] {"ENOSR", "Out of streams resources"};
        t[64] = new String[] {"ENONET", "Machine is not on the network"};
        t[65] = new String[] {"ENOPKG", "Package not installed"};
        t[66] = new String[] {"EREMOTE", "Object is remote"};
        t[67] = new String[] {"ENOLINK", "Link has been severed"};
        t[68] = new String[] {"EADV", "Advertise error"};
        t[69] = new String[] {"ESRMNT", "Srmount error"};
        t[70] = new String[] {"ECOMM", "Communication error on send"};
        t[71] = new String[] {"EPROTO", "Protocol error"};
        t[72] = new String[] {"EMULTIHOP", "Multihop attempted"};
        t[73] = new String[] {"EDOTDOT", "RFS specific error"};
        t[74] = new String[] {"EBADMSG", "Bad message"};
        t[75] = new String[] {"EOVERFLOW", "Value too large for defined data type"};
        t[76] = new String[] {"ENOTUNIQ", "Name not unique on network"};
        t[77] = new String[] {"EBADFD", "File descriptor in bad state"};
        t[78] = new String[] {"EREMCHG", "Remote address changed"};
        t[79] = new String[] {"ELIBACC", "Can not access a needed shared library"};
        t[80] = new String[] {"ELIBBAD", "Accessing a corrupted shared library"};
        t[81] = new String[] {"ELIBSCN", ".lib section in a.out corrupted"};
        t[82] = new String[] {"ELIBMAX", "Attempting to link in too many shared libraries"};
        t[83] = new String[] {"ELIBEXEC", "Cannot exec a shared library directly"};
        t[84] = new String[] {"EILSEQ", "Invalid or incomplete multibyte or wide character"};
        t[85] = new String[] {"ERESTART", "Interrupted system call should be restarted"};
        t[86] = new String[] {"ESTRPIPE", "Streams pipe error"};
        t[87] = new String[] {"EUSERS", "Too many users"};
        t[88] = new String[] {"ENOTSOCK", "Socket operation on non-socket"};
        t[89] = new String[] {"EDESTADDRREQ", "Destination address required"};
        t[90] = new String[] {"EMSGSIZE", "Message too long"};
        t[91] = new String[] {"EPROTOTYPE", "Protocol wrong type for socket"};
        t[92] = new String[] {"ENOPROTOOPT", "Protocol not available"};
        t[93] = new String[] {"EPROTONOSUPPORT", "Protocol not supported"};
        t[94] = new String[] {"ESOCKTNOSUPPORT", "Socket type not supported"};
        t[95] = new String[] {"ENOTSUP", "Operation not supported"};
        t[96] = new String[] {"EPFNOSUPPORT", "Protocol family not supported"};
        t[97] = new String[] {"EAFNOSUPPORT", "Address family not supported by protocol"};
        t[98] = new String[] {"EADDRINUSE", "Address already in use"};
        t[99] = new String[] {"EADDRNOTAVAIL", "Cannot assign requested address"};
        t[100] = new String[] {"ENETDOWN", "Network is down"};
        t[101] = new String[] {"ENETUNREACH", "Network is unreachable"};
        t[102] = new String[] {"ENETRESET", "Network dropped connection on reset"};
        t[103] = new String[] {"ECONNABORTED", "Software caused connection abort"};
        t[104] = new String[] {"ECONNRESET", "Connection reset by peer"};
        t[105] = new String[] {"ENOBUFS", "No buffer space available"};
        t[106] = new String[] {"EISCONN", "Transport endpoint is already connected"};
        t[107] = new String[] {"ENOTCONN", "Transport endpoint is not connected"};
        t[108] = new String[] {"ESHUTDOWN", "Cannot send after transport endpoint shutdown"};
        t[109] = new String[] {"ETOOMANYREFS", "Too many references: cannot splice"};
        t[110] = new String[] {"ETIMEDOUT", "Connection timed out"};
        t[111] = new String[] {"ECONNREFUSED", "Connection refused"};
        t[112] = new String[] {"EHOSTDOWN", "Host is down"};
        t[113] = new String[] {"EHOSTUNREACH", "No route to host"};
        t[114] = new String[] {"EALREADY", "Operation already in progress"};
        t[115] = new String[] {"EINPROGRESS", "Operation now in progress"};
        t[116] = new String[] {"ESTALE", "Stale file handle"};
        t[117] = new String[] {"EUCLEAN", "Structure needs cleaning"};
        t[118] = new String[] {"ENOTNAM", "Not a XENIX named type file"};
        t[119] = new String[] {"ENAVAIL", "No XENIX semaphores available"};
        t[120] = new String[] {"EISNAM", "Is a named type file"};
        t[121] = new String[] {"EREMOTEIO", "Remote I/O error"};
        t[122] = new String[] {"EDQUOT", "Disk quota exceeded"};
        t[123] = new String[] {"ENOMEDIUM", "No medium found"};
        t[124] = new String[] {"EMEDIUMTYPE", "Wrong medium type"};
        t[125] = new String[] {"ECANCELED", "Operation canceled"};
        t[126] = new String[] {"ENOKEY", "Required key not available"};
        t[127] = new String[] {"EKEYEXPIRED", "Key has expired"};
        t[128] = new String[] {"EKEYREVOKED", "Key has been revoked"};
        t[129] = new String[] {"EKEYREJECTED", "Key was rejected by service"};
        t[130] = new String[] {"EOWNERDEAD", "Owner died"};
        t[131] = new String[] {"ENOTRECOVERABLE", "State not recoverable"};
        t[132] = new String[] {"ERFKILL", "Operation not possible due to RF-kill"};
        return t;
    }
}
