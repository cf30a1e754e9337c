package org.optbench.harness.jar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The allow-list: the JDK, ND4J and JavaCPP classes and members a submission may reference besides its own
 * classes. Its entries are {@code allowed-references.txt} beside this class, which documents the syntax and the
 * reason for each group. Names here are JVM internal names ({@code java/util/Map$Entry}).
 */
final class AllowList {
    /** The resource the standard list is read from. */
    static final String RESOURCE = "allowed-references.txt";

    private static final AllowList STANDARD = read();

    private final List<Entry> entries;

    private AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The list that {@code optbench check} applies. */
    static AllowList standard() {
        return STANDARD;
    }

    /**
     * Parses entries in the syntax of {@code allowed-references.txt}.
     *
     * @throws IllegalArgumentException naming the line, for a line that is not an entry
     */
    static AllowList parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!content.isEmpty()) {
                try {
                    entries.add(Entry.parse(content));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
                }
            }
        }
        return new AllowList(entries);
    }

    /** Whether a submission may name the class (an internal name) at all. */
    boolean allowsType(String internalName) {
        for (Entry e : entries) {
            if (e.matchesType(internalName)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a submission may use member {@code name} (a method, field or {@code <init>}) of class {@code owner}. */
    boolean allowsMember(String owner, String name) {
        for (Entry e : entries) {
            if (e.matchesType(owner) && e.allowsMember(name)) {
                return true;
            }
        }
        return false;
    }

    private static AllowList read() {
        try (InputStream in = AllowList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + AllowList.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One line of the list.
     *
     * @param packageName the package, internal form ({@code java/util})
     * @param subpackages whether the entry covers the package's subpackages too ({@code pkg.**})
     * @param className the class names it covers within the package, a glob
     * @param members the member names, globs; empty for all
     * @param excluding whether {@code members} are the ones excluded ({@code -name}) rather than the only ones
     */
    private record Entry(String packageName, boolean subpackages, Pattern className, List<Pattern> members,
                         boolean excluding) {
        /** A class name or glob within a package ('$' is an identifier character). */
        private static final Pattern CLASS_NAME =
                Pattern.compile("[\\p{javaJavaIdentifierStart}*][\\p{javaJavaIdentifierPart}*]*");
        /** A member name or glob, or a constructor. */
        private static final Pattern MEMBER_NAME =
                Pattern.compile("<init>|[\\p{javaJavaIdentifierStart}*][\\p{javaJavaIdentifierPart}*]*");

        static Entry parse(String content) {
            int colon = content.indexOf(':');
            String typePattern = (colon >= 0 ? content.substring(0, colon) : content).strip();
            List<Pattern> members = new ArrayList<>();
            Boolean excluding = null;
            if (colon >= 0) {
                for (String member : content.substring(colon + 1).strip().split("\\s+")) {
                    boolean minus = member.startsWith("-");
                    String name = minus ? member.substring(1) : member;
                    if (!MEMBER_NAME.matcher(name).matches()) {
                        throw new IllegalArgumentException("'" + member + "' is not a member name");
                    }
                    if (excluding != null && excluding != minus) {
                        throw new IllegalArgumentException("members are all allowed (a b) or all excluded (-a -b)");
                    }
                    excluding = minus;
                    members.add(glob(name));
                }
            }
            int dot = typePattern.lastIndexOf('.');
            if (dot <= 0 || dot == typePattern.length() - 1) {
                throw new IllegalArgumentException("'" + typePattern + "' is not pkg.Name, pkg.* or pkg.**");
            }
            String pkg = typePattern.substring(0, dot);
            String name = typePattern.substring(dot + 1);
            boolean subpackages = name.equals("**");
            for (String part : pkg.split("\\.", -1)) {
                if (!part.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) {
                    throw new IllegalArgumentException("'" + pkg + "' is not a package name");
                }
            }
            if (!subpackages && !CLASS_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a class name or glob");
            }
            if (subpackages && colon >= 0) {
                throw new IllegalArgumentException("a pkg.** entry cannot name members");
            }
            return new Entry(pkg.replace('.', '/'), subpackages, glob(subpackages ? "*" : name), members,
                    excluding != null && excluding);
        }

        /** A glob whose only wildcard is '*', any run of characters. */
        private static Pattern glob(String glob) {
            StringBuilder regex = new StringBuilder();
            String[] literals = glob.split("\\*", -1);
            for (int i = 0; i < literals.length; i++) {
                regex.append(i > 0 ? ".*" : "").append(Pattern.quote(literals[i]));
            }
            return Pattern.compile(regex.toString());
        }

        boolean matchesType(String internalName) {
            int slash = internalName.lastIndexOf('/');
            String pkg = slash < 0 ? "" : internalName.substring(0, slash);
            if (subpackages) {
                return pkg.equals(packageName) || pkg.startsWith(packageName + "/");
            }
            return pkg.equals(packageName) && className.matcher(internalName.substring(slash + 1)).matches();
        }

        boolean allowsMember(String name) {
            if (members.isEmpty()) {
                return true;
            }
            boolean listed = members.stream().anyMatch(m -> m.matcher(name).matches());
            return excluding != listed;
        }
    }
}
