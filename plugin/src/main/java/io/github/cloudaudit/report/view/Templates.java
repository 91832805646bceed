package io.github.cloudaudit.report.view;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import io.github.cloudaudit.text.SafeText;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Compiles and renders logic-less Mustache templates found by a {@link TemplateSource}. Every {@code {{value}}} goes
 * through {@link SafeText#neutralize} and then the encoder: HTML escaping by default, Markdown escaping for Markdown output.
 */
public final class Templates {

    /** Escapes one interpolated value for the output format. */
    @FunctionalInterface
    public interface Encoder {
        void encode(String value, Writer out) throws IOException;
    }

    private final DefaultMustacheFactory factory;

    private Templates(TemplateSource source, Encoder encoder) {
        this.factory = new DefaultMustacheFactory(name -> source.read(name).<Reader>map(StringReader::new).orElse(null)) {
            @Override
            public void encode(String value, Writer writer) {
                // Control characters are made visible before escaping: no ESC or line break of an inventory value
                // reaches a report as such, whatever the format.
                String safe = SafeText.neutralize(value);
                if (encoder == null) {
                    super.encode(safe, writer);
                    return;
                }
                try {
                    encoder.encode(safe, writer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Templates whose values are HTML-escaped. */
    public static Templates html(TemplateSource source) {
        return new Templates(source, null);
    }

    public static Templates withEncoder(TemplateSource source, Encoder encoder) {
        return new Templates(source, encoder);
    }

    /** Renders the named template; names are looked up in the scopes in order. */
    public void render(String template, Writer out, Object... scopes) throws IOException {
        Mustache mustache;
        try {
            mustache = factory.compile(template);
        } catch (MustacheException e) {
            throw new IOException("report template " + template + " is not valid Mustache: " + e.getMessage(), e);
        }
        try {
            mustache.execute(out, List.of(scopes)).flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
