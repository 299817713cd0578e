package dev.ptree.text;

/**
 * Messages built from a template and arguments, the one way findings are worded: every argument
 * is neutralised once, here, so no caller can forget to. In the template, {@code {}} stands for
 * an argument as it is ({@link Escaper#escape}), {@code {q}} for one in double quotes ({@link
 * Escaper#quote}), {@code {m}} for one whose combining marks must show ({@link
 * Escaper#escapeMarks}) and {@code {qm}} for such an argument in double quotes. The template itself is program text and is not escaped.
 */
public final class Message {
  private Message() {}

  public static String format(String template, Object... args) {
    StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
    int next = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i);
        String placeholder = close < 0 ? null : template.substring(i + 1, close);
        if (placeholder != null && (placeholder.isEmpty() || placeholder.equals("q") || placeholder.equals("m")
            || placeholder.equals("qm"))) {
          if (next >= args.length) {
            throw new IllegalArgumentException("template " + template + " has more placeholders than "
                + args.length + " argument(s)");
          }
          String arg = String.valueOf(args[next++]);
          out.append(switch (placeholder) {
            case "q" -> Escaper.quote(arg);
            case "m" -> Escaper.escapeMarks(arg);
            case "qm" -> "\"" + Escaper.escapeMarks(arg).replace("\"", "\\\"") + "\"";
            default -> Escaper.escape(arg);
          });
          i = close + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    if (next != args.length) {
      throw new IllegalArgumentException("template " + template + " has fewer placeholders than "
          + args.length + " argument(s)");
    }
    return out.toString();
  }
}
