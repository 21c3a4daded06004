package io.github.iscworkflows.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void newlineAndTabAreEscaped() {
        assertEquals("Line one\\nLine two\\r\\tend", LogText.escape("Line one\nLine two\r\tend"));
    }

    @Test
    void otherControlCharactersUseUnicodeEscapes() {
        assertEquals("a\\u0000b\\u007Fc\\u0085d\\u2028e", LogText.escape("a\u0000b\u007Fc\u0085d\u2028e"));
    }

    @Test
    void printableTextIsUnchanged() {
        String name = "Ünïcödé 🚀 C:\\path 'quoted'";

        assertEquals(name, LogText.escape(name));
    }

    @Test
    void quoteEscapesInsideQuotes() {
        assertEquals("'a\\nb'", LogText.quote("a\nb"));
    }

    @Test
    void nullStaysNull() {
        assertNull(LogText.escape(null));
    }
}
