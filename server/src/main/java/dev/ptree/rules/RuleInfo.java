package dev.ptree.rules;

/** What a rule is, independent of any run: the source of `ptree explain`, hovers and SARIF. */
public record RuleInfo(String code, String name, Category category, Severity defaultSeverity,
    String summary, RuleDoc doc) {

}
