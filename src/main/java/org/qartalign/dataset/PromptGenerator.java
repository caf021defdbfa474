package org.qartalign.dataset;

import java.util.List;
import java.util.SplittableRandom;

/** Text-to-image prompts in the shape people write them: subject, setting, style, and sometimes extra tags. */
public final class PromptGenerator {
    private static final List<String> SUBJECTS = List.of(
            "a lighthouse", "a red fox", "an old sailing ship", "a koi pond", "a mountain village", "a cherry blossom tree",
            "a lone astronaut", "a steam locomotive", "a paper crane", "a sleeping cat", "a castle on a cliff",
            "a hot air balloon", "a bowl of ramen", "a jazz trio", "a snow leopard", "a windmill", "a coral reef",
            "a tea house", "a desert caravan", "a robot gardener", "a whale breaching", "a field of sunflowers",
            "an owl on a branch", "a vintage motorcycle", "a treehouse", "a neon noodle stand", "a stone bridge",
            "a dragon", "a violinist", "a bonsai tree", "a city skyline", "a moon over the sea", "a pagoda",
            "a deer in the mist", "a bicycle against a wall", "a greenhouse", "a carousel", "a fisherman's hut",
            "a hummingbird", "a mushroom forest", "a train station", "a library with tall shelves", "a surfer on a wave",
            "a pair of herons", "a mountain lake", "a market street", "a rocket launch", "a porcelain vase",
            "a coffee cup", "a wolf howling", "a field of lavender", "a clock tower", "a waterfall", "a rainy alley",
            "a butterfly", "a chess board", "a sunflower", "a galaxy", "a temple gate", "a polar bear");
    private static final List<String> SETTINGS = List.of(
            "at dusk", "at sunset", "at dawn", "under a full moon", "in the rain", "in heavy fog", "in autumn",
            "in winter snow", "on a summer afternoon", "at night", "under the stars", "in a neon-lit city",
            "in a misty forest", "by the ocean", "in the desert", "in a spring garden", "on a stormy sea",
            "in golden hour light", "at the edge of a canyon", "in a quiet valley", "floating in space",
            "beneath cherry blossoms", "surrounded by wildflowers", "in an underwater world", "on a snowy mountain",
            "in a bustling market", "at twilight", "in soft morning light", "among ancient ruins", "in the jungle");
    private static final List<String> STYLES = List.of(
            "ukiyo-e woodblock print", "watercolor painting", "oil painting", "studio ghibli style", "art nouveau poster",
            "cyberpunk digital art", "low poly 3d render", "pixel art", "impressionist painting", "ink wash painting",
            "vaporwave", "synthwave", "stained glass", "papercut art", "isometric illustration", "pastel illustration",
            "charcoal sketch", "photorealistic, 35mm photo", "cinematic lighting, 8k", "art deco", "gouache illustration",
            "minimalist flat design", "fantasy concept art", "retro travel poster", "mosaic tiles", "embroidery",
            "psychedelic poster", "film noir", "claymation", "origami");
    private static final List<String> TAGS = List.of(
            "highly detailed", "trending on artstation", "soft colors", "vibrant colors", "muted tones", "high contrast",
            "dramatic lighting", "bokeh", "intricate", "masterpiece", "volumetric light", "sharp focus", "dreamy",
            "golden palette", "cool blue palette", "warm tones", "monochrome", "rich textures");

    private PromptGenerator() {
    }

    /** A prompt drawn deterministically from the random source. */
    public static String prompt(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        sb.append(pick(random, SUBJECTS)).append(' ').append(pick(random, SETTINGS)).append(", ")
                .append(pick(random, STYLES));
        int tags = random.nextInt(100) < 55 ? random.nextInt(1, 4) : 0;
        String previous = "";
        for (int i = 0; i < tags; i++) {
            String tag = pick(random, TAGS);
            if (!tag.equals(previous)) {
                sb.append(", ").append(tag);
            }
            previous = tag;
        }
        return sb.toString();
    }

    static String pick(SplittableRandom random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
