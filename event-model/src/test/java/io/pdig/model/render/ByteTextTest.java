package io.pdig.model.render;

import static io.pdig.model.render.Ev.b;
import static io.pdig.model.render.Ev.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByteTextTest {

    @Test
    void printableAsciiStaysQuoteAndBackslashAreEscaped() {
        assertEquals("\"/etc/hostname\"", ByteText.quote(b("/etc/hostname"), false));
        assertEquals("\"a b~\"", ByteText.quote(b("a b~"), false));
        assertEquals("\"say \\\"hi\\\" c:\\\\dir\"", ByteText.quote(b("say \"hi\" c:\\dir"), false));
    }

    @Test
    void everyNonPrintableByteIsHex() {
        assertEquals("\"a\\x0ab\\x09c\\x0d\\x00\\x1b\\x7f\"", ByteText.quote(bytes('a', '\n', 'b', '\t', 'c', '\r', 0, 27, 127), false));
        assertEquals("\"/tmp/\\xff\\xfe\\xc3\\xa9\"", ByteText.quote(bytes('/', 't', 'm', 'p', '/', 0xff, 0xfe, 0xc3, 0xa9), false));
        for (int c = 0; c < 256; c++) {
            String q = ByteText.quote(bytes(c), false);
            boolean plain = c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
            assertEquals(plain ? 3 : (c == '"' || c == '\\') ? 4 : 6, q.length(), "byte " + c + " -> " + q);
        }
    }

    @Test
    void truncatedStringsAndListsGetEllipses() {
        assertEquals("\"abc\"...", ByteText.quote(b("abc"), true));
        assertEquals("[\"/bin/true\", \"x\"]", ByteText.quoteList(List.of(b("/bin/true"), b("x")), false));
        assertEquals("[\"a\", ...]", ByteText.quoteList(List.of(b("a")), true));
        assertEquals("[]", ByteText.quoteList(List.of(), false));
    }

    @Test
    void utf8TextKeepsValidSequencesAndHexesInvalidBytes() {
        assertEquals("/tmp/é€😀", ByteText.utf8Text(b("/tmp/é€😀")));
        assertTrue(ByteText.isValidUtf8(b("/tmp/é€😀")));
        assertEquals("a\\xffb", ByteText.utf8Text(bytes('a', 0xff, 'b')));
        assertEquals("a\\\\xffb", ByteText.utf8Text(b("a\\xffb")), "a real backslash is doubled: not the byte 0xff");
        assertEquals("\\\\", ByteText.utf8Text(b("\\")));
        assertEquals("\\xc0\\x80", ByteText.utf8Text(bytes(0xc0, 0x80)), "overlong NUL");
        assertEquals("\\xed\\xa0\\x80", ByteText.utf8Text(bytes(0xed, 0xa0, 0x80)), "surrogate");
        assertEquals("\\xf4\\x90\\x80\\x80", ByteText.utf8Text(bytes(0xf4, 0x90, 0x80, 0x80)), "above U+10FFFF");
        assertEquals("x\\xe2\\x82", ByteText.utf8Text(bytes('x', 0xe2, 0x82)), "cut sequence");
        assertEquals("\\xe2\\x82(", ByteText.utf8Text(bytes(0xe2, 0x82, '(')));
        assertFalse(ByteText.isValidUtf8(bytes(0x80)));
        assertEquals("\n\t", ByteText.utf8Text(b("\n\t")), "control characters are left to the JSON escaper");
    }
}
