package io.github.cloudaudit.report.view;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.rules.ServerProfile;
import io.github.cloudaudit.text.SafeText;

import java.util.Locale;

/** How unknown and enumerated values read in the report, the same way everywhere. */
public final class Words {

    private Words() {
    }

    public static String orDash(String value, Messages messages) {
        return value == null || value.isBlank() ? messages.get("value.dash") : value;
    }

    public static String orUnknown(Object value, Messages messages) {
        return value == null || value.toString().isBlank() ? messages.get("value.unknown") : value.toString();
    }

    public static String provider(Provider provider, Messages messages) {
        return provider == null ? messages.get("value.dash")
                : messages.get("provider." + provider.name().toLowerCase(Locale.ROOT));
    }

    /** A server's owner; a server without one says so, a finding not about a server has none to tell. */
    public static String owner(ServerProfile server, Messages messages) {
        if (server == null) {
            return messages.get("value.dash");
        }
        return server.owner() == null ? messages.get("value.noOwner") : SafeText.line(server.owner());
    }

    public static String yesNoUnknown(Boolean value, Messages messages) {
        return value == null ? messages.get("value.unknown") : messages.get(value ? "value.yes" : "value.no");
    }

    /** An enum constant's bundle key, e.g. {@code state.running}. */
    public static String enumLabel(String prefix, Enum<?> value, Messages messages) {
        return value == null ? messages.get("value.unknown")
                : messages.get(prefix + "." + value.name().toLowerCase(Locale.ROOT));
    }
}
