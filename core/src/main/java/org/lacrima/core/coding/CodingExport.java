package org.lacrima.core.coding;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.transcript.DocumentSummary;

/**
 * Every coding of a project as rows of Lacrima's exchange format, documents by name, then by span, coder name,
 * category path and id: enough to rebuild the codings exactly in a project with the same documents, and in an
 * order that depends on nothing else of the project (not on the order its coders were created in), so that the
 * rebuilt project exports the same bytes.
 */
public final class CodingExport {

  public record Row(String document, String coder, UUID categoryId, String categoryPath, int start, int end,
      String text, String memo, UUID id) {
  }

  private CodingExport() {
  }

  public static long run(ProjectSession session, Consumer<Row> out) {
    CategorySystem system = session.categories().current();
    Map<UUID, String> coderNames = new HashMap<>();
    session.coders().list().forEach(c -> coderNames.put(c.id(), c.name()));
    Map<UUID, String> paths = new HashMap<>();
    List<DocumentSummary> documents = session.documents().list().stream()
        .sorted(Comparator.comparing(DocumentSummary::name)).toList();
    long n = 0;
    for (DocumentSummary doc : documents) {
      List<Coding> codings = session.codings().byDocument(doc.id());
      if (codings.isEmpty()) {
        continue;
      }
      DocumentText text = session.documents().text(doc.id());
      codings = codings.stream().sorted(Comparator.comparingInt(Coding::start).thenComparingInt(Coding::end)
          .thenComparing((Coding c) -> coderNames.get(c.coder()))
          .thenComparing(c -> paths.computeIfAbsent(c.category(), system::path)).thenComparing(Coding::id)).toList();
      for (Coding c : codings) {
        String path = paths.computeIfAbsent(c.category(), system::path);
        out.accept(new Row(doc.name(), coderNames.get(c.coder()), c.category(), path, c.start(), c.end(),
            text.slice(c.start(), c.end()), c.memo(), c.id()));
        n++;
      }
    }
    return n;
  }
}
