package dev.ptree.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written matchers must answer exactly as Python's re.search with the schema patterns. */
class NovaSchemaTest {
  @Property(tries = 3000)
  void namesMatchLikeThePattern(@ForAll("names") String s) {
    assertThat(NovaSchema.isName(s)).isEqualTo(NovaSchema.search(NovaSchema.NAME_PATTERN, s));
    assertThat(NovaSchema.isPlacementCustom(s)).isEqualTo(NovaSchema.search(NovaSchema.PLACEMENT_CUSTOM, s));
  }

  @Property(tries = 3000)
  void uuidsMatchLikeThePattern(@ForAll("uuids") String s) {
    assertThat(NovaSchema.isUuid(s)).isEqualTo(NovaSchema.search(NovaSchema.UUID, s));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("AZ09_a-\n é").ofMaxLength(12),
        Arbitraries.strings().withChars("AZ09_").ofMinLength(250).ofMaxLength(260),
        Arbitraries.strings().withChars("AZ09_\n").ofMaxLength(6).map(t -> "CUSTOM_" + t));
  }

  @Provide
  Arbitrary<String> uuids() {
    Arbitrary<String> hex = Arbitraries.strings().withChars("09afAFgz-\n\u0663").ofMinLength(34).ofMaxLength(38);
    Arbitrary<String> near = Arbitraries.of("7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10", "7D7B5E2C-5D6B-4A43-9D2E-0F6B5B1F9A10")
        .flatMap(u -> Arbitraries.integers().between(0, 36).flatMap(i -> Arbitraries.of("", "-", "x", "\n", "\u0663", "F")
            .map(c -> u.substring(0, i) + c + u.substring(Math.min(36, i + (c.isEmpty() ? 0 : 1))))));
    return Arbitraries.oneOf(hex, near, near.map(u -> u + "\n"));
  }
}
