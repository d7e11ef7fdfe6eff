package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README and of {@code docs/*.md} leads to a file of the repository, and
 * every {@code #anchor} to a heading of that file (as a code host renders it), so the documents never
 * cite something that does not exist.
 */
final class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void relativeLinks_leadToFilesAndHeadingsThatExist() throws IOException {
        Path root = root();
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path doc : documents) {
            String text =
                    FENCE.matcher(Files.readString(doc, StandardCharsets.UTF_8)).replaceAll("");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // an absolute URL
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved =
                        file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(root.relativize(doc) + ": " + target + " (no such file in the repository)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(root.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(links > 10, "found only " + links + " links");
        assertEquals(List.of(), broken);
    }

    @Test
    void anchor_followsTheCodeHostsRule() {
        assertEquals("from-weights-to-money", anchor("From weights to money"));
        assertEquals("markov", anchor("`markov`"));
        assertEquals("example-a-recycled-lead", anchor("Example: a recycled lead"));
        assertEquals(
                "options-shared-by-attribute-report-and-compare",
                anchor("Options shared by attribute, report and compare"));
    }

    /** The anchors of a markdown file's headings. */
    private static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new HashSet<>();
        if (!file.toString().endsWith(".md")) {
            return anchors;
        }
        String text =
                FENCE.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                anchors.add(anchor(line.replaceFirst("^#+\\s*", "")));
            }
        }
        return anchors;
    }

    /** A heading's anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("the repository root was not found");
    }
}
