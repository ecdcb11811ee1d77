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

    /** strace 6.1's data form (checked with strace -e trace=write printf ...). */
    @Test
    void dataUsesCEscapesAndShortestOctal() {
        assertEquals("\"a\\0b\\33c\\n\\t\\r\\v\\f\\\"\\\\\\177\\200\\377\"",
                ByteText.quoteData(bytes('a', 0, 'b', 27, 'c', '\n', '\t', '\r', 11, 12, '"', '\\', 127, 128, 255), false));
        // a digit after an escape would be read as part of it: three digits then (8 is no octal digit)
        assertEquals("\"\\0011\\08\\7\\0017\"", ByteText.quoteData(bytes(1, '1', 0, '8', 7, 1, '7'), false));
        assertEquals("\"\\7\\10\"", ByteText.quoteData(bytes(7, 8), false)); // \a and \b are octal in strace
    }

    @Test
    void dataShowsThirtyTwoBytesThenAnEllipsis() {
        String a32 = "a".repeat(32);
        assertEquals("\"" + a32 + "\"", ByteText.quoteData(b(a32), false));
        assertEquals("\"" + a32 + "\"...", ByteText.quoteData(b(a32 + "b"), false));
        assertEquals("\"" + a32 + "\"...", ByteText.quoteData(b(a32), true), "more moved than captured");
        assertEquals("\"\"", ByteText.quoteData(b(""), false));
        // the 33rd byte is not shown, so it does not widen the escape before it
        assertEquals("\"" + "a".repeat(31) + "\\1\"...", ByteText.quoteData(b("a".repeat(31) + "\u00011"), false));
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
