package io.github.cloudaudit.report.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.cloudaudit.text.SafeText;

import java.io.IOException;
import java.io.Writer;

/**
 * JSON that can sit inside an HTML {@code <script>} element. Inventory values may hold {@code </script>} or
 * {@code <!--}; escaping every {@code <}, {@code >} and {@code &} as {@code \u003c} and so on leaves the HTML
 * parser nothing to end the element with, and stays valid JSON. U+2028 and U+2029 are escaped too, since older
 * JavaScript parsers take them for line ends, and so is every other character {@link SafeText} neutralizes.
 */
final class ScriptSafeJson {

    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new Escapes());

    private ScriptSafeJson() {
    }

    /** A generator writing script-safe JSON; closing it does not close the writer. */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return generator;
    }

    private static final class Escapes extends CharacterEscapes {

        private final int[] table;

        Escapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        /** Beyond ASCII: line separators, C1 controls and bidirectional overrides, as {@link SafeText} sees them. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch <= Character.MAX_VALUE && SafeText.unsafe((char) ch)
                    ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
