package dev.ptree.lsp;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * A workspace scan's `$/progress` for a client that shows work done: the token is created with
 * `window/workDoneProgress/create`, and only once the client has accepted it are begin, the
 * reports (files read of the total) and end sent. The scan never waits for the client: reports
 * before its answer are dropped (a scan done by then is begun and ended at once), and a client
 * that refuses the token gets none.
 */
final class ScanProgress {
  private static final AtomicInteger TOKENS = new AtomicInteger();
  private static final String TITLE = "ptree: reading the workspace";

  private final PtreeClient client;
  private final Either<String, Integer> token;
  private int done;
  private int total;
  private boolean begun;
  private boolean ended;

  private ScanProgress(PtreeClient client) {
    this.client = client;
    this.token = Either.forLeft("ptree-scan-" + TOKENS.incrementAndGet());
  }

  /** Progress shown by the client, or none for a client that did not ask for it. */
  static ScanProgress start(PtreeClient client, boolean supported) {
    ScanProgress p = new ScanProgress(supported ? client : null);
    if (p.client != null) {
      try {
        client.createProgress(new WorkDoneProgressCreateParams(p.token)).whenComplete((ok, e) -> {
          if (e == null) {
            p.accepted();
          }
        });
      } catch (RuntimeException e) {
        // the client is gone: nothing to show
      }
    }
    return p;
  }

  /** The client took the token: the progress begins (and ends at once if the scan ended meanwhile). */
  private synchronized void accepted() {
    WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
    begin.setTitle(TITLE);
    begin.setCancellable(false);
    begin.setMessage(message());
    begin.setPercentage(percentage());
    begun = send(begin);
    if (begun && ended) {
      sendEnd();
    }
  }

  /** More files found to read. */
  synchronized void found(int files) {
    total += files;
    report();
  }

  /** Files read and parsed. */
  synchronized void read(int files) {
    done += files;
    report();
  }

  private void report() {
    if (begun && !ended) {
      WorkDoneProgressReport r = new WorkDoneProgressReport();
      r.setMessage(message());
      r.setPercentage(percentage());
      send(r);
    }
  }

  /** The scan's files are analysed: the progress ends. */
  synchronized void end() {
    if (ended) {
      return;
    }
    ended = true;
    if (begun) {
      sendEnd();
    }
  }

  private void sendEnd() {
    WorkDoneProgressEnd end = new WorkDoneProgressEnd();
    end.setMessage(total + " files");
    send(end);
  }

  private String message() {
    return done + "/" + total + " files";
  }

  /** Reading is most of a scan; the last percent is the analysis of what was read. */
  private int percentage() {
    return total == 0 ? 0 : (int) Math.min(99, 99L * done / total);
  }

  private boolean send(WorkDoneProgressNotification n) {
    try {
      client.notifyProgress(new ProgressParams(token, Either.forLeft(n)));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
