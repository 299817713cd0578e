package dev.ptree.lsp;

import dev.ptree.engine.Workspace;
import dev.ptree.io.CatalogueLoader;
import dev.ptree.lsp.features.CodeLenses;
import dev.ptree.lsp.features.Completions;
import dev.ptree.lsp.features.DocumentLinks;
import dev.ptree.lsp.features.Folding;
import dev.ptree.lsp.features.Highlights;
import dev.ptree.lsp.features.Hovers;
import dev.ptree.lsp.features.InlayHints;
import dev.ptree.lsp.features.Navigation;
import dev.ptree.lsp.features.Rename;
import dev.ptree.model.Catalogue;
import dev.ptree.rules.Finding;
import dev.ptree.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The textDocument/* methods: the editor's documents go to {@link OpenDocuments}, requests to the features. */
final class TextDocuments implements TextDocumentService {
  private final Requests requests;
  private final OpenDocuments open;
  private final WorkspaceFolders folders;
  private final DocumentUris uris;
  private final DiagnosticsPublisher diagnostics;
  private final PullDiagnostics pull;
  private final RuleDocPages pages;
  private final Supplier<ServerSettings> settings;

  TextDocuments(Requests requests, OpenDocuments open, WorkspaceFolders folders, DocumentUris uris,
      DiagnosticsPublisher diagnostics, PullDiagnostics pull, RuleDocPages pages, Supplier<ServerSettings> settings) {
    this.requests = requests;
    this.open = open;
    this.folders = folders;
    this.uris = uris;
    this.diagnostics = diagnostics;
    this.pull = pull;
    this.pages = pages;
    this.settings = settings;
  }

  /** The catalogue of standard names, loaded on first use so that `initialize` stays quick. */
  private static Catalogue catalogue() {
    return CatalogueLoader.bundled();
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    requests.notification("didOpen", () -> {
      TextDocumentItem item = params.getTextDocument();
      String path = uris.path(item.getUri());
      uris.editorNames(path, item.getUri());
      pull.edited(path);
      folders.submit(open.open(item.getUri(), path, item.getVersion(), item.getText()));
    });
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    requests.notification("didChange", () -> {
      String uri = params.getTextDocument().getUri();
      OpenDocuments.Text next = open.change(uri, uris.path(uri), params.getTextDocument().getVersion(),
          params.getContentChanges());
      if (next != null) {
        pull.edited(next.source().path());
        folders.submit(next);
      }
    });
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    requests.notification("didClose", () -> {
      String path = uris.path(params.getTextDocument().getUri());
      open.close(path);
      folders.closed(path);
    });
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // the text was sent with didChange already: nothing to read
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return requests.at("hover", params.getTextDocument().getUri(), params.getPosition(),
        (s, path, offset) -> Hovers.hover(s.workspace(), path, offset, catalogue()));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    // the snapshot holds every edit sent before this request: its text is the editor's text
    return requests.at("completion", params.getTextDocument().getUri(), params.getPosition(), (s, p, offset) -> {
      Workspace ws = s.workspace();
      String current = ws.document(p).source().text().content();
      List<CompletionItem> items = Completions.complete(ws, p, current, offset, catalogue());
      // the provider lists are capped: a full list tells the client to ask again as the user types
      return Either.forRight(new CompletionList(items.size() >= 500, items));
    });
  }

  @Override
  public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
    return requests.guarded("completionItem/resolve", true, () -> Completions.resolve(item, catalogue()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    return requests.onSnapshot("codeAction", s -> {
      Workspace ws = s.workspace();
      String path = uris.path(uri);
      Workspace.Document d = ws.document(path);
      if (d == null) {
        return List.of();
      }
      SourceText t = d.source().text();
      List<Finding> findings = ws.findings(path);
      List<CodeAction> actions = CodeActions.actions(uri, s.version(path), t, findings,
          Positions.span(t, params.getRange()), f -> diagnostics.diagnostic(ws, f, t));
      List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
      List<Either<Command, CodeAction>> out = new ArrayList<>();
      for (CodeAction a : actions) {
        if (only == null || only.stream().anyMatch(k -> a.getKind().startsWith(k))) {
          out.add(Either.forRight(a));
        }
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return requests.onSnapshot("documentSymbol", s -> Navigation.documentSymbols(s.workspace(),
        uris.path(params.getTextDocument().getUri())).stream().<Either<SymbolInformation, DocumentSymbol>>map(Either::forRight)
        .toList());
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return requests.at("definition", params.getTextDocument().getUri(), params.getPosition(),
        (s, path, offset) -> Either.forLeft(Navigation.definition(s.workspace(), path, offset, uris::uri)));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
    return requests.at("references", params.getTextDocument().getUri(), params.getPosition(),
        (s, path, offset) -> Navigation.references(s.workspace(), path, offset, declaration, uris::uri));
  }

  @Override
  public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
    return requests.onSnapshot("selectionRange", s -> {
      String path = uris.path(params.getTextDocument().getUri());
      Workspace.Document d = s.workspace().document(path);
      if (d == null) {
        return List.of();
      }
      List<Integer> offsets = params.getPositions().stream().map(p -> Positions.offset(d.source().text(), p)).toList();
      return Navigation.selectionRanges(s.workspace(), path, offsets);
    });
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return requests.onSnapshot("foldingRange", s -> Folding.ranges(s.workspace(), uris.path(params.getTextDocument().getUri())));
  }

  @Override
  public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
    return requests.at("documentHighlight", params.getTextDocument().getUri(), params.getPosition(),
        (s, path, offset) -> Highlights.highlights(s.workspace(), path, offset));
  }

  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    return requests.onSnapshot("inlayHint", s -> {
      String path = uris.path(params.getTextDocument().getUri());
      Workspace.Document d = s.workspace().document(path);
      return d == null ? List.of() : InlayHints.hints(s.workspace(), path,
          params.getRange() == null ? null : Positions.span(d.source().text(), params.getRange()),
          settings.get().inlayHints());
    });
  }

  @Override
  public CompletableFuture<InlayHint> resolveInlayHint(InlayHint hint) {
    return requests.onSnapshot("inlayHint/resolve", s -> InlayHints.resolve(s.workspace(), hint));
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    return requests.onSnapshot("codeLens", s -> settings.get().codeLens()
        ? CodeLenses.lenses(s.workspace(), uris.path(params.getTextDocument().getUri()), uris::uri)
        : List.of());
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
      PrepareRenameParams params) {
    return requests.at("prepareRename", params.getTextDocument().getUri(), params.getPosition(), (s, path, offset) -> {
      PrepareRenameResult r = Rename.prepare(s.workspace(), path, offset);
      return r == null ? null : Either3.forSecond(r);
    });
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return requests.at("rename", params.getTextDocument().getUri(), params.getPosition(),
        (s, path, offset) -> Rename.rename(s.workspace(), path, offset, params.getNewName(), uris::uri));
  }

  @Override
  public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
    return requests.onSnapshot("documentLink", s -> DocumentLinks.links(s.workspace(),
        uris.path(params.getTextDocument().getUri()), uris::uri, pages::link));
  }

  @Override
  public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
    return requests.onSnapshot("textDocument/diagnostic", s -> pull.document(s.workspace(),
        uris.path(params.getTextDocument().getUri()), params.getPreviousResultId(),
        (f, t) -> diagnostics.diagnostic(s.workspace(), f, t)));
  }
}
