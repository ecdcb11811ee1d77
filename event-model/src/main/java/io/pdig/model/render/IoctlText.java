package io.pdig.model.render;

import io.pdig.model.consts.FileConsts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ioctl's request and third argument as strace 6 prints them: every name of a request number
 * joined with " or " ({@code BTRFS_IOC_CLONE or FICLONE}), an unknown request as its _IOC fields
 * ({@code _IOC(_IOC_READ, 0x99, 0x1, 0x4)}); the argument left out for the requests that take
 * none, an int value in decimal (FICLONE's fd), the int behind the pointer as {@code [1]} when it
 * was read (ArgKind.IOCTL_ARG's Words {address, value}), and any other word in hex.
 */
final class IoctlText {

    private IoctlText() {
    }

    /** The request's text; {@code request} is the 32-bit number the kernel takes. */
    static String request(long request) {
        List<String> names = new ArrayList<>(2);
        for (Map.Entry<String, Long> e : FileConsts.IOCTL_REQUESTS.entries().entrySet()) {
            if (e.getValue() == request) names.add(e.getKey());
        }
        if (!names.isEmpty()) return String.join(" or ", names);
        long dir = request >>> 30 & 3, size = request >>> 16 & 0x3fff, type = request >>> 8 & 0xff, nr = request & 0xff;
        String direction = switch ((int) dir) {
            case 0 -> "_IOC_NONE";
            case 1 -> "_IOC_WRITE";
            case 2 -> "_IOC_READ";
            default -> "_IOC_READ|_IOC_WRITE";
        };
        return "_IOC(" + direction + ", " + StructLayouts.hex(type) + ", " + StructLayouts.hex(nr) + ", " + StructLayouts.hex(size) + ")";
    }

    /** True when strace leaves the third argument out under this request. */
    static boolean takesNoArgument(long request) {
        return FileConsts.IOCTL_NO_ARG.contains(request);
    }

    /** The text of a third argument kept as a number (no int was read behind it) under this request. */
    static String argument(long request, long word) {
        return FileConsts.IOCTL_INT_VALUE.contains(request) ? Integer.toString((int) word) : StructLayouts.hex(word);
    }
}
