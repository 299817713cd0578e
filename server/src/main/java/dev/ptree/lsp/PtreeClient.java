package dev.ptree.lsp;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as the server sees it: LSP, plus ptree's status notification for a status bar. */
public interface PtreeClient extends LanguageClient {
  /** {@code {"state": "analysing" | "ready", "files": N}}. Clients that do not know it ignore it. */
  @JsonNotification("ptree/status")
  void status(java.util.Map<String, Object> params);
}
