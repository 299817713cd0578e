package dev.ptree.rules.registry;

import dev.ptree.rules.Rule;

import dev.ptree.rules.comparison.AllocationRatio;
import dev.ptree.rules.comparison.DuplicateKey;
import dev.ptree.rules.comparison.DuplicateName;
import dev.ptree.rules.comparison.IntegerRange;
import dev.ptree.rules.comparison.IntegralFloat;
import dev.ptree.rules.comparison.NumberAsString;
import dev.ptree.rules.comparison.ReservedVsTotal;
import dev.ptree.rules.comparison.UnitBounds;
import dev.ptree.rules.comparison.UuidCase;
import dev.ptree.rules.comparison.Yaml11Number;
import dev.ptree.rules.exceptions.MergeConflicts;
import dev.ptree.rules.exceptions.NovaCrash;
import dev.ptree.rules.exceptions.PlacementRejects;
import dev.ptree.rules.exceptions.UnreadableFile;
import dev.ptree.rules.lifecycle.ComputeNodeName;
import dev.ptree.rules.lifecycle.DuplicateIdentity;
import dev.ptree.rules.lifecycle.DuplicateProvider;
import dev.ptree.rules.lifecycle.InvalidGeneration;
import dev.ptree.rules.lifecycle.MissingParent;
import dev.ptree.rules.lifecycle.MissingUuid;
import dev.ptree.rules.lifecycle.NameIsUuid;
import dev.ptree.rules.lifecycle.NoOpProvider;
import dev.ptree.rules.lifecycle.NotInTree;
import dev.ptree.rules.lifecycle.ParentCycle;
import dev.ptree.rules.lifecycle.RootMismatch;
import dev.ptree.rules.neutralization.BidiControls;
import dev.ptree.rules.neutralization.Confusables;
import dev.ptree.rules.neutralization.ControlCharacters;
import dev.ptree.rules.neutralization.InvisibleCharacters;
import dev.ptree.rules.neutralization.NotNfc;
import dev.ptree.rules.neutralization.StrayWhitespace;
import dev.ptree.rules.syntax.IdentificationRule;
import dev.ptree.rules.syntax.MissingTotal;
import dev.ptree.rules.syntax.NamePattern;
import dev.ptree.rules.syntax.NotCustom;
import dev.ptree.rules.syntax.SchemaVersion;
import dev.ptree.rules.syntax.SourceFileKey;
import dev.ptree.rules.syntax.TreeSchema;
import dev.ptree.rules.syntax.UnknownKey;
import dev.ptree.rules.syntax.UnusedSuppression;
import dev.ptree.rules.syntax.WrongType;
import dev.ptree.rules.syntax.YamlSyntax;
import dev.ptree.rules.syntax.YmlNotLoaded;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one registry of rules: every front end lists, documents and runs rules from here. */
public final class Rules {
  private Rules() {}

  public static final UnusedSuppression UNUSED_SUPPRESSION = new UnusedSuppression();

  private static final List<Rule> ALL = List.<Rule>of(
      new YamlSyntax(), new SchemaVersion(), new WrongType(), new UnknownKey(),
      new IdentificationRule(), new MissingTotal(), new SourceFileKey(), new NamePattern(),
      new NotCustom(), new YmlNotLoaded(), UNUSED_SUPPRESSION,
      new DuplicateProvider(), new NoOpProvider(), new ComputeNodeName(),
      new Yaml11Number(), new NumberAsString(), new ReservedVsTotal(), new UnitBounds(),
      new IntegerRange(), new AllocationRatio(), new DuplicateKey(), new DuplicateName(),
      new UuidCase(), new IntegralFloat(),
      new ControlCharacters(), new BidiControls(), new InvisibleCharacters(), new Confusables(),
      new NotNfc(), new StrayWhitespace(),
      new NovaCrash(), new PlacementRejects(), new UnreadableFile(),
      new TreeSchema(), new NotInTree(), new MissingParent(), new ParentCycle(),
      DuplicateIdentity.uuids(), DuplicateIdentity.names(), new NameIsUuid(), new RootMismatch(),
      new InvalidGeneration(), new MissingUuid(),
      MergeConflicts.ownedInventory(), MergeConflicts.matchedTwice(), MergeConflicts.computeNodeNoRoot())
      .stream().sorted(Comparator.comparing(Rule::code)).toList();

  public static List<Rule> all() {
    return ALL;
  }

  /** By code (PT303) or name (reserved-vs-total), case-insensitively. */
  public static Optional<Rule> find(String codeOrName) {
    String key = codeOrName.strip().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(r -> r.code().toLowerCase(Locale.ROOT).equals(key) || r.info().name().equals(key))
        .findFirst();
  }
}
