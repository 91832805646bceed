package io.github.cloudaudit.source.normalized;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.cloudaudit.source.PlausibleDates;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Dates of the normalized inventory as {@code 2018-03-01} read from their digits, before the Java time module's
 * general parser, which took a twelfth of reading a large normalized inventory. Anything else, and any error, is left
 * to that parser, so what it accepts and what it says about bad input stay as they were.
 */
final class PlainDates extends DelegatingDeserializer {

    private PlainDates(JsonDeserializer<?> general) {
        super(general);
    }

    /** The module that puts this in front of the deserializer of {@link LocalDate} the mapper would use. */
    static SimpleModule module() {
        return new SimpleModule("plain-dates").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription type,
                                                          JsonDeserializer<?> deserializer) {
                return type.getBeanClass() == LocalDate.class ? new PlainDates(deserializer) : deserializer;
            }
        });
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> general) {
        return new PlainDates(general);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            LocalDate day = PlausibleDates.isoDate(parser.getText());
            if (day != null) {
                return day;
            }
        }
        return super.deserialize(parser, context);
    }
}
