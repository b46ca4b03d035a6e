package dev.eddy.docs;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The command line reference (docs/guide/cli.md) keeps each command's own help between two
 * markers, so the page says what the commands say. Each part of Eddy (engine, designer, Flink
 * bridge) writes and checks the sections of its own commands.
 */
public final class CliReference {
    private CliReference() {}

    /** The help a command prints, without colours or trailing blanks. */
    public static String usage(CommandLine command) {
        String text = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        return Arrays.stream(text.split("\n", -1)).map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    private static String start(String name) { return "<!-- usage: " + name + " -->\n```text\n"; }

    private static String end(String name) { return "\n```\n<!-- end usage: " + name + " -->"; }

    /** The help kept for {@code name} in the page, or null when the page has no section for it. */
    public static String section(String page, String name) {
        int from = page.indexOf(start(name));
        int to = page.indexOf(end(name));
        if (from < 0 || to < from) return null;
        return page.substring(from + start(name).length(), to);
    }

    /** The page with the section of {@code name} holding {@code usage}; the section must be there. */
    public static String withSection(String page, String name, String usage) {
        int from = page.indexOf(start(name));
        int to = page.indexOf(end(name));
        if (from < 0 || to < from) throw new IllegalArgumentException("the command line reference has no section for \"" + name + "\"");
        return page.substring(0, from + start(name).length()) + usage + page.substring(to);
    }
}
