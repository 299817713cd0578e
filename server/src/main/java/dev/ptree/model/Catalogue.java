package dev.ptree.model;

import java.util.List;
import java.util.Set;

/**
 * The standard trait and resource class names (os-traits, os-resource-classes), as the edge
 * loaded them from the bundled catalogue. {@code source} says which releases they come from.
 */
public record Catalogue(String source, List<String> traits, List<String> resourceClasses,
    Set<String> traitSet, Set<String> resourceClassSet) {

  public static Catalogue of(String source, List<String> traits, List<String> resourceClasses) {
    return new Catalogue(source, List.copyOf(traits), List.copyOf(resourceClasses), Set.copyOf(traits),
        Set.copyOf(resourceClasses));
  }

  public static final Catalogue EMPTY = of("", List.of(), List.of());

  public boolean isStandardTrait(String name) {
    return traitSet.contains(name);
  }

  public boolean isStandardResourceClass(String name) {
    return resourceClassSet.contains(name);
  }
}
