package dev.ptree.rules.neutralization;

import dev.ptree.text.SourceText;
import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YScalar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.IntPredicate;

/** Shared scanning for the text rules: raw text (comments included) and decoded scalars. */
final class TextScan {
  private TextScan() {}

  interface Hit {
    void at(int start, int end, int codePoint);
  }

  /** Every occurrence in the raw text, comments included. */
  static void raw(ConfigFile file, IntPredicate wanted, Hit hit) {
    if (file.document().text().isAscii()) {
      return;
    }
    String s = file.document().text().content();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) <= 0x7F) {
        continue;
      }
      int cp = s.codePointAt(i);
      int w = Character.charCount(cp);
      if (wanted.test(cp) && !(i == 0 && cp == 0xFEFF)) {
        hit.at(i, i + w, cp);
      }
      i += w - 1;
    }
  }

  /**
   * Occurrences that exist only in decoded double-quoted scalars (written as escapes such as
   * \u202E), reported once per scalar at its span.
   */
  static void escaped(ConfigFile file, IntPredicate wanted, Hit hit) {
    if (file.document().text().isAscii() && !file.document().text().contains("\\")) {
      return; // no escapes and nothing non-ASCII: no string can hold such a character
    }
    file.nodes().forEach(node -> {
      if (node instanceof YScalar s && s.style() == ScalarStyle.DOUBLE_QUOTED && !SourceText.isAscii(s.text())) {
        String raw = file.document().text().slice(s.span());
        String text = s.text();
        for (int i = 0; i < text.length(); ) {
          int cp = text.codePointAt(i);
          if (wanted.test(cp) && raw.indexOf(Character.toString(cp)) < 0) {
            hit.at(s.span().start(), s.span().end(), cp);
            break;
          }
          i += Character.charCount(cp);
        }
      }
    });
  }

  /** Scalars whose text is an identifier to nova: keys, names, uuids, classes, traits. */
  static Set<YScalar> identifiers(ConfigFile file) {
    Set<YScalar> out = Collections.newSetFromMap(new IdentityHashMap<>());
    file.nodes().forEach(node -> {
      if (node instanceof YMapping m) {
        for (YEntry e : m.entries()) {
          if (e.key() instanceof YScalar k) {
            out.add(k);
          }
        }
      }
    });
    for (var p : file.providers()) {
      if (p.identification() != null) {
        out.add(p.identification().valueNode());
      }
      for (var t : p.traits()) {
        if (t.node() instanceof YScalar s) {
          out.add(s);
        }
      }
      for (InventoryRecord r : p.records()) {
        if (r.entry().key() instanceof YScalar s) {
          out.add(s);
        }
      }
    }
    YMapping top = file.rootMapping();
    if (top != null && top.get("meta") instanceof YMapping meta && meta.get("schema_version") instanceof YScalar v) {
      out.add(v);
    }
    return out;
  }

  static boolean isBidi(int cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069);
  }

  /** Default-ignorable and blank-rendering characters that are not bidi controls. */
  static boolean isInvisible(int cp) {
    if (isBidi(cp)) {
      return false;
    }
    return cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4
        || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200D)
        || (cp >= 0x2060 && cp <= 0x2064) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0x1D173 && cp <= 0x1D17A)
        || (cp >= 0xE0000 && cp <= 0xE0FFF) || cp == 0x2800;
  }
}
