package dev.eddy.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/guide: every link and picture it names is there, and every sample and lesson has its place in it. */
class GuideTest {
    private static final Path GUIDE = Path.of("../docs/guide").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static String allPages() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> pages = Files.list(GUIDE)) {
            for (Path p : pages.filter(f -> f.toString().endsWith(".md")).sorted().toList()) b.append(Files.readString(p)).append('\n');
        }
        return b.toString();
    }

    @Test
    void everyLinkAndPictureOfTheGuideIsThere() throws Exception {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> pages = Files.list(GUIDE)) {
            for (Path page : pages.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = LINK.matcher(Files.readString(page));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.startsWith("http") || target.startsWith("#")) continue;
                    Path file = GUIDE.resolve(target.replaceFirst("#.*$", "")).normalize();
                    if (!Files.exists(file)) missing.add(page.getFileName() + " → " + target);
                }
            }
        }
        assertTrue(missing.isEmpty(), "links to nothing: " + missing);
    }

    @Test
    void everySampleAndEveryLessonHasItsPlaceInTheGuide() throws Exception {
        String guide = allPages();
        List<String> absent = new ArrayList<>();
        for (Path p : SamplesTest.pipelines()) {
            String dir = p.getParent().getFileName().toString();
            String name = dir.equals("lessons") ? "lessons/" + p.getFileName() : dir + "/";
            if (!guide.contains("samples/" + name)) absent.add(name);
        }
        assertTrue(absent.isEmpty(), "not in docs/guide: " + absent);
    }
}
