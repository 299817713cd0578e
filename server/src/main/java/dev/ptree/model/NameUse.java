package dev.ptree.model;

import dev.ptree.text.Span;

/** A resource class key or a trait name, where a provider config writes it. */
public record NameUse(Kind kind, String name, Span span) {
  public enum Kind {
    RESOURCE_CLASS("resource class", "resource classes"),
    TRAIT("trait", "traits");

    private final String singular;
    private final String plural;

    Kind(String singular, String plural) {
      this.singular = singular;
      this.plural = plural;
    }

    public String singular() {
      return singular;
    }

    public String plural() {
      return plural;
    }
  }
}
