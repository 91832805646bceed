package io.github.cloudaudit.source;

/**
 * A live source's setting that cannot work, named as both places spell it: the pom's property
 * ({@code cloudaudit.aws.regions}) and the configuration file's key ({@code aws.regions}), since either may have set
 * it.
 */
public final class SettingProblem {

    private SettingProblem() {
    }

    /** The problem as the live source's settings raise it; see {@link #message}. */
    public static IllegalArgumentException of(String section, String key, String problem) {
        return new IllegalArgumentException(message(section, key, problem));
    }

    /**
     * @param section the source's section, {@code aws} or {@code azure}
     * @param key     the setting's key within it
     * @param problem what is wrong, e.g. "must be 1 to 64, found 0"
     */
    public static String message(String section, String key, String problem) {
        return "cloudaudit." + section + "." + key + " (" + section + "." + key + " in the configuration file) "
                + problem;
    }
}
