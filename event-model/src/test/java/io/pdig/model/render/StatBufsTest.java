package io.pdig.model.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The parts of strace's struct stat text that the live test (PrintLinesTest) cannot reach. */
class StatBufsTest {

    @Test
    void modesNameTheTypeAndTheSpecialBits() {
        assertEquals("S_IFLNK|0777", StatBufs.mode(0120777));
        assertEquals("S_IFSOCK|0755", StatBufs.mode(0140755));
        assertEquals("S_IFBLK|S_ISGID|0660", StatBufs.mode(0062660));
        assertEquals("S_IFREG|000", StatBufs.mode(0100000));
        assertEquals("0644", StatBufs.mode(0644)); // no type bits: nothing to name
    }

    /** Linux's 64-bit device encoding splits the minor: 12 bits of major, then the minor's high bits. */
    @Test
    void deviceNumbersAreDecodedAsTheKernelEncodesThem() {
        assertEquals("makedev(0x1, 0x3)", StatBufs.makedev(0x103));
        assertEquals("makedev(0, 0x6)", StatBufs.makedev(0x6));
        assertEquals("makedev(0x103, 0x10001)", StatBufs.makedev(0x10010301L));
    }

    @Test
    void devicesShowTheirNumberAndOtherFilesTheirSize() {
        assertEquals("{st_mode=S_IFBLK|0660, st_rdev=makedev(0x8, 0x1), ...}", StatBufs.strace(060660, 0x801, 0));
        assertEquals("{st_mode=S_IFIFO|0600, st_size=0, ...}", StatBufs.strace(010600, 0, 0));
    }
}
