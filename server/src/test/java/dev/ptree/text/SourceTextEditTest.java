package dev.ptree.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An edited text's line index, moved and read again only around the edit, is the index of the new text read whole. */
class SourceTextEditTest {
  @Property(tries = 3000)
  void anEditedIndexIsTheFreshIndex(@ForAll("texts") String text, @ForAll("texts") String replacement,
      @ForAll("fractions") double a, @ForAll("fractions") double b) {
    int start = (int) (Math.min(a, b) * text.length());
    int end = (int) (Math.max(a, b) * text.length());
    SourceText edited = new SourceText(text).edited(start, end, replacement);
    SourceText fresh = new SourceText(text.substring(0, start) + replacement + text.substring(end));
    assertThat(edited.content()).isEqualTo(fresh.content());
    // "ASCII" lets scans be skipped: an edited text may keep saying "not ASCII", never the reverse wrongly
    assertThat(!edited.isAscii() || fresh.isAscii()).isTrue();
    assertThat(edited.isAscii() || !new SourceText(text).isAscii() || !fresh.isAscii()).isTrue();
    assertThat(edited.lineCount()).isEqualTo(fresh.lineCount());
    for (int line = 0; line < fresh.lineCount(); line++) {
      assertThat(edited.lineStart(line)).as("line %d", line).isEqualTo(fresh.lineStart(line));
    }
  }

  /** What a text was found not to hold, an edited text still knows only where the edit brought none. */
  @Property(tries = 2000)
  void anEditedTextContainsWhatTheFreshTextContains(@ForAll("texts") String text, @ForAll("texts") String first,
      @ForAll("texts") String second, @ForAll("fractions") double a, @ForAll("fractions") double b) {
    SourceText t = new SourceText(text);
    for (String needle : NEEDLES) {
      t.contains(needle); // learn what is absent
    }
    for (String replacement : new String[] {first, second}) {
      int start = (int) (Math.min(a, b) * t.length());
      int end = (int) (Math.max(a, b) * t.length());
      t = t.edited(start, end, replacement);
      for (String needle : NEEDLES) {
        assertThat(t.contains(needle)).as("%s in %s", needle, t.content()).isEqualTo(t.content().contains(needle));
      }
    }
  }

  private static final String[] NEEDLES = {"x: ", "\\", "é\n", "a"};

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("a", "\n", "\r", "\r\n", "é", "  - x: 1", "", "\\", "x", ":", " ").list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }
}
