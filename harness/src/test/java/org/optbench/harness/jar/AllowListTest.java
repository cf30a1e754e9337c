package org.optbench.harness.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The allow-list's syntax, and the standard list against the classes it names. */
class AllowListTest {
    @Test
    void classesGlobsPackagesAndSubpackagesMatchAsDocumented() {
        AllowList list = AllowList.parse("""
                # a comment
                java.lang.String        # one class
                java.lang.*Exception
                java.util.function.*
                org.nd4j.linalg.api.shape.**
                """);
        assertTrue(list.allowsType("java/lang/String"));
        assertFalse(list.allowsType("java/lang/StringBuilder"), "a class entry is that class only");
        assertTrue(list.allowsType("java/lang/IllegalStateException"));
        assertFalse(list.allowsType("java/lang/invoke/WrongMethodTypeException"), "a glob stays in its package");
        assertTrue(list.allowsType("java/util/function/Function"));
        assertFalse(list.allowsType("java/util/Map"), "pkg.* is that package's classes");
        assertTrue(list.allowsType("org/nd4j/linalg/api/shape/Shape"));
        assertTrue(list.allowsType("org/nd4j/linalg/api/shape/options/ArrayOptionsHelper"), "pkg.** goes down");
        assertFalse(list.allowsType("org/nd4j/linalg/api/ShapeInfo"), "but not up");
    }

    @Test
    void memberListsAllowOnlyOrExclude() {
        AllowList list = AllowList.parse("""
                java.lang.System: arraycopy out
                org.nd4j.linalg.factory.Nd4j: -write* -readTxt
                java.util.Map$Entry
                """);
        assertTrue(list.allowsType("java/lang/System"), "a class with a member list may still be named");
        assertTrue(list.allowsMember("java/lang/System", "arraycopy"));
        assertTrue(list.allowsMember("java/lang/System", "out"));
        assertFalse(list.allowsMember("java/lang/System", "exit"));
        assertTrue(list.allowsMember("org/nd4j/linalg/factory/Nd4j", "zeros"));
        assertFalse(list.allowsMember("org/nd4j/linalg/factory/Nd4j", "writeTxt"));
        assertFalse(list.allowsMember("org/nd4j/linalg/factory/Nd4j", "readTxt"));
        assertTrue(list.allowsMember("org/nd4j/linalg/factory/Nd4j", "readTxtString"), "names match whole");
        assertTrue(list.allowsMember("java/util/Map$Entry", "getKey"));
        assertFalse(list.allowsType("java/util/Map"), "a nested class's entry is not its outer class's");
        assertFalse(list.allowsMember("java/util/HashMap", "put"), "an unlisted class has no members");
    }

    @Test
    void aLineThatIsNotAnEntryIsAnErrorNamingIt() {
        for (String bad : new String[] {"String", "java.lang.", "java.lang.String: a -b", "java.**: x",
                "java.lang.String: 3d", "java..String", "java.lang.<init>"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AllowList.parse("java.lang.Object\n" + bad + "\n"), bad);
            assertTrue(e.getMessage().startsWith("line 2: ") && e.getMessage().endsWith(bad), e.getMessage());
        }
    }

    @Test
    void theStandardListParsesAndEachClassItNamesExists() throws IOException {
        AllowList standard = AllowList.standard();
        assertTrue(standard.allowsType("org/nd4j/linalg/api/ndarray/INDArray"));
        assertFalse(standard.allowsType("java/lang/Thread"));
        String text;
        try (InputStream in = AllowList.class.getResourceAsStream(AllowList.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // An entry naming one class that no class path holds is a typo: it would allow nothing and mislead.
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (String line : text.split("\\R")) {
            String content = line.replaceAll("#.*", "").strip();
            String type = content.contains(":") ? content.substring(0, content.indexOf(':')).strip() : content;
            if (type.isEmpty() || type.contains("*")) {
                continue;
            }
            named++;
            try {
                Class.forName(type, false, AllowListTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                missing.add(type);
            }
        }
        assertTrue(named > 100, named + " classes named");
        assertEquals(List.of(), missing);
    }
}
