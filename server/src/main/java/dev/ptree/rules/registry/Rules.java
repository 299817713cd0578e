package dev.ptree.rules.registry;

import dev.ptree.rules.ConfigSetRule;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Rule;
import dev.ptree.rules.SuppressionRule;
import dev.ptree.rules.TreeRule;
import dev.ptree.rules.WorkspaceRule;

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
import java.util.stream.Stream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one registry of rules: every front end lists, documents and runs rules from here. Rules
 * are listed by kind, so the engine gets each kind typed and never asks a rule what it is.
 */
public final class Rules {
  private Rules() {}

  private static final List<ProviderRule> PROVIDER = sorted(Stream.of(
      new IdentificationRule(), new MissingTotal(), new NamePattern(), new NotCustom(),
      new NoOpProvider(), new ComputeNodeName(),
      new NumberAsString(), new ReservedVsTotal(), new UnitBounds(), new IntegerRange(),
      new AllocationRatio(), new DuplicateName(), new UuidCase(), new IntegralFloat(),
      new StrayWhitespace(), new PlacementRejects()));

  private static final List<FileRule> FILE = sorted(Stream.of(
      new SchemaVersion(), new WrongType(), new UnknownKey(), new SourceFileKey(), new Yaml11Number(), new DuplicateKey(),
      new ControlCharacters(), new BidiControls(), new InvisibleCharacters(), new NovaCrash()));

  private static final List<ConfigSetRule> CONFIG_SET = sorted(Stream.of(
      new YamlSyntax(), new YmlNotLoaded(), new DuplicateProvider(), new Confusables(),
      new NotNfc(), new UnreadableFile()));

  private static final List<TreeRule> TREE = sorted(Stream.of(
      new TreeSchema(), new InvalidGeneration(), new MissingUuid()));

  private static final List<WorkspaceRule> WORKSPACE = sorted(Stream.of(
      new NotInTree(), new MissingParent(), new ParentCycle(), DuplicateIdentity.uuids(),
      DuplicateIdentity.names(), new NameIsUuid(), new RootMismatch(),
      MergeConflicts.ownedInventory(), MergeConflicts.matchedTwice(), MergeConflicts.computeNodeNoRoot()));

  private static final SuppressionRule UNUSED_SUPPRESSION = new UnusedSuppression();

  private static final List<Rule> ALL = sorted(Stream.of(PROVIDER, FILE, CONFIG_SET, TREE, WORKSPACE,
      List.of(UNUSED_SUPPRESSION)).flatMap(List::stream));

  private static <R extends Rule> List<R> sorted(Stream<R> rules) {
    return rules.sorted(Comparator.comparing(Rule::code)).toList();
  }

  public static List<Rule> all() {
    return ALL;
  }

  public static List<ProviderRule> providerRules() {
    return PROVIDER;
  }

  public static List<FileRule> fileRules() {
    return FILE;
  }

  public static List<ConfigSetRule> configSetRules() {
    return CONFIG_SET;
  }

  public static List<TreeRule> treeRules() {
    return TREE;
  }

  public static List<WorkspaceRule> workspaceRules() {
    return WORKSPACE;
  }

  /** The rule that reports suppression comments that silenced nothing. */
  public static SuppressionRule unusedSuppression() {
    return UNUSED_SUPPRESSION;
  }

  /** By code (PT303) or name (reserved-vs-total), case-insensitively. */
  public static Optional<Rule> find(String codeOrName) {
    String key = codeOrName.strip().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(r -> r.code().toLowerCase(Locale.ROOT).equals(key) || r.info().name().equals(key))
        .findFirst();
  }
}
