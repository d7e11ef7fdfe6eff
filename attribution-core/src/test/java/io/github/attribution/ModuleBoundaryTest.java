package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library's module boundary as the tests see it: surefire runs them on the module path with the test
 * classes patched into {@code io.github.attribution}, so the descriptor checked here is the one in the
 * jar.
 */
final class ModuleBoundaryTest {

    private static ModuleDescriptor descriptor() {
        Module module = Attributor.class.getModule();
        assertTrue(module.isNamed(), "the tests must run on the module path");
        return module.getDescriptor();
    }

    @Test
    void descriptor_namesTheModuleAndReadsOnlySlf4j() {
        ModuleDescriptor d = descriptor();
        assertEquals("io.github.attribution", d.name());
        assertEquals(
                Set.of("java.base", "org.slf4j"),
                d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }

    @Test
    void exports_onlyTheApiPackages_unqualified() {
        ModuleDescriptor d = descriptor();
        assertEquals(
                new TreeSet<>(Set.of(
                        "io.github.attribution",
                        "io.github.attribution.data",
                        "io.github.attribution.datadriven",
                        "io.github.attribution.io",
                        "io.github.attribution.journey",
                        "io.github.attribution.model",
                        "io.github.attribution.money",
                        "io.github.attribution.report",
                        "io.github.attribution.sample")),
                d.exports().stream()
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(d.opens().isEmpty());
    }

    @Test
    void internal_isInTheModuleButNotExported() {
        ModuleDescriptor d = descriptor();
        assertTrue(d.packages().contains("io.github.attribution.internal"));
        Module module = Attributor.class.getModule();
        assertFalse(module.isExported("io.github.attribution.internal"));
    }
}
