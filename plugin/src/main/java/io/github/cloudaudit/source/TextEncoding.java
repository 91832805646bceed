package io.github.cloudaudit.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the first bytes of a file say about how to read it. Inventories are UTF-8, as the clouds' command-line tools
 * write them; PowerShell's {@code >} writes UTF-16, which a UTF-8 reader would turn into a baffling parse error.
 */
final class TextEncoding {

    private static final int UTF8_BOM_BYTE_1 = 0xEF;
    private static final int UTF8_BOM_BYTE_2 = 0xBB;
    private static final int UTF8_BOM_BYTE_3 = 0xBF;

    private TextEncoding() {
    }

    /**
     * @return true when the content starts like JSON (an object or list), false for anything else (read as YAML)
     * @throws InventoryFormatException when the file is UTF-16 or UTF-32
     */
    static boolean check(Path file, String display) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (utf16Or32(head)) {
            throw new InventoryFormatException(display, 1, 1, "the file is UTF-16 or UTF-32 encoded (as PowerShell's "
                    + "'>' writes it); save it as UTF-8, e.g. with '| Out-File -Encoding utf8'");
        }
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t'
                    || c == UTF8_BOM_BYTE_1 || c == UTF8_BOM_BYTE_2 || c == UTF8_BOM_BYTE_3);
            return c == '{' || c == '[';
        }
    }

    /** A byte-order mark of UTF-16 or UTF-32, or JSON's first character next to a zero byte. */
    private static boolean utf16Or32(byte[] head) {
        if (head.length < 2) {
            return false;
        }
        int first = head[0] & 0xFF;
        int second = head[1] & 0xFF;
        boolean bom = (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE);
        boolean zeroBeside = (first == 0 && jsonStart(second)) || (second == 0 && jsonStart(first));
        return bom || zeroBeside;
    }

    private static boolean jsonStart(int c) {
        return c == '{' || c == '[' || c == ' ' || c == '\n' || c == '\r';
    }
}
