package io.github.cloudaudit.testing;

import java.util.Random;

/**
 * Random texts near well-formed ones, for checking a fast parser against a general one: each text is one of the seeds
 * with up to two characters changed, left out or added, drawn from the given characters.
 */
public final class NearTexts {

    private final String[] seeds;
    private final String characters;
    private final Random random;

    /** @param seed of the random sequence, so that a failure can be run again */
    public NearTexts(String[] seeds, String characters, long seed) {
        this.seeds = seeds.clone();
        this.characters = characters;
        this.random = new Random(seed);
    }

    public String next() {
        StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
        for (int change = random.nextInt(3); change > 0; change--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, characters.charAt(random.nextInt(characters.length())));
                case 1 -> text.deleteCharAt(at);
                default -> text.insert(at, characters.charAt(random.nextInt(characters.length())));
            }
        }
        return text.toString();
    }
}
