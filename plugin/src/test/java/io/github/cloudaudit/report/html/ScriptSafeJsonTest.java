package io.github.cloudaudit.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptSafeJsonTest {

    private static final String HOSTILE = "</script><script>alert(1)</script><!-- & \u2028\u2029 </SCRIPT>";

    @Test
    void leavesNothingThatCouldEndTheScriptElement() throws IOException {
        String json = write(HOSTILE);
        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029")
                .contains("\\u003C/script\\u003E", "\\u2028", "\\u2029");
    }

    @Test
    void staysValidJsonWithTheSameValue() throws IOException {
        assertThat(new ObjectMapper().readValue(write(HOSTILE), String.class)).isEqualTo(HOSTILE);
    }

    private static String write(String value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = ScriptSafeJson.generator(out)) {
            generator.writeString(value);
        }
        return out.toString();
    }
}
