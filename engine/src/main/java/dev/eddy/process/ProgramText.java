package dev.eddy.process;

/**
 * The program's text with comments blanked to spaces, so that offsets still match the text a
 * person wrote, and the mapping from an offset to a line and a column.
 */
final class ProgramText {
    private final String original;
    private final String code;

    ProgramText(String original) {
        this.original = original;
        this.code = blankComments(original);
    }

    String code() { return code; }

    ProgramError error(int offset, String reason) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, original.length());
        for (int i = 0; i < end; i++) {
            if (original.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new ProgramError(line, end - lineStart + 1, reason);
    }

    /** The statement that starts at an offset, as written, for a run-time failure to name. */
    String statementAt(int offset) {
        int end = offset;
        while (end < code.length() && code.charAt(end) != ';' && code.charAt(end) != '{' && code.charAt(end) != '\n') end++;
        String s = code.substring(Math.min(offset, end), end).strip().replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String blankComments(String s) {
        StringBuilder b = new StringBuilder(s);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '\'' || c == '`') {
                int close = i + 1;
                while (close < b.length()) {
                    if (b.charAt(close) == c) {
                        if (close + 1 < b.length() && b.charAt(close + 1) == c) close += 2;
                        else break;
                    } else {
                        close++;
                    }
                }
                i = close + 1;
            } else if ((c == '-' || c == '/') && i + 1 < b.length() && b.charAt(i + 1) == c) {
                while (i < b.length() && b.charAt(i) != '\n') b.setCharAt(i++, ' ');
            } else {
                i++;
            }
        }
        return b.toString();
    }
}
